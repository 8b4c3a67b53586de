// A sample applicant's pinned expectations against a bundle: what `stdc test` prints and what
// submitting a revision for approval requires to be empty.
import { evaluateRecord } from './evaluate/evaluate.ts';
import type { Bundle } from './compile/bundle-types.ts';
import { routeText, scoreText, verdictText } from './evaluate/format.ts';

export interface PinnedSample {
  record: unknown;
  expected: Record<string, { verdict: string; route: string | null; score: number | null }>;
}

const same = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9);

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
    // In the clerk's words: "副研究员：预期 不通过，实际 通过".
    if (e.verdict !== lr.verdict) problems.push(`${lr.level}：预期 ${verdictText(e.verdict)}，实际 ${verdictText(lr.verdict)}`);
    if (e.route !== lr.route) problems.push(`${lr.level}：路线预期 ${routeText(e.route)}，实际 ${routeText(lr.route)}`);
    if (!same(e.score ?? null, lr.score)) problems.push(`${lr.level}：积分预期 ${scoreText(e.score)}，实际 ${scoreText(lr.score)}`);
  }
  return problems;
}

const SAMPLE_KEYS = new Set(['record', 'expected', 'description', 'reasoning']);

/**
 * A sample file ({ record, expected, description?, reasoning? }), as opposed to a record that happens to hold a
 * key named "record": only the former is unwrapped, so that the latter is validated as the record it is.
 */
export function isSampleFile(data: unknown): data is { record: unknown } {
  if (!data || typeof data !== 'object' || Array.isArray(data) || !Object.hasOwn(data, 'record')) return false;
  return Object.keys(data).every((k) => SAMPLE_KEYS.has(k));
}
