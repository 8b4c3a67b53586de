import { analyze } from '../src/lib/core/index.ts';
import { readStandardDir } from '../src/lib/core/node.ts';
import { compileBundle } from '../src/lib/core/compile/bundle.ts';
import { evaluateRecord } from '../src/lib/core/evaluate/evaluate.ts';
import { range, sweep, sweepTargetAt } from '../src/lib/core/impact/sweep.ts';
import { generateApplicants } from '../bench/generate.ts';
const files = readStandardDir('standards/2026');
const a = analyze(files);
const cohort = generateApplicants(10000, 42);
const b = compileBundle(a.model!);
for (let k = 0; k < 2; k++) {
let t0 = performance.now();
for (const r of cohort) evaluateRecord(b, r, { explain: false });
const plain = performance.now() - t0;
const f = files.find(x => x.path.endsWith('/副研究员.std'))!;
const t = sweepTargetAt(a.files, a.model!, f.path, f.text.indexOf('合同成交额 >= 500万元') + 10)!;
t0 = performance.now();
sweep(a.model!, t, cohort, range(0, 10_000_000, 50));
const sw = performance.now() - t0;
console.log({ plain, sw, ratio: sw / plain });
}
