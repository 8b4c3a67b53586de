// Golden files: compared as text; refreshed only with UPDATE_SNAPSHOTS=1 (then reviewed in the diff).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';

export const update = !!process.env.UPDATE_SNAPSHOTS;

export function matchGolden(file: string, actual: string): void {
  if (update) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`缺少 golden 文件 ${file}：用 UPDATE_SNAPSHOTS=1 生成并审阅`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** The case folders under test/golden/<kind>/. */
export function cases(kind: string): { name: string; dir: string; input: string }[] {
  const root = join('test/golden', kind);
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({ name: d.name, dir: join(root, d.name), input: readFileSync(join(root, d.name, 'input.std'), 'utf8') }));
}
