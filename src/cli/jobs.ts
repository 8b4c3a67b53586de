// Runs the evaluation of a stream of input items, in this thread or spread over --jobs worker threads, and
// hands the results back in input order. Items go to the workers in batches, round robin; at most two
// batches per worker are in flight, so reading waits for evaluation and memory stays flat. A share of NDJSON
// bytes (shares.ts) is a batch of its own: its bytes are transferred, and the worker reads its lines. In one
// thread NDJSON comes in the same shares, each evaluated as a batch here.
import { Worker } from 'node:worker_threads';
import { InputError, type InputItem } from './input-item.ts';
import type { BatchReply, BatchRequest, WorkerMessage } from './eval-worker.ts';
import { giveBack, shareItems } from './shares.ts';
import type { ReadItem } from './applicants.ts';
import { evaluateBatch, evaluator, type BatchResults, type Done, type EvalSetup, type Run } from './evaluate-items.ts';

const BATCH = 256;
/**
 * Each worker's young generation, capped: V8 lets it grow to about 48 MB per isolate, which made 1,000,000
 * streamed records peak at 339 MB with --jobs 2. At 24 MB: 228 MB for 300,000 (277 MB uncapped), at no
 * measurable cost in speed (8 MB cost 11%); bench/README.md.
 */
const YOUNG_MB = 24;

/** A batch's results in order; a broken JSON document that ended the batch is thrown after them. */
function* results(r: BatchResults): Generator<Done | Run> {
  if (r.run) yield r.run;
  else yield* r.done!;
  if (r.fatal !== undefined) throw new InputError(r.fatal);
}

/** --jobs worker threads, started before they have anything to do. */
export interface Workers {
  workers: Worker[];
  /** The first error of a worker (it is gone): every batch from then on fails with it. */
  failure: unknown;
  /** What to evaluate, and how: each worker's first message. */
  setup(setup: EvalSetup): void;
  stop(): Promise<void>;
}

/**
 * Starts `jobs` workers. `stdc eval` starts them before it compiles the standard set, so that their start
 * (Node's own, then loading the worker's code: about 80 ms) overlaps the compilation instead of following it.
 */
export function startWorkers(jobs: number): Workers {
  return poolOf(Array.from({ length: jobs }, () => new Worker(new URL('./eval-worker.js', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB } })));
}

/** Workers as a pool (the tests make theirs of workers that fail). */
export function poolOf(workers: Worker[]): Workers {
  let stopped: Promise<void> | null = null;
  const pool: Workers = {
    workers,
    failure: null,
    setup: (setup) => {
      for (const w of workers) w.postMessage({ setup } satisfies WorkerMessage);
    },
    stop: () => (stopped ??= Promise.all(workers.map((w) => w.terminate())).then(() => {}))
  };
  // a worker that fails before it has work (it could not load) is reported where its batches are awaited
  for (const w of workers) w.on('error', (e) => (pool.failure ??= e));
  return pool;
}

/** Results in input order: one by one, or (CSV and JSON of NDJSON shares) in runs of a batch each. */
export async function* evaluateInOrder(items: AsyncIterable<ReadItem>, setup: EvalSetup, jobs: number, workers?: Workers): AsyncGenerator<Done | Run> {
  if (jobs <= 1) {
    // A share's records are evaluated in one go and handed on as one run: no promise per record.
    const run = evaluator(setup);
    for await (const item of items) {
      if (!('share' in item)) {
        yield run(item);
        continue;
      }
      const r = evaluateBatch(run, setup.format, shareItems(item.share));
      giveBack(item.share.bytes.buffer as ArrayBuffer);
      yield* results(r);
    }
    return;
  }
  const pool = workers ?? startWorkers(jobs);
  pool.setup(setup);
  const waiting = new Map<number, { resolve: (r: BatchReply) => void; reject: (e: unknown) => void }>();
  const failAll = () => {
    for (const w of waiting.values()) w.reject(pool.failure);
    waiting.clear();
  };
  for (const w of pool.workers) {
    w.on('message', (r: BatchReply) => {
      if (r.bytes) giveBack(r.bytes);
      waiting.get(r.seq)?.resolve(r);
      waiting.delete(r.seq);
    });
    w.on('error', failAll); // after the pool's own listener, which keeps the error
  }
  const inFlight: Promise<BatchReply>[] = [];
  let seq = 0;
  const send = (batch: Omit<BatchRequest, 'seq'>) => {
    const s = seq++;
    const reply = pool.failure !== null ? Promise.reject(pool.failure) : new Promise<BatchReply>((resolve, reject) => waiting.set(s, { resolve, reject }));
    reply.catch(() => {}); // a worker's failure is thrown where the batch is awaited, not as an unhandled rejection
    inFlight.push(reply);
    pool.workers[s % jobs].postMessage({ seq: s, ...batch } satisfies BatchRequest, batch.share ? [batch.share.bytes.buffer as ArrayBuffer] : []);
  };
  try {
    let batch: InputItem[] = [];
    let readError: unknown = null;
    try {
      for await (const item of items) {
        if ('share' in item) {
          if (batch.length) send({ items: batch });
          batch = [];
          send({ share: item.share });
        } else {
          batch.push(item);
          if (batch.length < BATCH) continue;
          send({ items: batch });
          batch = [];
        }
        while (inFlight.length >= 2 * jobs) yield* results(await inFlight.shift()!);
      }
    } catch (e) {
      readError = e; // what was read before the error is still evaluated and written
    }
    if (batch.length) send({ items: batch });
    while (inFlight.length) yield* results(await inFlight.shift()!);
    if (readError) throw readError;
  } finally {
    await pool.stop();
  }
}
