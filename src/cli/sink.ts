// Where `stdc eval` writes its results.
import { runStart, type EvalSetup, type Done, type Run } from './evaluate-items.ts';
import type { Io } from './main.ts';
import { JsonWriter, csvHead, table, type Row } from './output.ts';
import { compactDictionary } from '../lib/core/evaluate/compact.ts';

const utf8 = new TextDecoder();

/**
 * Where results go: CSV and JSON are written as they come, in chunks, waiting for stdout to drain; a table
 * needs every row for its column widths, so it is printed at the end (it is for a person: small batches).
 */
export class Sink {
  private rows: Row[] = [];
  private json: JsonWriter | null = null;
  private started = false;
  /** What waits to be written: text, and runs' bytes as they came (never decoded, never copied). */
  private chunk: (string | Uint8Array)[] = [];
  private size = 0;

  constructor(private io: Io, private setup: EvalSetup) {}

  private start(): void {
    this.started = true;
    if (this.setup.format === 'csv') this.buffer(csvHead(this.setup.codes));
    if (this.setup.format === 'json') {
      const dictionary = this.setup.explain ? undefined : compactDictionary(this.setup.bundle, this.setup.levels);
      this.json = new JsonWriter({ out: (s) => this.buffer(s), bytes: (b) => this.buffer(b) }, dictionary);
    }
  }

  private buffer(s: string | Uint8Array): void {
    this.chunk.push(s);
    this.size += s.length;
  }

  private async flush(): Promise<void> {
    const texts: string[] = [];
    for (const piece of this.chunk) {
      if (typeof piece === 'string') {
        texts.push(piece);
        continue;
      }
      if (texts.length) this.io.out(texts.splice(0).join(''));
      if (this.io.bytes) this.io.bytes(piece);
      else this.io.out(utf8.decode(piece));
    }
    if (texts.length) this.io.out(texts.join(''));
    this.chunk = [];
    this.size = 0;
    await this.io.drain?.();
  }

  async write(d: Done): Promise<void> {
    if (!this.started) this.start();
    if (this.setup.format === 'table') this.rows.push({ name: d.name, target: d.target, result: d.result! });
    else if (this.json) this.json.write(d.text!);
    else this.buffer(d.text!);
    if (this.size >= 1 << 16) await this.flush();
  }

  /** Records from..to of a worker's run (CSV or JSON), their texts as the worker joined them. */
  async writeRun(run: Run, from: number, to: number): Promise<void> {
    if (from >= to) return;
    if (!this.started) this.start();
    const format = this.json ? 'json' : 'csv';
    const bytes = run.bytes.subarray(runStart(run, from, format), run.ends[to - 1]);
    if (this.json) this.json.writeBytes(bytes);
    else this.buffer(bytes);
    if (this.size >= 1 << 16) await this.flush();
  }

  /** Completes the output; after an input error only what was already started (never an empty table). */
  async end(complete: boolean): Promise<void> {
    if (!this.started && complete) this.start();
    if (this.setup.format === 'table') {
      if (complete) this.io.out(table(this.rows, this.setup.explain, this.setup.codes));
      return;
    }
    this.json?.end();
    await this.flush();
  }
}
