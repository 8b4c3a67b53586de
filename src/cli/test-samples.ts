// `stdc test`: every sample's expected verdict, route and score per level, against the standard.
import { evaluateRecord, type Bundle } from '../lib/core/index.ts';
import type { Sample } from '../lib/core/node.ts';
import { routeText, scoreText, verdictText } from '../lib/core/evaluate/format.ts';

export interface SampleReport {
  passed: number;
  failed: number;
  text: string;
}

const same = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9);

export function runSampleTests(bundle: Bundle, samples: Sample[]): SampleReport {
  const lines: string[] = [];
  let passed = 0;
  let failed = 0;
  for (const s of samples) {
    const name = s.file.split('/').pop();
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
    if (problems.length) {
      failed++;
      lines.push(`✗ ${name} ${s.description}`, ...problems.map((p) => `    ${p}`));
    } else {
      passed++;
      lines.push(`✓ ${name} ${s.description}`);
    }
  }
  lines.push('', `${passed} 个样例通过，${failed} 个失败`);
  return { passed, failed, text: lines.join('\n') + '\n' };
}
