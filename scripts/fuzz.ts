// `npm run fuzz`: the property fuzzers of test/fuzz/properties.ts and the fold loops against json-logic-js
// (test/fuzz/folds.ts) for FUZZ_SECONDS (default 60) in all, with a random seed (FUZZ_SEED repeats a run).
// Prints the cases each one ran; exits 1 with the counterexample when one fails. `npm test` runs the same
// properties for a few seconds (test/core/fuzz.test.ts) and the folds for 4,000 rules (folds.test.ts).
import { fuzz } from '../test/fuzz/properties.ts';

const seconds = Number(process.env.FUZZ_SECONDS ?? 60);
if (!(seconds > 0)) {
  console.error(`FUZZ_SECONDS must be a positive number, not "${process.env.FUZZ_SECONDS}"`);
  process.exit(2);
}
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
console.log(`fuzz: ${seconds} s, seed ${seed}`);
const started = Date.now();
const runs = await fuzz(seconds * 1000, seed);
let total = 0;
for (const r of runs) {
  total += r.cases;
  console.log(`${r.failed ? 'FAIL' : 'ok  '} ${r.cases.toString().padStart(9)} cases  ${r.name}`);
  if (r.failed) console.log(r.report);
}
console.log(`fuzz: ${total} cases in ${((Date.now() - started) / 1000).toFixed(0)} s, ${runs.filter((r) => r.failed).length} failing properties`);
process.exit(runs.some((r) => r.failed) ? 1 : 0);
