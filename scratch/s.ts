import { analyze } from '../src/lib/core/index.ts';
import { readStandardDir } from '../src/lib/core/node.ts';
import { compileBundle } from '../src/lib/core/compile/bundle.ts';
import { evaluateRecord } from '../src/lib/core/evaluate/evaluate.ts';
import { range, recompiled, sweep, sweepTargetAt, parametrisedBundle } from '../src/lib/core/impact/sweep.ts';
import { generateApplicants } from '../bench/generate.ts';
const files = readStandardDir('standards/2026');
const a = analyze(files);
const cohort = generateApplicants(400, 7);
const b = compileBundle(a.model!);
const counts: Record<string, Record<string, number>> = {};
for (const r of cohort) for (const x of evaluateRecord(b, r, { explain: false }).results!) { (counts[x.level] ??= {})[x.verdict] = ((counts[x.level] ??= {})[x.verdict] ?? 0) + 1; }
console.log(counts);
const f = files.find(x => x.path.endsWith('/研究实习员.std'))!;
const t = sweepTargetAt(a.files, a.model!, f.path, f.text.indexOf('合同成交额 >= 50万元') + 10)!;
console.log(t);
console.log(JSON.stringify(parametrisedBundle(a.model!, t).levels[0].performance.items[0].logic).slice(-200));
console.log(JSON.stringify(sweep(a.model!, t, cohort, range(0, 2000000, 9)).levels));
