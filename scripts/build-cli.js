// Builds the `stdc` command into dist/cli/: src/cli/main.ts (with every verb it imports) and the --jobs worker,
// each one self-contained ES module with its dependencies inside, so that `stdc` starts without tsx and without
// resolving hundreds of modules. Run by `npm ci` / `npm install` (the `prepare` script), by the CLI tests, and
// by bin/stdc.js itself when a source file is newer than the build (a developer's checkout).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const outDir = join(root, 'dist', 'cli');
/**
 * The entries, by output file. main.cjs is CommonJS so that bin/stdc.js can load it as a vm.Script with V8's
 * code cache (Node 20 has no compile cache for ES modules), its import.meta.url defined from __filename; the
 * worker, loaded by jobs.ts as `./eval-worker.js` next to it, is an ES module.
 */
const entries = {
  'main.cjs': { entry: 'src/cli/main.ts', format: 'cjs', define: { 'import.meta.url': '__stdcUrl' }, banner: "var __stdcUrl = require('node:url').pathToFileURL(__filename).href;" },
  'eval-worker.js': {
    entry: 'src/cli/eval-worker.ts',
    format: 'esm',
    // CommonJS dependencies (ajv) inside an ES module still need a require for Node's built-ins.
    banner: "import { createRequire as __stdcRequire } from 'node:module'; const require = __stdcRequire(import.meta.url);"
  }
};

/**
 * How esbuild reads the project's sources: not through tsconfig.json, which extends the one `svelte-kit sync`
 * writes (absent in a fresh clone), but with the options that matter to the output, and the app's import aliases.
 */
export const SOURCE_OPTIONS = {
  platform: 'node',
  target: 'node20',
  tsconfigRaw: { compilerOptions: { target: 'es2022', verbatimModuleSyntax: true, useDefineForClassFields: true } },
  alias: { $lib: join(root, 'src/lib'), $grammar: join(root, 'grammar') }
};

export async function buildCli({ quiet = false } = {}) {
  const esbuild = await import('esbuild');
  mkdirSync(outDir, { recursive: true });
  const sources = new Set();
  for (const [name, { entry, format, define = {}, banner }] of Object.entries(entries)) {
    const result = await esbuild.build({
      entryPoints: [join(root, entry)],
      format,
      define,
      banner: { js: banner },
      bundle: true,
      ...SOURCE_OPTIONS,
      write: false,
      metafile: true,
      minifyWhitespace: true,
      minifySyntax: true,
      legalComments: 'none',
      logLevel: 'warning'
    });
    for (const input of Object.keys(result.metafile.inputs)) if (!input.includes('node_modules/')) sources.add(relative(root, join(root, input)));
    // Written next to its final name, then renamed: a `stdc` started meanwhile sees the old file or the new one.
    const file = join(outDir, name);
    writeFileSync(`${file}.${process.pid}.tmp`, result.outputFiles[0].contents);
    renameSync(`${file}.${process.pid}.tmp`, file);
  }
  // What the build was made from: bin/stdc.js rebuilds when one of these is newer than this file.
  const manifest = join(outDir, 'sources.json');
  writeFileSync(`${manifest}.${process.pid}.tmp`, JSON.stringify([...sources].sort()) + '\n');
  renameSync(`${manifest}.${process.pid}.tmp`, manifest);
  if (!quiet) console.error(`stdc: built ${relative(root, outDir)} from ${sources.size} source files`);
  warmUp();
}

/**
 * Runs `stdc check` once, so that V8's code cache (dist/cli/main.cjs.cache) is there before the first real use,
 * and holds what a short command needs: bin/stdc.js keeps the cache of the first run after a build, and one
 * made by `stdc eval` first made a cold `stdc check` 2.66× `node -e 0` instead of 2.29× (2026-12-08).
 */
function warmUp() {
  const set = join(root, 'standards', '2026');
  if (existsSync(set)) spawnSync(process.execPath, [join(root, 'bin', 'stdc.js'), 'check', set], { stdio: 'ignore' });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    await import('esbuild');
  } catch {
    // An install without devDependencies (npm ci --omit=dev) has no esbuild: say so, and leave it at that.
    console.error('stdc: esbuild is not installed, dist/cli not built (npm ci without --omit=dev builds it)');
    process.exit(0);
  }
  await buildCli();
}
