#!/usr/bin/env node
// The `stdc` command: runs the prebuilt CLI in dist/cli/ (made by `npm ci` through `prepare`; see
// scripts/build-cli.js), with V8's code cache so that a cold start compiles next to nothing. In a checkout
// where a source file changed since the build, it is rebuilt first (about a second).
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

// `stdc eval` streams batches of any size: let the heap grow by 100% over what is live after a collection
// (V8's default is up to 4×), so that resident memory stays flat. At 50% V8 started a full collection every
// few thousand records (18 on 50,000 applicants, against 2 at 100%), for 7% more CPU; 1,000,000 streamed peak
// at 178 MB, 258 MB with --jobs 2 (bench/README.md, 2026-12-08).
setFlagsFromString('--heap-growing-percent=100');

const root = new URL('../', import.meta.url);
const file = fileURLToPath(new URL('dist/cli/main.cjs', root));
const cacheFile = `${file}.cache`;

function stale() {
  const manifest = new URL('dist/cli/sources.json', root);
  if (!existsSync(file) || !existsSync(manifest)) return true;
  const built = statSync(manifest).mtimeMs;
  try {
    for (const f of JSON.parse(readFileSync(manifest, 'utf8'))) if (statSync(new URL(f, root)).mtimeMs > built) return true;
  } catch {
    return true; // a source file was removed or renamed
  }
  return false;
}

if (existsSync(new URL('src/cli/main.ts', root)) && stale()) {
  try {
    const { buildCli } = await import('../scripts/build-cli.js');
    await buildCli({ quiet: true });
  } catch (e) {
    if (!existsSync(file)) throw e;
    process.stderr.write(`stdc: 无法重新构建 dist/cli（${e.message}），使用已有的构建\n`);
  }
}

const source = readFileSync(file, 'utf8');
let cachedData;
try {
  // Only a cache made from this very build: V8 checks the source's hash too, and rejects a mismatch.
  if (statSync(cacheFile).mtimeMs >= statSync(file).mtimeMs) cachedData = readFileSync(cacheFile);
} catch {}
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
process.exitCode = await module.exports.main(process.argv.slice(2));

// The first run after a build leaves the cache behind, with every function it compiled (a read-only
// install just goes without).
if (!cachedData || script.cachedDataRejected) {
  try {
    writeFileSync(`${cacheFile}.${process.pid}.tmp`, script.createCachedData());
    renameSync(`${cacheFile}.${process.pid}.tmp`, cacheFile);
  } catch {}
}
