// Where the time of `stdc eval --format csv` goes, part by part, in one process: microseconds per applicant for
// JSON.parse of the record's line (alone, and after decoding its UTF-8 bytes as stdc reads them), the
// hand-written evaluation and its CSV rows (the end-to-end baseline's own work), validation, the evaluation alone, with reasons, and stdc's CSV lines. Each part is timed on the same
// records, the best of 3 passes after a warm-up pass; one part per process when named (the JIT's view of one
// part is not shaped by another). Usage: tsx bench/parts.ts [mixed|eligible] [part]
import { compile, evaluateRecord } from '../src/lib/core/index.ts';
import { readStandardDir } from '../src/lib/core/node.ts';
import { validateRecord } from '../src/lib/core/records/validate.ts';
import { compiledBundle } from '../src/lib/core/evaluate/evaluate.ts';
import { csvCell } from '../src/lib/core/safe-text.ts';
import { csvLines, rowOf } from '../src/cli/output.ts';
import { evaluate2026, type ApplicantRecord, type Level } from './handwritten-2026.ts';
import { generateApplicants, type Cohort } from './generate.ts';

const cohort = (process.argv[2] ?? 'eligible') as Cohort;
const only = process.argv[3];
const N = Number(process.env.BENCH_N ?? 20_000);
const bundle = compile(readStandardDir('standards/2026')).bundle!;
const records = generateApplicants(N, 42, false, cohort) as ApplicantRecord[];
const lines = records.map((r) => JSON.stringify(r));
const lineBytes = lines.map((l) => new TextEncoder().encode(l));
const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const results = records.map((r) => evaluateRecord(bundle, r, { explain: 'reasons' }));
const compiled = compiledBundle(bundle, 'fast');
const LEVELS: Level[] = ['研究实习员', '助理研究员', '副研究员', '研究员'];

export const PARTS: Record<string, () => void> = {
  'JSON.parse': () => {
    for (const l of lines) JSON.parse(l);
  },
  'UTF-8 decoding (fatal) + JSON.parse': () => {
    for (const b of lineBytes) JSON.parse(fatal.decode(b));
  },
  'hand-written evaluation': () => {
    for (const r of records) evaluate2026(r);
  },
  'hand-written evaluation + CSV rows': () => {
    let out = '';
    for (const r of records) {
      const o = evaluate2026(r);
      const head = `${csvCell(r.id)},${csvCell(r.name)},${csvCell(r.target_level)},`;
      for (const l of LEVELS) out += `${head}${l},${o[l].verdict},${o[l].route ?? ''},${o[l].score}\r\n`;
      if (out.length > 1 << 16) {
        Buffer.from(out);
        out = '';
      }
    }
  },
  validation: () => {
    for (const r of records) validateRecord(r, bundle.meta.referenceDate);
  },
  'evaluation (verdict, route, score)': () => {
    for (const r of records) {
      compiled.begin(r);
      for (const l of compiled.levels) {
        l.verdict(r);
        l.route(r);
        l.score(r);
      }
    }
  },
  'validation + evaluation': () => {
    for (const r of records) evaluateRecord(bundle, r, { explain: false });
  },
  'validation + evaluation + reasons': () => {
    for (const r of records) evaluateRecord(bundle, r, { explain: 'reasons' });
  },
  'CSV lines + their bytes': () => {
    let chunk: string[] = [];
    let size = 0;
    for (let i = 0; i < records.length; i++) {
      const s = csvLines(rowOf(records[i], results[i]));
      chunk.push(s);
      size += s.length;
      if (size > 1 << 16) {
        Buffer.from(chunk.join(''));
        chunk = [];
        size = 0;
      }
    }
  }
};

if (only && !(only in PARTS)) throw new Error(`unknown part ${only}; the parts: ${Object.keys(PARTS).join(', ')}`);
console.log(`| part (${cohort}, ${N} applicants) | µs per applicant |\n|---|---|`);
for (const [name, f] of Object.entries(PARTS)) {
  if (only && name !== only) continue;
  f();
  let best = Infinity;
  for (let p = 0; p < 3; p++) {
    const t = performance.now();
    f();
    best = Math.min(best, performance.now() - t);
  }
  console.log(`| ${name} | ${((1000 * best) / records.length).toFixed(2)} |`);
}
