// `stdc eval` of an older build against this one, alternating, on the same applicants file:
//   BEFORE=<checkout with bin/ and dist/cli/ built> node bench/before-after.mjs <applicants.ndjson> [rounds=3]
// (for example `git worktree add tmp/old <commit> && ln -s $PWD/node_modules tmp/old/ && (cd tmp/old && node
// scripts/build-cli.js)`). Prints, per format, the median seconds before and now and the median of the ratio.
import { spawnSync } from 'node:child_process';

const before = process.env.BEFORE;
const [file, rounds = '3'] = process.argv.slice(2);
if (!before || !file) {
  console.error('usage: BEFORE=<old checkout> node bench/before-after.mjs <applicants.ndjson> [rounds]');
  process.exit(2);
}
const cases = [['csv'], ['json'], ['csv', '--jobs', '2'], ['json', '--jobs', '2']];
const seconds = (cwd, format) => {
  const t = performance.now();
  spawnSync(process.execPath, ['bin/stdc.js', 'eval', 'standards/2026', file, '--format', ...format], { cwd, stdio: 'ignore' });
  return (performance.now() - t) / 1000;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];
const pairs = Object.fromEntries(cases.map((c) => [c.join(' '), []]));
for (let i = 0; i < Number(rounds); i++) for (const c of cases) pairs[c.join(' ')].push([seconds(before, c), seconds('.', c)]);
console.log('| `--format` | before (s) | now (s) | now / before |\n|---|---|---|---|');
for (const [k, v] of Object.entries(pairs)) {
  console.log(`| ${k} | ${median(v.map((p) => p[0])).toFixed(2)} | ${median(v.map((p) => p[1])).toFixed(2)} | ${median(v.map((p) => p[1] / p[0])).toFixed(2)} |`);
}
