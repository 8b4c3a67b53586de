// A --jobs worker: evaluates batches of input items and answers with their output, batch by batch. A broken
// JSON document (InputError) ends the batch there; the main thread stops the run at that point.
import { parentPort } from 'node:worker_threads';
import type { InputItem } from './input-item.ts';
import { evaluateBatch, evaluator, type BatchResults, type EvalSetup } from './evaluate-items.ts';
import { shareItems, type Share } from './shares.ts';

/** Items read by the main thread, or a share of NDJSON bytes that the worker reads. */
export interface BatchRequest {
  seq: number;
  items?: InputItem[];
  share?: Share;
}

/** The first message says what to evaluate and how; the others are batches. */
export type WorkerMessage = { setup: EvalSetup } | BatchRequest;

/** The batch's results (evaluate-items.ts), and the share's buffer given back. */
export interface BatchReply extends BatchResults {
  seq: number;
  bytes?: ArrayBuffer;
}

let setup: EvalSetup;
let run: ReturnType<typeof evaluator>;

parentPort!.on('message', (m: WorkerMessage) => {
  if ('setup' in m) {
    setup = m.setup;
    run = evaluator(setup);
    return;
  }
  const { seq, items, share } = m;
  const { done, run: r, fatal } = evaluateBatch(run, setup.format, share ? shareItems(share) : items!);
  const f = fatal !== undefined ? { fatal } : {};
  if (!r) parentPort!.postMessage({ seq, done, ...f } satisfies BatchReply); // a table is small: its shares' buffers are not reused
  else {
    const transfer = [r.bytes.buffer as ArrayBuffer, r.ends.buffer as ArrayBuffer, r.flags.buffer as ArrayBuffer];
    // the share's bytes go back too (read and done with), for the main thread's next share
    const bytes = share?.bytes.buffer as ArrayBuffer | undefined;
    if (bytes) transfer.push(bytes);
    parentPort!.postMessage({ seq, run: r, ...(bytes ? { bytes } : {}), ...f } satisfies BatchReply, transfer);
  }
});
