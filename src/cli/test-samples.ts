// `stdc test`: every sample's expected verdict, route and score per level, against the standard.
import type { Bundle } from '../lib/core/index.ts';
import { sampleProblems } from '../lib/core/samples.ts';
import type { Sample } from '../lib/core/node.ts';

export interface SampleReport {
  passed: number;
  failed: number;
  text: string;
}

export function runSampleTests(bundle: Bundle, samples: Sample[]): SampleReport {
  const lines: string[] = [];
  let passed = 0;
  let failed = 0;
  for (const s of samples) {
    const name = s.file.split('/').pop();
    const problems = sampleProblems(bundle, s);
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
