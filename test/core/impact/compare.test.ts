// Flips and their causes on the hand-built pair, each worked out by hand (see fixture.ts for the edits).
import { describe, expect, it } from 'vitest';
import { compareVersions } from '../../../src/lib/core/impact/compare.ts';
import { applicant, bundleOf, NEW, OLD, W } from './fixture.ts';

const oldB = bundleOf(OLD), newB = bundleOf(NEW);

// P1: one 450万元 contract, 20学时 lecturing. Score 2×9 + 10 = 28 in both.
//   old: A 450 < 500 ✗, B 1 < 3 ✗, C 20 >= 16 ✓ → 1 of 2 → fail.  new: A 450 >= 400 ✓, C ✓, D 0 < 2 ✗ → 2 → pass.
// P2: three 130万元 contracts (390万元), 16学时. Score 2×7 + 8 = 22.
//   old: A ✗, B ✓, C ✓ → 2; 22 >= 20 → pass.  new: A 390 < 400 ✗, C ✓, D ✗ → 1; 22 < 25 → fail.
// P3: retired, otherwise P1. old: G2 fails → ineligible; new: G2 is gone → as P1 → pass.
// P4: one 600万元 contract, 20学时: score 24 + 10 = 34; passes both (A and C).
const cohort = [
  applicant({ id: 'P1', contracts: [450 * W], lectureHours: 20 }),
  applicant({ id: 'P2', contracts: [130 * W, 130 * W, 130 * W], lectureHours: 16 }),
  applicant({ id: 'P3', retired: true, contracts: [450 * W], lectureHours: 20 }),
  applicant({ id: 'P4', contracts: [600 * W], lectureHours: 20 })
];

describe('compareVersions on the hand-built pair', () => {
  const impact = compareVersions(oldB, newB, cohort);
  const row = (id: string) => impact.rows.find((r) => r.id === id)!;

  it('old and new outcomes per applicant', () => {
    expect(impact.applicants).toBe(4);
    expect(impact.rows.map((r) => [r.id, r.old?.verdict, r.new?.verdict, r.old?.score, r.new?.score, r.flip])).toEqual([
      ['P1', 'fail', 'pass', 28, 28, 'gained'],
      ['P2', 'pass', 'fail', 22, 22, 'lost'],
      ['P3', 'ineligible', 'pass', null, 28, 'eligibility'],
      ['P4', 'pass', 'pass', 34, 34, null]
    ]);
    expect(row('P4').causes).toBeUndefined();
  });

  // An added or removed clause counts only when it differs from its absence: a gate that fails, an item or a
  // route line that holds, a component with points. B (failed) and D (fails) leave P1's item count alone.
  it('P1 gained: A with its figure and both requirements, and the item count', () => {
    expect(row('P1').causes!.map((c) => [c.key, c.change, c.text])).toEqual([
      ['items:A', 'changed', 'A 促成技术合同成交额 450万元：原要求 >= 500万元（不满足），现要求 >= 400万元（满足）'],
      ['need', 'changed', '业绩条件：原满足 1 项，要求至少 2 项（不满足）；现满足 2 项，要求至少 2 项（满足）']
    ]);
  });

  it('P2 lost: B removed while it held, the item count, and the raised minimum score', () => {
    expect(row('P2').causes!.map((c) => c.text)).toEqual([
      '删除条款 B 合同项数（原 满足）',
      '业绩条件：原满足 2 项，要求至少 2 项（满足）；现满足 1 项，要求至少 2 项（不满足）',
      '业绩积分 22分：原要求 >= 20分（满足），现要求 >= 25分（不满足）'
    ]);
  });

  it('P3 eligibility: the removed gate is among the causes', () => {
    const keys = row('P3').causes!.map((c) => `${c.change} ${c.key}`);
    expect(keys).toEqual(['changed items:A', 'removed gates:G2', 'changed need']);
    expect(row('P3').causes!.find((c) => c.key === 'gates:G2')!.old).toEqual({ held: false });
  });

  it('the summary counts per level and the flips by clause', () => {
    const s = impact.levels.find((l) => l.level === '助理研究员')!;
    expect(s.old).toEqual({ pass: 2, fail: 1, ineligible: 1 });
    expect(s.new).toEqual({ pass: 3, fail: 1, ineligible: 0 });
    expect(s.flips).toEqual({ lost: 1, gained: 1, eligibility: 1 });
    const by = Object.fromEntries(s.byClause.map((c) => [c.key, c.count]));
    expect(by).toEqual({ 'items:A': 2, 'items:B': 1, need: 3, 'gates:G2': 1, minimum: 1 });
    // scores 28, 22, (ineligible), 34 old; 28, 22, 28, 34 new — 10-point bins
    expect(s.scores.old.slice(0, 4)).toEqual([0, 0, 2, 1]);
    expect(s.scores.new.slice(0, 4)).toEqual([0, 0, 3, 1]);
  });

  it('keeps only the changed rows when asked, and lists rejected records', () => {
    const r = compareVersions(oldB, newB, [...cohort, { id: 'bad' }], { keep: 'changed' });
    expect(r.rows.map((x) => x.id)).toEqual(['P1', 'P2', 'P3']);
    expect(r.rejected.map((x) => x.id)).toEqual(['bad']);
    expect(r.rejected[0].errors.length).toBeGreaterThan(0);
  });

  it('other levels exist only in neither version: only 助理研究员 is compared', () => {
    expect(impact.levels.map((l) => l.level)).toEqual(['助理研究员']);
  });
});
