// End to end, from outside: `stdc eval` as a user runs it (node bin/stdc.js, the prebuilt CLI) on NDJSON files
// of generated applicants, against the hand-written baseline program (baseline-cli.ts: JSON.parse + the
// hand-written evaluation + CSV printing) in the same round, and a cold `stdc check` against `node -e 0`.
// Every run's output is piped into this process and counted (as a consumer of the output would read it).
// Two cohorts: 'mixed' (generate.ts's default, about 90% ineligible) and 'eligible' (mostly eligible).
// Beside --jobs 2, two single-thread runs at once on the two halves of the file show what two cores give here
// without threads (the ceiling for --jobs 2: Node uses more than one core even in one thread, for its GC).
// BENCH_E2E_N (default 100,000), BENCH_E2E_RUNS (rounds, default 3), BENCH_E2E_CASES (comma-separated subset).
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { applicantStream, type Cohort } from './generate.ts';

const N = Number(process.env.BENCH_E2E_N ?? 100_000);
const RUNS = Number(process.env.BENCH_E2E_RUNS ?? 3);
const dir = join(tmpdir(), 'stdc-bench-e2e');
mkdirSync(dir, { recursive: true });
const hasTime = existsSync('/usr/bin/time');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function input(cohort: Cohort): Promise<string> {
  const file = join(dir, `${cohort}-${N}.ndjson`);
  if (existsSync(file)) return file;
  const out = createWriteStream(`${file}.tmp`);
  for (const r of applicantStream(N, 42, false, cohort)) if (!out.write(JSON.stringify(r) + '\n')) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  spawnSync('mv', [`${file}.tmp`, file]);
  return file;
}

/** The file's first and second half (by lines): what two processes each read for the --jobs ceiling. */
function halves(file: string): [string, string] {
  const out: [string, string] = [file.replace(/\.ndjson$/, '-half1.ndjson'), file.replace(/\.ndjson$/, '-half2.ndjson')];
  if (out.every((f) => existsSync(f))) return out;
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l !== '');
  const mid = Math.ceil(lines.length / 2);
  writeFileSync(out[0], lines.slice(0, mid).join('\n') + '\n');
  writeFileSync(out[1], lines.slice(mid).join('\n') + '\n');
  return out;
}

/** The baseline, bundled to plain JavaScript so that it starts as fast as a hand-written program would. */
async function baseline(): Promise<string> {
  const esbuild = await import('esbuild');
  const file = join(dir, 'baseline.mjs');
  await esbuild.build({ entryPoints: ['bench/baseline-cli.ts'], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: file, logLevel: 'warning' });
  return file;
}

interface Timing {
  seconds: number;
  bytes: number;
  rssMB: number | null;
  code: number | null;
}

/**
 * One process, or several started at once: wall time from spawn until the last exits, their output bytes, and
 * the largest peak resident memory (GNU time's %M, when installed).
 */
async function time(...argvs: string[][]): Promise<Timing> {
  const t = performance.now();
  const runs = argvs.map(async (argv, i) => {
    const rssFile = join(dir, `rss-${process.pid}-${i}`);
    const cmd = hasTime ? '/usr/bin/time' : process.execPath;
    const args = hasTime ? ['-f', '%M', '-o', rssFile, process.execPath, ...argv] : argv;
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let bytes = 0;
    child.stdout.on('data', (b: Buffer) => (bytes += b.length));
    const [code] = (await once(child, 'close')) as [number | null];
    const rssMB = hasTime && existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024 : null;
    if (hasTime) rmSync(rssFile, { force: true });
    return { bytes, rssMB, code };
  });
  const done = await Promise.all(runs);
  const seconds = (performance.now() - t) / 1000;
  const rss = done.map((d) => d.rssMB).filter((x): x is number => x !== null);
  return { seconds, bytes: done.reduce((n, d) => n + d.bytes, 0), rssMB: rss.length ? Math.max(...rss) : null, code: done.find((d) => d.code)?.code ?? done[0].code };
}

const stdc = (...a: string[]) => ['bin/stdc.js', ...a];

