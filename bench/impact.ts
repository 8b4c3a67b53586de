// Impact analysis speed, as ratios to one plain evaluation pass over the same cohort in the same round
// (validation + verdict, route and score at every level: what `stdc eval --format csv` does per record):
// - comparing two versions (a draft with three edits) on 100,000 generated applicants, flips' causes included;
// - a 50-step threshold sweep on 10,000 applicants, compiled once with the number as a parameter, and the same
//   sweep recompiling per step (measured on 5 steps, scaled to 50);
// - the nearest qualifying path per failing applicant × level of the samples.
// `npx tsx bench/impact.ts` (npm run bench runs it too); BENCH_RUNS rounds (default 3), median ratios printed.
import { analyze, compile, evaluateRecord, type Bundle, type SourceFile } from '../src/lib/core/index.ts';
import { loadSamples, readStandardDir } from '../src/lib/core/node.ts';
import { compareVersions } from '../src/lib/core/impact/compare.ts';
import { range, recompiled, sweep, sweepTargetAt } from '../src/lib/core/impact/sweep.ts';
import { nearestPath } from '../src/lib/core/impact/nearest.ts';
import { generateApplicants } from './generate.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const N_COMPARE = Number(process.env.BENCH_IMPACT_N ?? 100_000);
const N_SWEEP = 10_000;

const files = readStandardDir('standards/2026');
const edit = (fs: SourceFile[], file: string, from: string, to: string) => fs.map((f) => (f.path.endsWith('/' + file) ? { ...f, text: f.text.replace(from, to) } : f));
let draftFiles = edit(files, '副研究员.std', '合同成交额 >= 500万元', '合同成交额 >= 400万元');
draftFiles = edit(draftFiles, '研究员.std', '至少 3 项', '至少 2 项');
draftFiles = edit(draftFiles, '助理研究员.std', '最低 35分', '最低 30分');
const current = compile(files).bundle!;
const draft = compile(draftFiles).bundle!;
const a = analyze(files);
const f = files.find((x) => x.path.endsWith('/副研究员.std'))!;
const target = sweepTargetAt(a.files, a.model!, f.path, f.text.indexOf('合同成交额 >= 500万元') + 10)!;
const values = range(0, 10_000_000, 50);

const big = generateApplicants(N_COMPARE, 42);
const small = big.slice(0, N_SWEEP);

const time = (fn: () => void) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};
const plain = (b: Bundle, records: unknown[]) => () => {
  for (const r of records) evaluateRecord(b, r, { explain: false });
};
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

const rows: Record<string, number[]> = { compare: [], sweep: [], recompile: [] };
let flips = 0, baseBig = 0, baseSmall = 0, sweepMs = 0;
plain(current, small)(); // warm-up
for (let i = 0; i < RUNS; i++) {
  baseBig = time(plain(current, big));
  let impact: ReturnType<typeof compareVersions> | null = null;
  const c = time(() => (impact = compareVersions(current, draft, big, { keep: 'changed' })));
  flips = impact!.levels.reduce((s, l) => s + l.flips.lost + l.flips.gained + l.flips.eligibility, 0);
  rows.compare.push(c / baseBig);
  baseSmall = time(plain(current, small));
  sweepMs = time(() => sweep(a.model!, target, small, values));
  rows.sweep.push(sweepMs / baseSmall);
  const r5 = time(() => recompiled(a.model!, target, small, values.slice(0, 5)));
  rows.recompile.push((r5 * 10) / baseSmall);
}

const samples = loadSamples('standards/2026');
let paths = 0;
const nearestMs = time(() => {
  for (const s of samples) for (const l of current.levels) {
    const p = nearestPath(current, l.name, s.record as Record<string, unknown>);
    if (p.status !== 'passes') paths++;
  }
});

const x = (v: number) => `${v.toFixed(2)}×`;
console.log(`\n## Impact analysis (bench/impact.ts): ratios to one plain evaluation pass over the same cohort, median of ${RUNS} rounds\n`);
console.log('| task | cohort | × one plain pass | last round |');
console.log('|---|---|---|---|');
console.log(`| compare current vs draft (3 edits), causes of ${flips.toLocaleString('en')} flips | ${N_COMPARE.toLocaleString('en')} | ${x(median(rows.compare))} | plain pass ${Math.round(baseBig)} ms |`);
console.log(`| 50-step sweep of 副研究员 A's threshold, compiled once | ${N_SWEEP.toLocaleString('en')} | ${x(median(rows.sweep))} | ${Math.round(sweepMs)} ms, plain pass ${Math.round(baseSmall)} ms |`);
console.log(`| the same sweep recompiling per step (5 steps × 10) | ${N_SWEEP.toLocaleString('en')} | ${x(median(rows.recompile))} | |`);
console.log(`\nNearest qualifying path: ${paths} failing sample × level pairs in ${Math.round(nearestMs)} ms (${(nearestMs / Math.max(1, paths)).toFixed(1)} ms each).`);

