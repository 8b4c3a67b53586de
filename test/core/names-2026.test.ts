// The 2026 set written with Chinese names against its code-named copy (test/fixtures/standards-2026-codes, the set
// as it was before the rewrite): the same JSON Logic for every verdict, route, score and part of every level, and
// the same results for every sample and for 10,000 generated applicants.
import { describe, expect, it } from 'vitest';
import { evaluateRecord } from '../../src/lib/core/index.ts';
import { loadSamples, loadStandardSet, readStandardDir } from '../../src/lib/core/node.ts';
import type { BundleLevel } from '../../src/lib/core/compile/bundle-types.ts';
import { renameToChinese } from '../../src/lib/core/fmt/names.ts';
import { formatSource } from '../../src/lib/core/fmt/index.ts';
import { generateApplicants } from '../../bench/generate.ts';

const zh = loadStandardSet('standards/2026');
const codes = loadStandardSet('test/fixtures/standards-2026-codes');

/** A level's logic: everything that decides, nothing that only labels or places it. */
function logicOf(l: BundleLevel): unknown {
  const rule = (r: BundleLevel['gates']['rules'][number]) => ({
    logic: r.logic, figures: r.figures.map((f) => [f.value, f.op, f.target]), lists: r.lists.map((x) => [x.list, x.matches, x.take ?? null])
  });
  return {
    name: l.name, verdict: l.verdict, route: l.route, score: l.score, met: l.performance.met, need: l.performance.need,
    gates: l.gates.rules.map(rule), regular: l.routes.regular?.lines.map(rule) ?? null,
    direct: l.routes.direct ? { requires: l.routes.direct.requires.map(rule), lines: l.routes.direct.lines.map(rule) } : null,
    items: l.performance.items.map(rule), minimum: l.scoring.minimum,
    components: l.scoring.components.map((c) => ({ raw: c.raw, points: c.points, cap: c.cap, lists: c.lists.map((x) => [x.list, x.matches, x.take ?? null]) }))
  };
}

const outcome = (bundle: NonNullable<typeof zh.bundle>, record: unknown) =>
  evaluateRecord(bundle, record, { explain: false }).results?.map((r) => [r.level, r.verdict, r.route, r.score]);

describe('the 2026 set in Chinese names', () => {
  it('is written with Chinese names: no record code of a field or value is left', () => {
    const text = readStandardDir('standards/2026').map((f) => f.text).join('\n');
    for (const code of ['education', 'achievements', 'amount_yuan', 'role', 'degree', 'doctor', 'municipal', 'lead', 'in_service', 'excellent']) {
      expect(text.replace(/\/\/[^\n]*/g, '')).not.toMatch(new RegExp(`(?<![A-Za-z_])${code}(?![A-Za-z_])`));
    }
  });

  it('compiles to the same logic as the code-named set, level by level', () => {
    expect(zh.diagnostics).toEqual([]);
    expect(codes.diagnostics).toEqual([]);
    expect(zh.bundle!.levels.map(logicOf)).toEqual(codes.bundle!.levels.map(logicOf));
  });

  it('gives every sample and 10,000 generated applicants the same verdict, route and score', () => {
    const records = [...loadSamples('standards/2026').map((s) => s.record), ...generateApplicants(10_000, 9)];
    let differ = 0;
    const verdicts = new Set<unknown>();
    for (const r of records) {
      const a = outcome(zh.bundle!, r);
      if (JSON.stringify(a) !== JSON.stringify(outcome(codes.bundle!, r))) differ++;
      a?.forEach((x) => verdicts.add(x[1]));
    }
    expect(differ).toBe(0);
    // The comparison has something to compare: the generated applicants reach every verdict.
    expect([...verdicts].sort()).toEqual(['fail', 'ineligible', 'pass']);
  });

  it('fmt --names zh turns the code-named set into the same logic, and a second run changes nothing', () => {
    const once = renameToChinese(readStandardDir('test/fixtures/standards-2026-codes'));
    expect(once.count).toBeGreaterThan(100);
    const formatted = once.files.map((f) => ({ path: f.path, text: formatSource(f.text, f.path).text }));
    const twice = renameToChinese(formatted);
    expect(twice.count).toBe(0);
    expect(twice.files.map((f) => f.text)).toEqual(formatted.map((f) => f.text));
    const body = formatted.find((f) => f.path.endsWith('common.std'))!.text;
    expect(body).toContain('存在 学历 其中 学位 >= 最低学位 且 授予日期 满 年限');
    expect(body).toContain('合计 业绩.技术合同.成交金额 其中 合同角色 属于 (主持, 参与) 于 任现职以来');
  });
});
