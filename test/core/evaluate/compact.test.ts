// Compact results lose nothing: a compact level expanded with the bundle and the record is the full
// explanation (summary and reasons included), on every sample and on generated applicants of both cohorts,
// after a trip through JSON.
import { describe, expect, it } from 'vitest';
import { compile, evaluateRecord } from '../../../src/lib/core/index.ts';
import { loadSamples, readStandardDir } from '../../../src/lib/core/node.ts';
import { compactDictionary, evaluateCompact, expandLevel, type CompactRecord } from '../../../src/lib/core/evaluate/compact.ts';
import { explainLevel } from '../../../src/lib/core/evaluate/explain.ts';
import { generateApplicants } from '../../../bench/generate.ts';

const bundle = compile(readStandardDir('standards/2026')).bundle!;

function roundTrip(record: unknown): void {
  const full = evaluateRecord(bundle, record, { explain: true });
  const compact = JSON.parse(JSON.stringify(evaluateCompact(bundle, record))) as CompactRecord;
  expect({ id: compact.id, errors: compact.errors, warnings: compact.warnings }).toEqual({ id: full.id, errors: full.errors, warnings: full.warnings });
  expect(compact.results?.length).toBe(full.results?.length);
  (compact.results ?? []).forEach((c, i) => {
    const level = bundle.levels[i];
    const expanded = explainLevel(level, expandLevel(level, c, record));
    expect(expanded).toEqual(full.results![i]);
  });
}

describe('compact results', () => {
  it('expand to the full explanation on every sample', () => {
    const samples = loadSamples('standards/2026');
    expect(samples.length).toBeGreaterThan(10);
    for (const s of samples) roundTrip(s.record);
  });

  it('expand to the full explanation on generated applicants, mixed and mostly eligible, some messy', () => {
    for (const r of generateApplicants(150, 5, true)) roundTrip(r);
    for (const r of generateApplicants(150, 6, false, 'eligible')) roundTrip(r);
  }, 60_000);

  it('expand with the dictionary alone (no bundle) as with the bundle', () => {
    const dict = JSON.parse(JSON.stringify(compactDictionary(bundle)));
    const record = loadSamples('standards/2026')[0].record;
    const c = evaluateCompact(bundle, record);
    c.results!.forEach((x, i) => expect(expandLevel(dict.levels[i], x, record)).toEqual(expandLevel(bundle.levels[i], x, record)));
  });

  it('--level keeps only those levels, in the dictionary and in the results', () => {
    const dict = compactDictionary(bundle, ['副研究员']);
    expect(dict.levels.map((l) => l.name)).toEqual(['副研究员']);
    expect(evaluateCompact(bundle, loadSamples('standards/2026')[0].record, { levels: ['副研究员'] }).results!.map((l) => l.level)).toEqual(['副研究员']);
  });
});
