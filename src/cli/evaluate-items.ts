// One input record → its result and its output text. The same function runs in the main thread and in the
// --jobs workers (eval-worker.ts), so that output is formatted where the record was evaluated and only text
// crosses threads. What needs the whole batch (repeated ids, the count of rejected records, the table's
// column widths) stays with the caller, in input order.
import type { Bundle } from '../lib/core/compile/bundle-types.ts';
import { evaluateRecord, type EvaluateOptions, type RecordResult } from '../lib/core/evaluate/evaluate.ts';
import { evaluateCompact } from '../lib/core/evaluate/compact.ts';
import { InputError, parseItem, type InputItem } from './input-item.ts';
import { csvLines, jsonItem, rowOf, type Row } from './output.ts';

export type Format = 'table' | 'json' | 'csv';

export interface EvalSetup {
  bundle: Bundle;
  /** The applicants' path, for messages. */
  path: string;
  format: Format;
  explain: boolean;
  /** Machine codes (pass, regular) and code headers in a table or CSV, instead of Chinese. */
  codes?: boolean;
  levels?: string[];
}

export interface Done {
  /** The item was JSON (counts for "第 N 条记录" in the repeated-id message). */
  parsed: boolean;
  id: string | null;
  /** Valid and evaluated: its id must not repeat an earlier one. */
  ok: boolean;
  rejected: boolean;
  name: string;
  target: string;
  /** CSV lines or a JSON element; a table keeps the result itself (it needs all rows for its widths). */
  text?: string;
  result?: RecordResult;
}

export function evaluator(setup: EvalSetup): (item: InputItem) => Done {
  if (setup.format === 'json' && !setup.explain) {
    // Compact JSON: per record what differs, beside the dictionary the Sink writes once (evaluate/compact.ts).
    const levels = setup.levels ? { levels: setup.levels } : {};
    return (item) => {
      const p = parseItem(item, setup.path);
      const result = p.error ? { id: null, errors: [{ path: '', message: p.error }] } : evaluateCompact(setup.bundle, p.record, levels);
      return done(setup, rowOf(p.record, result as RecordResult), !p.error, JSON.stringify(result));
    };
  }
  // --explain JSON carries the full structured explanation and its tree; a table or CSV prints only the reasons.
  const options: EvaluateOptions = {
    explain: setup.format === 'json' || setup.explain ? true : 'reasons',
    ...(setup.levels ? { levels: setup.levels } : {})
  };
  return (item) => {
    const p = parseItem(item, setup.path);
    const result: RecordResult = p.error ? { id: null, errors: [{ path: '', message: p.error }] } : evaluateRecord(setup.bundle, p.record, options);
    return done(setup, rowOf(p.record, result), !p.error);
  };
}

/** `text`: the output already made (compact JSON); otherwise it is made here from the row. */
export function done(setup: EvalSetup, row: Row, parsed: boolean, text?: string): Done {
  const { result } = row;
  const id = result.id, ok = result.id !== null && !result.errors, rejected = !!result.errors;
  // one literal per case, without spreading a common part: a spread costs microseconds per record
  if (setup.format === 'table') return { parsed, id, ok, rejected, name: row.name, target: row.target, result };
  text ??= setup.format === 'csv' ? csvLines(row, setup.codes) : jsonItem(result, setup.explain);
  return { parsed, id, ok, rejected, name: row.name, target: row.target, text };
}

/**
 * A batch's results, packed for the trip to the main thread and to stdout: their output texts as UTF-8 bytes
 * (JSON elements separated by ",\n", as the JsonWriter separates them), which a worker transfers without a
 * copy and the main thread writes as they are, and what the main thread needs per record in flat arrays, so
 * that it handles one buffer and a few arrays per batch, not an object (or a string to clone) per record.
 */
export interface Run {
  bytes: Uint8Array;
  /** Where each record's text ends in `bytes`. */
  ends: Int32Array;
  /** Per record: 1 parsed, 2 ok, 4 rejected. */
  flags: Uint8Array;
  ids: (string | null)[];
  names: string[];
  targets: string[];
}

export const RUN_SEPARATOR = { csv: '', json: ',\n' } as const;

/**
 * Builds a run record by record: each text is written into the run's bytes as it comes (Buffer.write, UTF-8),
 * so that it dies young instead of living, with the rest of the batch's, until the batch is joined and encoded.
 */
class RunBuilder {
  /** How big the last run grew, and a quarter more: the next is most likely as big (one allocation, not six doublings). */
  private static hint = 1 << 16;
  /** A buffer of its own (never a slice of Node's shared pool), so that it can be transferred. */
  private bytes = Buffer.allocUnsafeSlow(RunBuilder.hint);
  private at = 0;
  private ends: number[] = [];
  private flags: number[] = [];
  private ids: (string | null)[] = [];
  private names: string[] = [];
  private targets: string[] = [];
  constructor(private sep: string) {}

  add(d: Done): void {
    const text = d.text!;
    const sep = this.ends.length ? this.sep : ''; // ASCII: as many bytes as characters
    const most = this.at + sep.length + 3 * text.length; // UTF-8 takes at most 3 bytes per UTF-16 unit
    if (most > this.bytes.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(2 * this.bytes.length, most));
      this.bytes.copy(bigger, 0, 0, this.at);
      this.bytes = bigger;
    }
    if (sep) this.at += this.bytes.write(sep, this.at, 'latin1');
    this.at += this.bytes.write(text, this.at, 'utf8');
    this.ends.push(this.at);
    this.flags.push((d.parsed ? 1 : 0) | (d.ok ? 2 : 0) | (d.rejected ? 4 : 0));
    this.ids.push(d.id);
    this.names.push(d.name);
    this.targets.push(d.target);
  }

  run(): Run {
    RunBuilder.hint = Math.max(1 << 16, this.at + (this.at >> 2));
    const bytes = new Uint8Array(this.bytes.buffer, this.bytes.byteOffset, this.at);
    return { bytes, ends: Int32Array.from(this.ends), flags: Uint8Array.from(this.flags), ids: this.ids, names: this.names, targets: this.targets };
  }
}

export function pack(done: Done[], format: 'csv' | 'json'): Run {
  const b = new RunBuilder(RUN_SEPARATOR[format]);
  for (const d of done) b.add(d);
  return b.run();
}

/** Where record k's text starts in the run's bytes. */
export function runStart(run: Run, k: number, format: 'csv' | 'json'): number {
  return k ? run.ends[k - 1] + RUN_SEPARATOR[format].length : 0;
}

/** A batch's results: a table's as they are (it needs every row), CSV and JSON packed into one run. */
export interface BatchResults {
  done?: Done[];
  run?: Run;
  /** A broken JSON document (InputError) ended the batch here: what came before is in `done` or `run`. */
  fatal?: string;
}

/** Evaluates a batch of items in order (a share of NDJSON lines, or items read by the main thread). */
export function evaluateBatch(evaluate: (item: InputItem) => Done, format: Format, items: Iterable<InputItem>): BatchResults {
  const done: Done[] = [];
  const run = format === 'table' ? null : new RunBuilder(RUN_SEPARATOR[format]);
  let fatal: string | undefined;
  for (const item of items) {
    try {
      const d = evaluate(item);
      if (run) run.add(d);
      else done.push(d);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      fatal = e.message;
      break;
    }
  }
  const results: BatchResults = run ? { run: run.run() } : { done };
  if (fatal !== undefined) results.fatal = fatal;
  return results;
}
