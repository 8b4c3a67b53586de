// Compact results lose nothing: a compact level expanded with the bundle and the record is the full
// explanation (summary and reasons included), on every sample and on generated applicants of both cohorts,
// after a trip through JSON.
import { describe, expect, it } from 'vitest';
import { compile, evaluateRecord } from '../../../src/lib/core/index.ts';
import { loadSamples, readStandardDir } from '../../../src/lib/core/node.ts';
import { compactDictionary, evaluateCompact, expandLevel, type CompactRecord, type Dictionary } from '../../../src/lib/core/evaluate/compact.ts';
import { explainLevel } from '../../../src/lib/core/evaluate/explain.ts';
import { generateApplicants } from '../../../bench/generate.ts';

const bundle = compile(readStandardDir('standards/2026')).bundle!;
// as a reader of the output has it: after a trip through JSON
const dictionary = JSON.parse(JSON.stringify(compactDictionary(bundle))) as Dictionary;

function roundTrip(record: unknown, b = bundle, dict = dictionary): void {
  const full = evaluateRecord(b, record, { explain: true });
  const compact = JSON.parse(JSON.stringify(evaluateCompact(b, record))) as CompactRecord;
  expect({ id: compact.id, errors: compact.errors, warnings: compact.warnings }).toEqual({ id: full.id, errors: full.errors, warnings: full.warnings });
  expect(compact.results?.length).toBe(full.results?.length);
  (compact.results ?? []).forEach((c, i) => {
    const expanded = explainLevel(b.levels[i], expandLevel(dict.levels[i], c, compact, record));
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

  it('what levels share is written once per applicant: a gate of every level, the score components, the lists they count', () => {
    const slots = (ls: { slot: number }[]) => ls.map((x) => x.slot);
    const levels = dictionary.levels;
    // the 2026 set scores every level with the same components
    for (const l of levels) expect(slots(l.scoring.components)).toEqual(slots(levels[0].scoring.components));
    const c = evaluateCompact(bundle, loadSamples('standards/2026')[0].record);
    const used = new Set(levels.flatMap((l) => [l.gates.rules, l.routes.regular?.lines ?? [], l.routes.direct?.requires ?? [], l.routes.direct?.lines ?? [], l.performance.items].flatMap(slots)));
    expect(c.rules!.length).toBe(used.size);
    expect(c.rules!.length).toBeLessThan(levels.reduce((n, l) => n + l.gates.rules.length + (l.routes.regular?.lines.length ?? 0) + (l.routes.direct ? l.routes.direct.requires.length + l.routes.direct.lines.length : 0) + l.performance.items.length, 0));
    expect(c.components!.length).toBe(levels[0].scoring.components.length);
    // rules with the same slot have the same logic in the bundle
    const byKey = new Map<number, string>();
    bundle.levels.forEach((l, i) =>
      l.gates.rules.forEach((r, k) => {
        const slot = levels[i].gates.rules[k].slot;
        const key = JSON.stringify([r.logic, r.figures.map((f) => [f.value, f.target])]);
        expect(byKey.get(slot) ?? key).toBe(key);
        byKey.set(slot, key);
      })
    );
  });

  it('requirements are in the dictionary; a target that depends on the applicant is in each result instead', () => {
    const r0 = dictionary.levels[0].gates.rules[0];
    expect(r0.figures.every((f) => 'target' in f)).toBe(true);
    const record = loadSamples('standards/2026')[0].record;
    expect(evaluateCompact(bundle, record).rules![r0.slot]).toHaveLength(2);
    // the same set, but the first gate of the first level compares with a figure of the record
    const varied = structuredClone(bundle);
    varied.levels[0].gates.rules[0].figures[0].target = { var: 'id' };
    const dict = JSON.parse(JSON.stringify(compactDictionary(varied))) as Dictionary;
    const v0 = dict.levels[0].gates.rules[0];
    expect('target' in v0.figures[0]).toBe(false);
    const c = evaluateCompact(varied, record);
    expect(c.rules![v0.slot][2]![0]).toBe((record as { id: string }).id);
    roundTrip(record, varied, dict);
    for (const r of generateApplicants(20, 9)) roundTrip(r, varied, dict);
  });

  it('--level keeps only those levels, in the dictionary and in the results', () => {
    const dict = compactDictionary(bundle, ['副研究员']);
    expect(dict.levels.map((l) => l.name)).toEqual(['副研究员']);
    const record = loadSamples('standards/2026')[0].record;
    const c = JSON.parse(JSON.stringify(evaluateCompact(bundle, record, { levels: ['副研究员'] }))) as CompactRecord;
    expect(c.results!.map((l) => l.level)).toEqual(['副研究员']);
    // its slots count only that level's rules, and expand to its full explanation
    const l = dict.levels[0];
    expect(c.rules!.length).toBeLessThanOrEqual(l.gates.rules.length + (l.routes.regular?.lines.length ?? 0) + (l.routes.direct ? l.routes.direct.requires.length + l.routes.direct.lines.length : 0) + l.performance.items.length);
    const i = bundle.levels.findIndex((x) => x.name === '副研究员');
    expect(explainLevel(bundle.levels[i], expandLevel(l, c.results![0], c, record))).toEqual(evaluateRecord(bundle, record, { explain: true, levels: ['副研究员'] }).results![0]);
  });
});
