// The --jobs pool: a worker that fails, before it has work or on its first batch, fails the run with its error
// instead of leaving it waiting for an answer that never comes.
import { describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { evaluateInOrder, poolOf } from '../../src/cli/jobs.ts';
import type { EvalSetup } from '../../src/cli/evaluate-items.ts';
import type { ReadItem } from '../../src/cli/applicants.ts';

const setup = { bundle: {}, path: 'x', format: 'csv', explain: false } as unknown as EvalSetup;

async function* items(n: number): AsyncGenerator<ReadItem> {
  for (let i = 0; i < n; i++) yield { line: i + 1, text: '{}' };
}

/** `late`: the workers have failed before the run starts (stdc eval starts them before it compiles the standard). */
async function outcome(code: string, late = false): Promise<string> {
  const workers = [new Worker(code, { eval: true }), new Worker(code, { eval: true })];
  const pool = poolOf(workers);
  if (late) await Promise.all(workers.map((w) => new Promise((resolve) => w.once('error', resolve))));
  try {
    for await (const _ of evaluateInOrder(items(2000), setup, 2, pool)) void _;
    return 'finished';
  } catch (e) {
    return (e as Error).message;
  } finally {
    await pool.stop();
  }
}

describe('--jobs workers that fail', () => {
  it('a worker that cannot start fails the run with its error', async () => {
    expect(await outcome("throw new Error('无法加载')")).toBe('无法加载');
    expect(await outcome("throw new Error('无法加载')", true)).toBe('无法加载');
  }, 20_000);

  it('a worker that fails on its first batch fails the run with its error', async () => {
    const code = "require('node:worker_threads').parentPort.on('message', (m) => { if (!m.setup) throw new Error('批次失败'); });";
    expect(await outcome(code)).toBe('批次失败');
  }, 20_000);
});
