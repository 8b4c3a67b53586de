// Runs a TypeScript entry point (a script, a benchmark) as one esbuild bundle of the project's sources, the way
// the CLI is built (packages stay in node_modules), instead of through tsx. tsx keeps every function's name by
// wrapping each function as it is made (esbuild's keepNames), which costs the code that makes closures at run
// time: the fuzzers' checker and compiler ran at half speed (8.9 against 4.3 ms per case of the standard-text
// property). Usage: node scripts/run-bundled.js <entry.ts> [arguments…]; exits as the entry point exits.
// bundleEntry() is the build step alone, for a caller that runs the bundle many times (bench/run.ts).
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SOURCE_OPTIONS } from './build-cli.js';

/** Bundles `entry` into a file of its own inside the project (so that packages resolve); the caller removes it. */
export async function bundleEntry(entry) {
  const esbuild = await import('esbuild');
  const dir = join('node_modules', '.cache', 'stdc-bundled');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `${basename(entry).replace(/\.ts$/, '')}-${process.pid}.mjs`);
  await esbuild.build({ entryPoints: [entry], outfile: out, bundle: true, format: 'esm', packages: 'external', logLevel: 'warning', ...SOURCE_OPTIONS });
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [entry, ...args] = process.argv.slice(2);
  if (!entry) {
    console.error('usage: node scripts/run-bundled.js <entry.ts> [arguments…]');
    process.exit(2);
  }
  const out = await bundleEntry(entry);
  const r = spawnSync(process.execPath, [out, ...args], { stdio: 'inherit' });
  rmSync(out, { force: true });
  process.exitCode = r.status ?? 1;
}
