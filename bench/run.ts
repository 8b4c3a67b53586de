// npm run bench: speed of the language core, as ratios against baselines measured in the same run
// (json-logic-js on the same bundle, and a hand-written TypeScript function of the 2026 policy).
// The machine is shared and noisy: each figure is the median of several runs.
import jsonLogic from 'json-logic-js';
import { loadStandardSet, readStandardDir } from '../src/lib/core/node.ts';
import { analyze, compile, evaluateRecord } from '../src/lib/core/index.ts';
import { compiledLevels } from '../src/lib/core/evaluate/evaluate.ts';
import { evaluate2026, type ApplicantRecord } from './handwritten-2026.ts';
import { generateApplicants } from './generate.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Records per second, median of RUNS runs after one warm-up. */
function throughput(records: unknown[], f: (r: unknown) => void): number {
  for (const r of records.slice(0, 200)) f(r);
  const rates: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    for (const r of records) f(r);
    rates.push(records.length / ((performance.now() - t) / 1000));
  }
  return median(rates);
}

function millis(f: () => void): number {
  f();
  const ts: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    f();
    ts.push(performance.now() - t);
  }
  return median(ts);
}

const files = readStandardDir('standards/2026');
const lines = files.reduce((n, f) => n + f.text.split('\n').length, 0);
const bundle = loadStandardSet('standards/2026').bundle!;
const levels = compiledLevels(bundle);
const records = generateApplicants(Number(process.env.BENCH_N ?? 10_000), 42);
const small = records.slice(0, 1000);

const checkMs = millis(() => analyze(files));
const compileMs = millis(() => compile(files));

const handwritten = throughput(records, (r) => evaluate2026(r as ApplicantRecord));
const reference = throughput(small, (r) => {
  for (const l of bundle.levels) {
    jsonLogic.apply(l.verdict as never, r as never);
    jsonLogic.apply(l.route as never, r as never);
    jsonLogic.apply(l.score as never, r as never);
  }
});
const ours = throughput(records, (r) => {
  for (const l of levels) {
    l.verdict(r);
    l.route(r);
    l.score(r);
  }
});
const validated = throughput(records, (r) => evaluateRecord(bundle, r, { explain: false }));
const summary = throughput(small, (r) => evaluateRecord(bundle, r, { explain: 'summary' }));
const full = throughput(small, (r) => evaluateRecord(bundle, r, { explain: true }));

const row = (name: string, rate: number) =>
  `| ${name} | ${Math.round(rate).toLocaleString('en')} | ${(rate / handwritten).toFixed(3)} | ${(rate / reference).toFixed(1)} |`;
console.log(`2026 standard set: ${files.length} files, ${lines} lines; check ${checkMs.toFixed(1)} ms, check+compile ${compileMs.toFixed(1)} ms (median of ${RUNS})`);
console.log(`${records.length.toLocaleString('en')} generated applicants, 4 levels each\n`);
console.log('| path | applicants/s | × hand-written | × json-logic-js |');
console.log('|---|---|---|---|');
console.log(row('hand-written TypeScript (baseline)', handwritten));
console.log(row('json-logic-js on the bundle (baseline)', reference));
console.log(row('our evaluator: verdict, route, score', ours));
console.log(row('+ record validation (ajv + contract checks)', validated));
console.log(row('+ reasons and figures (summary explanation)', summary));
console.log(row('+ full explanation (items counted per rule)', full));
