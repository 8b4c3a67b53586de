// `stdc` runs compiled JavaScript: the build in dist/cli/ holds every verb main.ts imports and all it needs,
// loads no TypeScript and no tsx, and its --jobs workers run the prebuilt worker too.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { buildCli } from '../../scripts/build-cli.js';
import { stdc } from './bin.ts';

// Each test runs the binary several times: a few seconds on an idle machine, far more on this shared one at
// load 20–28 (tests timed out at 20 s there). An honest ceiling, not a wait.
const LIMIT = { timeout: 300_000 };

const records = readFileSync('test/fixtures/mixed-batch.json', 'utf8');

describe('the prebuilt stdc', LIMIT, () => {
  beforeAll(() => buildCli({ quiet: true }), 300_000);

  it('is built from every module of src/cli that main.ts reaches, imported at once or when its verb runs', () => {
    const sources: string[] = JSON.parse(readFileSync('dist/cli/sources.json', 'utf8'));
    const imported = [...readFileSync('src/cli/main.ts', 'utf8').matchAll(/(?:from |import\()'\.\/([\w-]+\.ts)'/g)].map((m) => `src/cli/${m[1]}`);
    expect(imported.length).toBeGreaterThan(3);
    for (const f of [...imported, 'src/cli/main.ts', 'src/cli/eval-worker.ts']) expect(sources).toContain(f);
    for (const f of readdirSync('dist/cli').filter((f) => /\.c?js$/.test(f))) expect(readFileSync(join('dist/cli', f), 'utf8')).not.toMatch(/\btsx\b|\.ts['"]\)/);
  });

  it('runs alone, without node_modules or sources: check, eval, and eval --jobs 2 in input order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stdc-alone-'));
    cpSync('bin', join(dir, 'bin'), { recursive: true });
    mkdirSync(join(dir, 'dist'));
    cpSync('dist/cli', join(dir, 'dist/cli'), { recursive: true });
    cpSync('standards/2026', join(dir, 'set'), { recursive: true });
    const opts = { cwd: dir, bin: join(dir, 'bin/stdc.js'), input: records };
    const check = stdc(['check', 'set'], opts);
    expect(check).toMatchObject({ code: 0, err: expect.stringContaining('0 个错误') });
    const one = stdc(['eval', 'set', '-', '--format', 'csv'], opts);
    const two = stdc(['eval', 'set', '-', '--format', 'csv', '--jobs', '2'], opts);
    expect(one.code).toBe(1);
    expect(one.out.split('\r\n').length).toBe(1 + 3 * 4 + 3 + 1);
    expect(two).toEqual(one);
    // The same answers as the sources give, run in the checkout.
    expect(stdc(['eval', 'standards/2026', '-', '--format', 'csv'], { input: records }).out).toBe(one.out);
  }, 300_000);

  it('loads what a verb needs only when it runs: check loads no crypto and no worker threads, verify and --jobs do', () => {
    // Node's own list of the built-in modules it loaded, printed as the process exits.
    const loaded = (...argv: string[]) => {
      const hook = 'data:text/javascript,process.on("exit",()=>process.stderr.write("\\nLOADED "+process.moduleLoadList.join(",")))';
      const r = spawnSync(process.execPath, ['--import', hook, 'bin/stdc.js', ...argv], { encoding: 'utf8', input: records });
      const line = r.stderr.split('\n').find((l) => l.startsWith('LOADED '));
      expect(line, r.stderr).toBeDefined();
      return new Set(line!.slice('LOADED '.length).split(','));
    };
    const check = loaded('check', 'standards/2026');
    expect(check.has('NativeModule crypto')).toBe(false);
    expect(check.has('NativeModule worker_threads')).toBe(false);
    expect(loaded('verify', 'no-such-bundle.json').has('NativeModule crypto')).toBe(true);
    expect(loaded('eval', 'standards/2026', '-', '--format', 'csv', '--jobs', '2').has('NativeModule worker_threads')).toBe(true);
  });
});