async function main() {
  spawnSync(process.execPath, ['scripts/build-cli.js'], { stdio: 'inherit' }); // the CLI as `npm ci` leaves it
  const base = await baseline();
  const files = { mixed: await input('mixed'), eligible: await input('eligible') };
  const only = process.env.BENCH_E2E_CASES?.split(',');
  /** Each case: one process, or several run at once. */
  const cases: Record<string, string[][]> = {};
  for (const [cohort, f] of Object.entries(files)) {
    cases[`${cohort}: hand-written (JSON.parse + evaluate2026 + CSV)`] = [[base, f]];
    cases[`${cohort}: stdc eval --format csv`] = [stdc('eval', 'standards/2026', f, '--format', 'csv')];
    cases[`${cohort}: stdc eval --format json`] = [stdc('eval', 'standards/2026', f, '--format', 'json')];
    cases[`${cohort}: stdc eval --format csv --jobs 2`] = [stdc('eval', 'standards/2026', f, '--format', 'csv', '--jobs', '2')];
    cases[`${cohort}: stdc eval --format json --jobs 2`] = [stdc('eval', 'standards/2026', f, '--format', 'json', '--jobs', '2')];
    // what two cores give here without threads: two processes at once, each on half the file (--jobs 2's ceiling)
    if (!only || only.some((o) => o.includes('halves'))) {
      cases[`${cohort}: two stdc eval --format csv at once, on halves`] = halves(f).map((h) => stdc('eval', 'standards/2026', h, '--format', 'csv'));
    }
  }
  const names = Object.keys(cases).filter((k) => !only || only.some((o) => (o.endsWith('$') ? k === o.slice(0, -1) : k.includes(o))));
  const rounds: Record<string, Timing>[] = [];
  const cold: { node: number; check: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const round: Record<string, Timing> = {};
    for (const name of names) round[name] = await time(...cases[name]);
    rounds.push(round);
    for (let k = 0; k < 5; k++) cold.push({ node: (await time(['-e', '0'])).seconds, check: (await time(stdc('check', 'standards/2026'))).seconds });
    process.stderr.write(`round ${i + 1}/${RUNS} done\n`);
  }
  const med = (name: string, base?: string) => median(rounds.map((r) => (base ? r[name].seconds / r[base].seconds : r[name].seconds)));
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(`## End to end: ${N.toLocaleString('en')} applicants × 4 levels from NDJSON files, median of ${RUNS} rounds (load average at the end: ${load})\n`);
  console.log('| run | seconds | applicants/s | × hand-written (time) | × csv (time) | two cores (--jobs 2, or two processes): × one job (speed) | output bytes per applicant | peak RSS MB |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const name of names) {
    const cohort = name.split(':')[0];
    const hw = `${cohort}: hand-written (JSON.parse + evaluate2026 + CSV)`;
    const csv = `${cohort}: stdc eval --format csv`;
    const r0 = rounds[0][name];
    const rss = median(rounds.map((r) => r[name].rssMB ?? NaN));
    // the speed-up of --jobs 2 over the same run in one thread: the median of the ratios within each round
    const one = name.includes('on halves') ? csv : name.replace(' --jobs 2', '');
    const speedup = name !== one && names.includes(one) ? `**${(1 / med(name, one)).toFixed(2)}×**` : '—';
    console.log(`| ${name}${r0.code ? ` (exit ${r0.code})` : ''} | ${med(name).toFixed(2)} | ${Math.round(N / med(name)).toLocaleString('en')} | ${names.includes(hw) ? med(name, hw).toFixed(2) : '—'} | ${names.includes(csv) ? med(name, csv).toFixed(2) : '—'} | ${speedup} | ${Math.round(r0.bytes / N).toLocaleString('en')} | ${Number.isNaN(rss) ? '—' : rss.toFixed(0)} |`);
  }
  const ratios = cold.map((c) => c.check / c.node);
  console.log(`\nCold start, ${cold.length} pairs: \`node -e 0\` ${median(cold.map((c) => c.node)).toFixed(3)} s, \`stdc check standards/2026\` ${median(cold.map((c) => c.check)).toFixed(3)} s: **${median(ratios).toFixed(2)}×** (median of the ratios within each pair; range ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`);
  console.log(`\n(input: ${Object.values(files).map((f) => `${f} ${(statSync(f).size / 1e6).toFixed(0)} MB`).join(', ')})`);
}

await main();
