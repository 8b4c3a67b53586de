// A --jobs worker: evaluates batches of input items and answers with their output, batch by batch. A broken
// JSON document (InputError) ends the batch there; the main thread stops the run at that point.
import { parentPort, workerData } from 'node:worker_threads';
import { InputError, type InputItem } from './input-item.ts';
import { evaluator, type Done, type EvalSetup } from './evaluate-items.ts';

export interface BatchRequest {
  seq: number;
  items: InputItem[];
}

export interface BatchReply {
  seq: number;
  done: Done[];
  fatal?: string;
}

const run = evaluator(workerData as EvalSetup);

parentPort!.on('message', ({ seq, items }: BatchRequest) => {
  const done: Done[] = [];
  let fatal: string | undefined;
  for (const item of items) {
    try {
      done.push(run(item));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      fatal = e.message;
      break;
    }
  }
  parentPort!.postMessage({ seq, done, ...(fatal !== undefined ? { fatal } : {}) } satisfies BatchReply);
});
