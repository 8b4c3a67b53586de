// The 2026 standard set against its hand-reasoned samples, and the two execution paths against each other:
// plain json-logic-js (no added operation) and the project's evaluator must agree on every part of every level.
import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { evaluateRecord, hasErrors } from '../../src/lib/core/index.ts';
import { loadSamples, loadStandardSet } from '../../src/lib/core/node.ts';
import { compileLogic } from '../../src/lib/core/evaluate/jsonlogic.ts';
import type { BundleLevel } from '../../src/lib/core/compile/bundle-types.ts';
import { isPortableOperation } from '../../src/lib/core/compile/portable.ts';
import { bundleLogic } from '../support/engines.ts';

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

  it('uses only the portable JSON Logic operations, strict equality, literal reduce initial values and no array literal holding a rule', () => {
    const ops = new Set<string>();
    const problems: string[] = [];
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) {
        if (x.some((y) => y !== null && typeof y === 'object')) problems.push(`array literal holding a rule: ${JSON.stringify(x).slice(0, 80)}`);
        x.forEach(walk);
      } else if (x && typeof x === 'object') {
        const [op, args] = Object.entries(x)[0];
        ops.add(op);
        if (op === 'reduce' && (Array.isArray(args[2]) || (args[2] !== null && typeof args[2] === 'object'))) problems.push(`reduce with a computed initial value: ${JSON.stringify(x).slice(0, 80)}`);
        if (Array.isArray(args)) args.forEach(walk);
        else walk(args);
      }
    };
    for (const piece of bundleLogic(set.bundle!)) walk(piece.logic);
    expect(problems).toEqual([]);
    expect([...ops].filter((o) => !isPortableOperation(o))).toEqual([]);
    expect(ops.has('==') || ops.has('!=')).toBe(false);
  });

  for (const s of samples) {
    const name = s.file.split('/').pop()!;
    it(`${name}: ${s.description}`, () => {
      const r = evaluateRecord(set.bundle!, s.record);
      expect(r.errors).toBeUndefined();
      for (const lr of r.results!) {
        const e = s.expected[lr.level];
        expect({ level: lr.level, verdict: lr.verdict, route: lr.route }).toEqual({ level: lr.level, verdict: e.verdict, route: e.route });
        expect(lr.score).toBeCloseTo(e.score, 9);
        // The explanation agrees with the verdict it explains.
        const gatesHeld = lr.gates!.every((g) => g.held);
        const routeHeld = lr.routes!.regular?.held || lr.routes!.direct?.held;
        const explained = !gatesHeld ? 'ineligible' : routeHeld && lr.performance!.held && lr.scoring!.held ? 'pass' : 'fail';
        expect(explained).toBe(lr.verdict);
        expect(lr.scoring!.components.reduce((a, c) => a + c.points, 0)).toBeCloseTo(lr.score, 9);
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
