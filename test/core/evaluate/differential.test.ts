// The fast path (plan.ts: one shared, memoised closure graph with fold loops) against the reference path
// (compileLogic of each expression alone) and against plain json-logic-js (on the verdicts, routes and
// scores, and for the samples as the engine of whole explanations): on every 2026 sample and on
// thousands of generated records, at every explanation depth, the results must be the same objects (deep
// equal, and byte-equal as JSON). Messy records must be rejected by validation, with the same errors, before
// either path evaluates anything.
import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { evaluateRecord, type EvaluateOptions, type RecordResult } from '../../../src/lib/core/index.ts';
import type { Engine } from '../../../src/lib/core/evaluate/evaluate.ts';
import { loadSamples, loadStandardSet } from '../../../src/lib/core/node.ts';
import { validateRecord } from '../../../src/lib/core/records/index.ts';
import { generateApplicants } from '../../../bench/generate.ts';

const bundle = loadStandardSet('standards/2026').bundle!;
const samples = loadSamples('standards/2026');
const GENERATED = Number(process.env.DIFF_RECORDS ?? 3000);
const DEPTHS: EvaluateOptions['explain'][] = [false, 'reasons', 'summary', true];

const apply = (logic: unknown, data: unknown) => jsonLogic.apply(logic as never, data as never);

/** Deep equality with Object.is on leaves and the same own keys in the same order (toEqual is too slow here). */
function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i] || !same((a as Record<string, unknown>)[ka[i]], (b as Record<string, unknown>)[kb[i]])) return false;
  }
  return true;
}

/** json-logic-js itself as an engine: every part of the explanation computed by the reference implementation. */
const jsonLogicJs = (logic: unknown) => (data: unknown) => apply(logic, data);

/** The engines at one depth: the same objects, keys in the same order. */
function agree(record: unknown, explain: EvaluateOptions['explain'], engines: Engine[] = ['reference']): RecordResult {
  const fast = evaluateRecord(bundle, record, { explain, engine: 'fast' });
  for (const engine of engines) {
    const other = evaluateRecord(bundle, record, { explain, engine });
    if (!same(fast, other)) expect(fast).toEqual(other); // shows the difference
    expect(same(fast, other)).toBe(true);
  }
  return fast;
}

function checkRecord(record: unknown, engines?: Engine[]): 'valid' | 'rejected' {
  const results = DEPTHS.map((d) => agree(record, d, engines));
  if (!validateRecord(record, bundle.meta.referenceDate).ok) {
    // rejected before evaluation: errors only, the same at every depth
    for (const r of results) {
      expect(r.results).toBeUndefined();
      expect(r.errors).toEqual(results[0].errors);
    }
    return 'rejected';
  }
  const [plain, reasons, , full] = results;
  for (const [i, l] of bundle.levels.entries()) {
    // json-logic-js on the bundle's own verdict, route and score
    const rawScore = apply(l.score, record);
    const expected = { level: l.name, verdict: apply(l.verdict, record), route: apply(l.route, record), score: rawScore === null ? null : Number(rawScore) };
    expect(plain.results![i]).toEqual(expected);
    // each depth extends the one before it
    const { level, verdict, route, score, summary, reasons: why } = full.results![i];
    expect(reasons.results![i]).toEqual({ level, verdict, route, score, summary, reasons: why });
  }
  return 'valid';
}

describe('fast path = reference path = json-logic-js', () => {
  it(`on the ${samples.length} samples of standards/2026`, () => {
    // the samples also through json-logic-js as the engine of the whole explanation
    for (const s of samples) expect(checkRecord(s.record, ['reference', jsonLogicJs]), s.file).toBe('valid');
  }, 60_000);

  it(`on ${GENERATED} generated records, some messy`, () => {
    const counts = { valid: 0, rejected: 0 };
    for (const record of generateApplicants(GENERATED, 20260930, true)) counts[checkRecord(record)]++;
    // the generator spoils about one record in five; every spoiled one must be caught
    expect(counts.rejected).toBeGreaterThan(GENERATED * 0.1);
    expect(counts.valid).toBeGreaterThan(GENERATED * 0.7);
  }, 600_000); // 117 s at load 10 and over 180 s at load 17 on the shared 2-core machine

  it('on records edited in place between evaluations (no stale memoised value)', () => {
    const record = structuredClone(samples[0].record) as { achievements: { contracts: unknown[] } };
    const before = agree(record, true);
    record.achievements.contracts = [];
    const after = agree(record, true);
    expect(after).not.toEqual(before);
  });
});
