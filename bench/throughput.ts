// One evaluation path's throughput, measured in a process of its own: `node scripts/run-bundled.js
// bench/throughput.ts <case>` prints applicants per second (run.ts runs it bundled so, as the CLI's code runs).
// A fresh process per measurement keeps the JIT's view of one path from being shaped by another (running
// json-logic-js through the evaluator first makes its call sites polymorphic); run.ts runs every case once per
// round and compares within the round, since the machine's speed drifts. Each case takes the best of three
// passes over the same records after a warm-up pass: the steady state, where a CLI run also pays each
// record's first reading and the JIT's warm-up (bench/README.md: generated code that won here lost there).
import jsonLogic from 'json-logic-js';
import { compile, evaluateRecord, type Bundle, type EvaluateOptions } from '../src/lib/core/index.ts';
import { readStandardDir } from '../src/lib/core/node.ts';
import { compiledBundle, type Engine } from '../src/lib/core/evaluate/evaluate.ts';
import { evaluate2026, type ApplicantRecord } from './handwritten-2026.ts';
import { generateApplicants } from './generate.ts';
import { compactFacts, evaluateCompact } from '../src/lib/core/evaluate/compact.ts';

const N = Number(process.env.BENCH_N ?? 10_000);
const PASSES = 3;

const bundle = compile(readStandardDir('standards/2026')).bundle!;
const triple = (l: Bundle['levels'][number]) => [l.verdict, l.route, l.score];
const jsonLogicEngine: Engine = (logic) => (data) => jsonLogic.apply(logic as never, data as never);

function vrs(engine: Engine): (r: unknown) => void {
  const c = compiledBundle(bundle, engine);
  return (r) => {
    c.begin(r);
    for (const l of c.levels) {
      l.verdict(r);
      l.route(r);
      l.score(r);
    }
  };
}

const evaluate = (explain: EvaluateOptions['explain'], engine: Engine = 'fast') => (r: unknown) => void evaluateRecord(bundle, r, { explain, engine });

/** Each case: what runs per applicant, and on how many applicants (the slow paths on fewer). */
export const CASES: Record<string, { n: number; run: () => (r: unknown) => void }> = {
  handwritten: { n: N, run: () => (r) => void evaluate2026(r as ApplicantRecord) },
  'json-logic-js': { n: 1000, run: () => (r) => bundle.levels.forEach((l) => triple(l).forEach((x) => jsonLogic.apply(x as never, r as never))) },
  'json-logic-js reasons': { n: 200, run: () => evaluate('reasons', jsonLogicEngine) },
  'json-logic-js summary': { n: 200, run: () => evaluate('summary', jsonLogicEngine) },
  'json-logic-js full': { n: 200, run: () => evaluate(true, jsonLogicEngine) },
  'reference vrs': { n: N, run: () => vrs('reference') },
  'reference full': { n: 1000, run: () => evaluate(true, 'reference') },
  'fast vrs': { n: N, run: () => vrs('fast') },
  'fast validated': { n: N, run: () => evaluate(false) },
  'fast reasons': { n: N, run: () => evaluate('reasons') },
  'fast summary': { n: N, run: () => evaluate('summary') },
  'fast full': { n: N, run: () => evaluate(true) },
  // every explanation fact (held, figures, items counted, points) as data, with the reasons: compact JSON's work
  'fast facts': { n: N, run: () => (r) => void evaluateCompact(bundle, r) },
  // the same facts of records validated beforehand: like the hand-written function, no validation
  'fast facts, valid records': { n: N, run: () => (r) => void compactFacts(bundle, r) }
};

/**
 * Applicants per second: `rate`, the best of a few passes after a warm-up pass (the steady state); `first`, the
 * warm-up pass itself, which is what a run that sees each record once also pays (the JIT's warm-up).
 */
function measure(name: string): { rate: number; first: number; n: number } {
  const c = CASES[name];
  if (!c) throw new Error(`unknown case ${name}`);
  const records = generateApplicants(c.n, 42);
  const f = c.run();
  // one record of another seed first: what is compiled once per bundle (the plan, the slots) is not timed
  f(generateApplicants(1, 7)[0]);
  const t0 = performance.now();
  for (const r of records) f(r);
  const first = records.length / ((performance.now() - t0) / 1000);
  let best = 0;
  for (let i = 0; i < PASSES; i++) {
    const t = performance.now();
    for (const r of records) f(r);
    best = Math.max(best, records.length / ((performance.now() - t) / 1000));
  }
  return { rate: best, first, n: records.length };
}

if (process.argv[2]) console.log(JSON.stringify(measure(process.argv[2])));
