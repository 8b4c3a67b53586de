// Peak resident memory of `stdc eval` streaming a big NDJSON batch through stdin:
//   npx tsx bench/stream-rss.ts            (1,000,000 applicants, CSV out, one thread)
//   STREAM_N=200000 STREAM_ARGS="--jobs 2" npx tsx bench/stream-rss.ts
// Records are generated here and piped in as they are made (no file of several GB); the child's peak RSS is
// read from /proc/<pid>/status (VmHWM) while it runs. Bounded in time: STREAM_TIMEOUT_S (default 900 s).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { applicantStream } from './generate.ts';

const N = Number(process.env.STREAM_N ?? 1_000_000);
const EXTRA = (process.env.STREAM_ARGS ?? '').split(' ').filter(Boolean);
const TIMEOUT_S = Number(process.env.STREAM_TIMEOUT_S ?? 900);

const args = ['bin/stdc.js', 'eval', 'standards/2026', '-', '--format', 'csv', ...EXTRA];
const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
const started = performance.now();

/** kB from /proc/<pid>/status, or 0 once the process is gone. */
function status(field: 'VmHWM' | 'VmRSS'): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

let peak = 0;
const samples: { at: number; rss: number }[] = [];
const sampler = setInterval(() => {
  const hwm = status('VmHWM');
  peak = Math.max(peak, hwm);
  samples.push({ at: (performance.now() - started) / 1000, rss: status('VmRSS') });
}, 250);
const timer = setTimeout(() => {
  console.error(`stream-rss: stopped after ${TIMEOUT_S} s`);
  child.kill('SIGKILL');
}, TIMEOUT_S * 1000);

let outBytes = 0;
let outLines = 0;
child.stdout.on('data', (b: Buffer) => {
  outBytes += b.length;
  for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) outLines++;
});
let errText = '';
child.stderr.on('data', (b: Buffer) => (errText += b.toString()));
const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

// Write the records, waiting whenever the pipe is full: the generator never runs ahead of the child.
let inBytes = 0;
let chunk = '';
for (const record of applicantStream(N, 42)) {
  chunk += JSON.stringify(record) + '\n';
  if (chunk.length < 1 << 16) continue;
  inBytes += Buffer.byteLength(chunk);
  if (!child.stdin.write(chunk)) await new Promise((r) => child.stdin.once('drain', r));
  chunk = '';
}
inBytes += Buffer.byteLength(chunk);
child.stdin.end(chunk);
const code = await exited;
clearInterval(sampler);
clearTimeout(timer);

const seconds = (performance.now() - started) / 1000;
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const at = (f: number) => samples[Math.min(samples.length - 1, Math.floor(samples.length * f))]?.rss ?? 0;
console.log(`stdc ${args.slice(1).join(' ')}: ${N.toLocaleString('en')} applicants (${(inBytes / 1e9).toFixed(2)} GB NDJSON in, ${(outBytes / 1e6).toFixed(0)} MB CSV out, ${outLines.toLocaleString('en')} lines), exit ${code}`);
console.log(`${seconds.toFixed(0)} s (${Math.round(N / seconds).toLocaleString('en')} applicants/s including generation); peak RSS (VmHWM) ${mb(peak)}; RSS at 10/50/90% of the run ${mb(at(0.1))} / ${mb(at(0.5))} / ${mb(at(0.9))}`);
if (code !== 0 && code !== 1) console.log(errText.slice(-2000));
