// The 2026 standard set against its hand-reasoned samples, and the two execution paths against each other:
// plain json-logic-js (no added operation) and the project's evaluator must agree on every part of every level.
import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { evaluateRecord, hasErrors } from '../../src/lib/core/index.ts';
import { loadSamples, loadStandardSet } from '../../src/lib/core/node.ts';
import { compileLogic } from '../../src/lib/core/evaluate/jsonlogic.ts';
import type { BundleLevel } from '../../src/lib/core/compile/bundle-types.ts';

const set = loadStandardSet('standards/2026');
const samples = loadSamples('standards/2026');
const apply = (logic: unknown, data: unknown) => jsonLogic.apply(logic as never, data as never);

/** Every JSON Logic expression of a level, with a name for the failure message. */
function parts(l: BundleLevel): [string, unknown][] {
  const rules = [
    ...l.gates.rules, ...(l.routes.regular?.lines ?? []), ...(l.routes.direct?.requires ?? []),
    ...(l.routes.direct?.lines ?? []), ...l.performance.items
  ];
  return [
    ['verdict', l.verdict], ['route', l.route], ['score', l.score], ['met', l.performance.met],
    ...rules.flatMap((r) => [
      [`${r.label}`, r.logic] as [string, unknown],
      ...r.figures.flatMap((f) => [[`${r.label}/${f.label}`, f.value], [`${r.label}/${f.label}→`, f.target]] as [string, unknown][]),
      ...r.lists.map((x) => [`${r.label}/${x.label}[]`, x.matches] as [string, unknown])
    ]),
    ...l.scoring.components.flatMap((c) => [[c.label, c.points], ...c.lists.map((x) => [`${c.label}/${x.label}[]`, x.matches])] as [string, unknown][])
  ];
}

describe('standards/2026', () => {
  it('checks clean, with no warnings', () => {
    expect(set.diagnostics).toEqual([]);
    expect(hasErrors(set.diagnostics)).toBe(false);
    expect(set.bundle?.levels.map((l) => l.name)).toEqual(['研究实习员', '助理研究员', '副研究员', '研究员']);
  });

  it('has at least 40 samples with expectations for all four levels', () => {
    expect(samples.length).toBeGreaterThanOrEqual(40);
    for (const s of samples) expect(Object.keys(s.expected).sort()).toEqual(['副研究员', '助理研究员', '研究员', '研究实习员'].sort());
  });

  it('uses no operation beyond standard JSON Logic', () => {
    const ops = new Set<string>();
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) { ops.add(k); walk(v); }
    };
    for (const l of set.bundle!.levels) [l.verdict, l.route, l.score].forEach(walk);
    const standard = ['var', 'if', '==', '!=', '!', 'and', 'or', '<', '<=', '>', '>=', '+', '-', '*', '/', '%', 'min', 'max', 'in', 'substr', 'reduce', 'filter', 'merge'];
    expect([...ops].filter((o) => !standard.includes(o))).toEqual([]);
  });

  for (const s of samples) {
    const name = s.file.split('/').pop()!;
    it(`${name}: ${s.description}`, () => {
      const r = evaluateRecord(set.bundle!, s.record);
      expect(r.errors).toBeUndefined();
      for (const lr of r.results!) {
        const e = s.expected[lr.level];
        expect({ level: lr.level, verdict: lr.verdict, route: lr.route }).toEqual({ level: lr.level, verdict: e.verdict, route: e.route });
        if (e.score === null) expect(lr.score).toBeNull();
        else expect(lr.score).toBeCloseTo(e.score, 9);
        // Ineligible: no route open, no score reported.
        if (lr.verdict === 'ineligible') expect([lr.route, lr.score]).toEqual([null, null]);
        // The explanation agrees with the verdict it explains.
        const gatesHeld = lr.gates!.every((g) => g.held);
        const routeHeld = lr.routes!.regular?.held || lr.routes!.direct?.held;
        const explained = !gatesHeld ? 'ineligible' : routeHeld && lr.performance!.held && lr.scoring!.held ? 'pass' : 'fail';
        expect(explained).toBe(lr.verdict);
        if (lr.score !== null) expect(lr.scoring!.components.reduce((a, c) => a + c.points, 0)).toBeCloseTo(lr.score, 9);
      }
      // Plain json-logic-js gives the same answer for every part of every level.
      for (const l of set.bundle!.levels) {
        for (const [label, logic] of parts(l)) {
          expect(compileLogic(logic)(s.record), `${l.name} ${label}`).toEqual(apply(logic, s.record));
        }
      }
    });
  }
});
