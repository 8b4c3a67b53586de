// `stdc test`: every sample's expected verdict, route and score per level, against the standard.
import { evaluateRecord, type Bundle } from '../lib/core/index.ts';
import type { Sample } from '../lib/core/node.ts';

export interface SampleReport {
  passed: number;
  failed: number;
  text: string;
}

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9;

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
      if (e.verdict !== lr.verdict) problems.push(`${lr.level}：结论预期 ${e.verdict}，实际 ${lr.verdict}`);
      if (e.route !== lr.route) problems.push(`${lr.level}：路线预期 ${e.route}，实际 ${lr.route}`);
      if (!same(e.score, lr.score)) problems.push(`${lr.level}：积分预期 ${e.score}，实际 ${lr.score}`);
    }
    if (problems.length) {
      failed++;
      lines.push(`✗ ${name} ${s.description}`, ...problems.map((p) => `    ${p}`));
    } else {
      passed++;
      lines.push(`✓ ${name} ${s.description}`);
    }
  }
  lines.push('', `${passed} passed, ${failed} failed`);
  return { passed, failed, text: lines.join('\n') + '\n' };
}
