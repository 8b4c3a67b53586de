// The end-to-end baseline `npm run bench` compares `stdc eval` with: a program written by hand for the 2026
// policy that reads NDJSON applicants, parses each line with JSON.parse, evaluates the four levels with the
// hand-written function (handwritten-2026.ts, no validation, no explanation) and prints the CSV rows, its
// cells made safe as stdc's are (csvCell). bench/e2e.ts bundles it with esbuild and runs it as plain Node.
// Usage: node baseline.js applicants.ndjson > out.csv
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { csvCell } from '../src/lib/core/safe-text.ts';
import { evaluate2026, type ApplicantRecord, type Level } from './handwritten-2026.ts';

const LEVELS: Level[] = ['研究实习员', '助理研究员', '副研究员', '研究员'];
const fd = openSync(process.argv[2], 'r');
const buf = Buffer.allocUnsafe(1 << 20);
const decoder = new StringDecoder('utf8');
let out = '\ufeffid,name,target_level,level,verdict,route,score\r\n';
let rest = '';

function write(s: string): void {
  const b = Buffer.from(s);
  for (let off = 0; off < b.length; ) {
    try {
      off += writeSync(1, b, off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e; // a non-blocking pipe that is full: retry
    }
  }
}

function line(text: string): void {
  if (!text.trim()) return;
  const r = JSON.parse(text) as ApplicantRecord;
  const o = evaluate2026(r);
  const head = `${csvCell(r.id)},${csvCell(r.name)},${csvCell(r.target_level)},`;
  for (const l of LEVELS) out += `${head}${l},${o[l].verdict},${o[l].route ?? ''},${o[l].score}\r\n`;
  if (out.length > 1 << 16) {
    write(out);
    out = '';
  }
}

for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) {
  const text = rest + decoder.write(buf.subarray(0, n));
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
    line(text.slice(start, i));
    start = i + 1;
  }
  rest = text.slice(start);
}
line(rest + decoder.end());
write(out);
closeSync(fd);
