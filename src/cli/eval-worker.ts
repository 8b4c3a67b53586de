// A --jobs worker: evaluates batches of input items and answers with their output, batch by batch. A broken
// JSON document (InputError) ends the batch there; the main thread stops the run at that point.
import { parentPort, workerData } from 'node:worker_threads';
import { InputError, type InputItem } from './input-item.ts';
import { evaluator, pack, type Done, type EvalSetup, type Run } from './evaluate-items.ts';
import { shareItems, type Share } from './shares.ts';

/** Items read by the main thread, or a share of NDJSON bytes that the worker reads. */
export interface BatchRequest {
  seq: number;
  items?: InputItem[];
  share?: Share;
}

/** A table's results as they are (it needs every row); CSV and JSON packed (evaluate-items.ts). */
export interface BatchReply {
  seq: number;
  done?: Done[];
  run?: Run;
  /** The share's buffer, given back. */
  bytes?: ArrayBuffer;
  fatal?: string;
}

const setup = workerData as EvalSetup;
const run = evaluator(setup);

parentPort!.on('message', ({ seq, items, share }: BatchRequest) => {
  const done: Done[] = [];
  let fatal: string | undefined;
  for (const item of share ? shareItems(share) : items!) {
    try {
      done.push(run(item));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      fatal = e.message;
      break;
    }
  }
  const f = fatal !== undefined ? { fatal } : {};
  if (setup.format === 'table') parentPort!.postMessage({ seq, done, ...f } satisfies BatchReply); // a table is small: its shares' buffers are not reused
  else {
    const r = pack(done, setup.format);
    const transfer = [r.ends.buffer as ArrayBuffer, r.flags.buffer as ArrayBuffer];
    // the share's bytes go back too (read and done with), for the main thread's next share
    const bytes = share?.bytes.buffer as ArrayBuffer | undefined;
    if (bytes) transfer.push(bytes);
    parentPort!.postMessage({ seq, run: r, ...(bytes ? { bytes } : {}), ...f } satisfies BatchReply, transfer);
  }
});
