// Would one table of counted-item lists per applicant (each rule and component naming its lists by index)
// make compact JSON cheaper to write? The per-level lists repeat: the same contracts, with their amounts, in
// each of the four levels. Times JSON.stringify of the compact results as they are against the same results
// with the lists put in such a table (found by their JSON text), on generated mixed applicants, 3 rounds.
//   npx tsx bench/compact-lists.ts            (BENCH_N applicants, default 4,000)
import { compile } from '../src/lib/core/index.ts';
import { readStandardDir } from '../src/lib/core/node.ts';
import { evaluateCompact, type CompactRecord } from '../src/lib/core/evaluate/compact.ts';
import { applicantStream } from './generate.ts';

const bundle = compile(readStandardDir('standards/2026')).bundle!;
const results = [...applicantStream(Number(process.env.BENCH_N ?? 4000), 42)].map((r) => evaluateCompact(bundle, r));

function withListTable(c: CompactRecord) {
  const table: unknown[] = [];
  const seen = new Map<string, number>();
  const ref = (l: unknown) => {
    const k = JSON.stringify(l);
    let i = seen.get(k);
    if (i === undefined) seen.set(k, (i = table.push(l) - 1));
    return i;
  };
  const rule = (r: unknown[]) => (r.length === 3 ? [r[0], r[1], (r[2] as unknown[]).map(ref)] : r);
  return {
    ...c,
    lists: table,
    results: c.results?.map((l) => ({ ...l, gates: l.gates.map(rule), regular: l.regular.map(rule), directRequires: l.directRequires.map(rule), directLines: l.directLines.map(rule), items: l.items.map(rule), components: l.components.map(rule) }))
  };
}

for (let round = 1; round <= 3; round++) {
  let t = performance.now();
  let plain = 0;
  for (const c of results) plain += JSON.stringify(c).length;
  const tPlain = performance.now() - t;
  t = performance.now();
  let tabled = 0;
  for (const c of results) tabled += JSON.stringify(withListTable(c)).length;
  const tTabled = performance.now() - t;
  console.log(`round ${round}: as now ${Math.round(plain / results.length)} B/applicant ${tPlain.toFixed(0)} ms; with a list table ${Math.round(tabled / results.length)} B/applicant ${tTabled.toFixed(0)} ms (×${(tTabled / tPlain).toFixed(2)} time, ×${(tabled / plain).toFixed(2)} bytes)`);
}
