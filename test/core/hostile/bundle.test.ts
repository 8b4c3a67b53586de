// A bundle.json read from disk is checked for what its logic holds, not only for its shape: unknown or
// forbidden operations and hostile nesting are refused before anything runs it.
import { describe, expect, it } from 'vitest';
import { loadStandardSet } from '../../../src/lib/core/node.ts';
import { validateBundle } from '../../../src/lib/core/compile/validate-bundle.ts';
import { MAX_LOGIC_DEPTH } from '../../../src/lib/core/compile/portable.ts';

const built = loadStandardSet('standards/2026').bundle!;
const withVerdict = (verdict: unknown) => {
  const b = structuredClone(built) as unknown as { levels: { verdict: unknown }[] };
  b.levels[0].verdict = verdict;
  return b;
};

describe('validateBundle checks the logic', () => {
  it('accepts the built 2026 bundle', () => {
    expect(validateBundle(structuredClone(built))).toMatchObject({ ok: true });
  });

  for (const [what, logic] of [
    ['an unknown operation', { frobnicate: [1] }],
    ['method (not portable, calls JavaScript)', { method: [{ var: 'name' }, 'toUpperCase'] }],
    ['log', { log: 'x' }],
    ['loose equality', { '==': [{ var: 'current_title' }, null] }],
    ['an object with two keys where an operation belongs', { if: [{ a: 1, b: 2 }, 'pass', 'fail'] }]
  ] as const) {
    it(`refuses ${what}, saying where`, () => {
      const r = validateBundle(withVerdict({ if: [true, logic, 'fail'] }));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors[0]).toMatch(new RegExp(`^${built.levels[0].name} verdict: `));
    });
  }

  it('refuses logic nested 100,000 deep, quickly and without a stack overflow', () => {
    let deep: unknown = true;
    for (let i = 0; i < 100_000; i++) deep = { '!': [deep] };
    const t = performance.now();
    const r = validateBundle(withVerdict(deep));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toContain(`${MAX_LOGIC_DEPTH} 层`);
    expect(performance.now() - t).toBeLessThan(10_000);
  });
});
