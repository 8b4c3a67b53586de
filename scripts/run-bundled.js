// Runs a TypeScript entry point (a script, a benchmark) as one esbuild bundle of the project's sources, the way
// the CLI is built (packages stay in node_modules), instead of through tsx. tsx keeps every function's name by
// wrapping each function as it is made (esbuild's keepNames), which costs the code that makes closures at run
// time: the fuzzers' checker and compiler ran at half speed (8.9 against 4.3 ms per case of the standard-text
// property). Usage: node scripts/run-bundled.js <entry.ts> [arguments…]; exits as the entry point exits.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { SOURCE_OPTIONS } from './build-cli.js';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-bundled.js <entry.ts> [arguments…]');
  process.exit(2);
}
const esbuild = await import('esbuild');
// Inside the project, so that the bundle's imports of packages resolve to its node_modules.
const dir = join('node_modules', '.cache', 'stdc-bundled');
mkdirSync(dir, { recursive: true });
const out = join(dir, `${basename(entry).replace(/\.ts$/, '')}-${process.pid}.mjs`);
await esbuild.build({ entryPoints: [entry], outfile: out, bundle: true, format: 'esm', packages: 'external', logLevel: 'warning', ...SOURCE_OPTIONS });
const r = spawnSync(process.execPath, [out, ...args], { stdio: 'inherit' });
rmSync(out, { force: true });
process.exitCode = r.status ?? 1;
