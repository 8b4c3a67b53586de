// scripts/run-bundled.js runs a TypeScript entry point as one esbuild bundle of the project's sources, the way
// the CLI is built (npm run fuzz uses it): aliases resolve, packages load from node_modules, the arguments and
// the exit code pass through, and no bundle is left behind.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const run = (...args: string[]) => spawnSync(process.execPath, ['scripts/run-bundled.js', ...args], { encoding: 'utf8' });
const leftovers = () => {
  const dir = 'node_modules/.cache/stdc-bundled';
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith('entry-')) : [];
};

describe('scripts/run-bundled.js', () => {
  it('runs the entry with its arguments and exits as it exits, leaving no bundle behind', () => {
    const r = run('test/fixtures/run-bundled/entry.ts', 'a', '乙');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe("'=1 function probe a 乙\n");
    expect(r.status).toBe(3);
    expect(leftovers()).toEqual([]);
  });

  it('says how to use it when no entry is given', () => {
    const r = run();
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage');
  });
});
