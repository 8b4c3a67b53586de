// `stdc test`: every sample's expected verdict, route and score per level, against the standard.
import type { Bundle } from '../lib/core/index.ts';
import { terminalText } from '../lib/core/safe-text.ts';
import { sampleProblems } from '../lib/core/samples.ts';
import type { BrokenSample, Sample } from '../lib/core/node.ts';

export interface SampleReport {
  passed: number;
  failed: number;
  text: string;
}

/** A broken sample file (not JSON, not UTF-8, unreadable) is a failure with its reason; the others still run. */
export function runSampleTests(bundle: Bundle, samples: (Sample | BrokenSample)[]): SampleReport {
  const lines: string[] = [];
  let passed = 0;
  let failed = 0;
  for (const s of samples) {
    const name = s.file.split('/').pop();
    if ('error' in s) {
      failed++;
      lines.push(`✗ ${name} 无法读取`, `    ${s.error}`);
      continue;
    }
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
  return { passed, failed, text: terminalText(lines.join('\n') + '\n') }; // descriptions are the user's text
}
