// The bundle is portable: every piece of its logic (verdicts, routes, scores, each gate, route line, item and
// score component, their figures and list matches) gives the same value in json-logic-js, json-logic-engine 5
// (interpreted and compiled) and datalogic as in the project's own evaluator, on every sample and on a
// generated cohort; and each level's verdict, route and score are those of evaluateRecord.
import { describe, expect, it } from 'vitest';
import { compileLogic } from '../../../src/lib/core/evaluate/jsonlogic.ts';
import { evaluateRecord } from '../../../src/lib/core/index.ts';
import { loadSamples, loadStandardSet } from '../../../src/lib/core/node.ts';
import { validateRecord } from '../../../src/lib/core/records/index.ts';
import { generateApplicants } from '../../../bench/generate.ts';
import { bundleLogic, canonical, ENGINES } from '../../support/engines.ts';

const bundle = loadStandardSet('standards/2026').bundle!;
/** Every piece of logic, as our evaluator and each engine run it. */
const prepare = (logic: unknown[], where: string[]) => ({ where, ours: logic.map(compileLogic), runs: ENGINES.map((e) => e.prepare(logic)) });
const everyPiece = bundleLogic(bundle);
const pieces = prepare(everyPiece.map((p) => p.logic), everyPiece.map((p) => p.where));
/** Each level's verdict, route and score: the whole level's logic, so every rule runs inside them. */
const answers = prepare(bundle.levels.flatMap((l) => [l.verdict, l.route, l.score]), bundle.levels.flatMap((l) => [`${l.name} verdict`, `${l.name} route`, `${l.name} score`]));
const COHORT = Number(process.env.ENGINE_RECORDS ?? 1000);
const DETAILED = Math.min(COHORT, Number(process.env.ENGINE_DETAILED_RECORDS ?? 100));

/** Each engine runs the pieces as one array of rules (one call per record), compared element by element. */
function agreeOn(record: unknown, label: string, set: ReturnType<typeof prepare>): void {
  const json = JSON.stringify(record);
  const want = set.ours.map((f) => f(record));
  set.runs.forEach((run, i) => {
    const got = run(record, json);
    if (!Array.isArray(got)) throw new Error(`${label}: ${ENGINES[i].name}: ${canonical(got)}`);
    want.forEach((w, j) => {
      if (canonical(got[j]) !== canonical(w)) throw new Error(`${label}: ${ENGINES[i].name} on ${set.where[j]}: ${canonical(got[j])} ≠ ${canonical(w)}`);
    });
  });
  const result = evaluateRecord(bundle, record, { explain: false });
  if (set === answers) {
    bundle.levels.forEach((l, i) => {
      expect({ verdict: want[3 * i], route: want[3 * i + 1], score: want[3 * i + 2] === null ? null : Number(want[3 * i + 2]) }, label)
        .toEqual({ verdict: result.results![i].verdict, route: result.results![i].route, score: result.results![i].score });
    });
  }
}

describe('four JSON Logic engines agree with the project evaluator on the 2026 bundle', () => {
  it('has engines that can disagree (loose equality between an object and null)', () => {
    const loose = { '!=': [{ var: 'current_title' }, null] };
    const record = { current_title: { level: 'junior' } };
    const values = ENGINES.map((e) => canonical(e.prepare(loose)(record, JSON.stringify(record))));
    expect(new Set(values).size).toBeGreaterThan(1);
  });

  it(`on every sample: all ${everyPiece.length} pieces of logic, and the answers`, () => {
    for (const s of loadSamples('standards/2026')) {
      agreeOn(s.record, s.file, pieces);
      agreeOn(s.record, s.file, answers);
    }
  }, 120_000);

  it(`on ${COHORT} generated applicants (all pieces on the first ${DETAILED})`, () => {
    let valid = 0;
    for (const record of generateApplicants(COHORT, 20261202)) {
      if (!validateRecord(record, bundle.meta.referenceDate).ok) continue;
      if (valid < DETAILED) agreeOn(record, (record as { id: string }).id, pieces);
      agreeOn(record, (record as { id: string }).id, answers);
      valid++;
    }
    expect(valid).toBeGreaterThan(COHORT * 0.9);
  }, 600_000);
});
