// A sample applicant's pinned expectations against a bundle: what `stdc test` prints and what
// submitting a revision for approval requires to be empty.
import { evaluateRecord } from './evaluate/evaluate.ts';
import type { Bundle } from './compile/bundle-types.ts';

export interface PinnedSample {
  record: unknown;
  expected: Record<string, { verdict: string; route: string | null; score: number }>;
}

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9;

/** Every way the sample's results differ from its expectations, in Chinese; empty when all hold. */
export function sampleProblems(bundle: Bundle, s: PinnedSample): string[] {
  const r = evaluateRecord(bundle, s.record, { explain: false });
  const problems: string[] = [];
  if (r.errors) problems.push(...r.errors.map((e) => `记录有误 ${e.path}：${e.message}`));
  for (const lr of r.results ?? []) {
    const e = s.expected[lr.level];
    if (!e) {
      problems.push(`${lr.level}：缺少预期结果`);
      continue;
    }
    if (e.verdict !== lr.verdict) problems.push(`${lr.level}：结论预期 ${e.verdict}，实际 ${lr.verdict}`);
    if (e.route !== lr.route) problems.push(`${lr.level}：路线预期 ${e.route}，实际 ${lr.route}`);
    if (!same(e.score, lr.score)) problems.push(`${lr.level}：积分预期 ${e.score}，实际 ${lr.score}`);
  }
  return problems;
}
