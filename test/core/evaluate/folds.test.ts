// The fold loops of the fast path (folds.ts, items.ts, fused.ts) against json-logic-js, on the random folds of
// test/fuzz/folds.ts (`npm run fuzz` runs them for longer), and the grouping and code generation they rely on.
import { describe, expect, it } from 'vitest';
import { recogniseFold } from '../../../src/lib/core/evaluate/folds.ts';
import { canGenerate, Fuser } from '../../../src/lib/core/evaluate/fused.ts';
import { mulberry32 } from '../../../bench/generate.ts';
import { makeGen, runFolds } from '../../fuzz/folds.ts';

const SEED = Number(process.env.FOLDS_FUZZ_SEED ?? 0xf01d5);
const RULES = Number(process.env.FOLDS_FUZZ_RULES ?? 4000);

describe('fold loops against json-logic-js', () => {
  for (const fuse of [false, true]) {
    it(`agree on ${RULES} random folds × 4 data (seed ${SEED}), ${fuse ? 'folds over one list fused into one generated loop' : 'each fold its own loop'}`, () => {
      const r = runFolds({ seed: SEED, fuse, rules: RULES });
      if (r.failure) throw new Error(r.failure);
      expect(r.cases).toBe(RULES);
    });
  }

  it('fuses the folds of one list and window into one group, and keeps apart those of another', () => {
    const state = { gen: 0, step: 0 };
    const fuser = new Fuser(state);
    const pair = (list: string, step: unknown) => ({
      reduce: [{ reduce: [{ merge: [{ var: 'start' }, { var: list }] }, { if: [{ var: 'accumulator' }, { merge: [{ var: 'accumulator.0' }, step] }, { merge: [{ var: 'current' }, 0] }] }, null] }, { var: 'current' }, null]
    });
    const count = { '+': [{ var: 'accumulator.1' }, { if: [{ '>=': [{ var: 'current.d' }, { var: 'accumulator.0' }] }, 1, 0] }] };
    const sum = { '+': [{ var: 'accumulator.1' }, { var: 'current.n' }] };
    const folds = [pair('items', count), pair('items', sum), pair('other', count)].map((r) => recogniseFold(r, false, fuser)!);
    expect(fuser.group({ var: 'items' }, { var: 'start' }, { prefix: 'current.', from: true }).size).toBe(2);
    expect(fuser.group({ var: 'other' }, { var: 'start' }, { prefix: 'current.', from: true }).size).toBe(1);
    const data = { start: '2024-01-01', items: [{ d: '2023-12-31', n: 2 }, { d: '2024-01-01', n: '3' }, { d: '2020-01-01', n: 0 }], other: [{ d: '2025-01-01' }] };
    expect(folds.map((f) => f.f(data))).toEqual([1, 5, 1]);
    // the next record (a new generation) is computed afresh, not read from the group's last results
    state.gen++;
    expect(folds.map((f) => f.f({ ...data, start: '2023-01-01' }))).toEqual([2, 5, 1]);
  });

  it('generates code only in Node: never in a browser page or a browser worker (CSP without unsafe-eval)', () => {
    expect(canGenerate(globalThis)).toBe(true);
    expect(canGenerate({ document: {}, process: { versions: { node: '20.0.0' } } })).toBe(false);
    expect(canGenerate({})).toBe(false); // a Web Worker: no document, no process
    expect(canGenerate({ process: {} })).toBe(false); // a bundler's process shim
  });

  it('recognises the shapes the compiler emits (so the loops above are what ran)', () => {
    const gen = makeGen(mulberry32(SEED));
    let recognised = 0;
    const n = 1000;
    for (let i = 0; i < n; i++) if (recogniseFold(gen.fold(), true)) recognised++;
    expect(recognised).toBeGreaterThan(n * 0.9);
  });
});
