// Where `stdc eval` writes its results.
import { runStart, type EvalSetup, type Done, type Run } from './evaluate-items.ts';
import type { Io } from './main.ts';
import { JsonWriter, csvHead, table, type Row } from './output.ts';
import { compactDictionary } from '../lib/core/evaluate/compact.ts';

/**
 * Where results go: CSV and JSON are written as they come, in chunks, waiting for stdout to drain; a table
 * needs every row for its column widths, so it is printed at the end (it is for a person: small batches).
 */
export class Sink {
  private rows: Row[] = [];
  private json: JsonWriter | null = null;
  private started = false;
  private chunk: string[] = [];
  private size = 0;

  constructor(private io: Io, private setup: EvalSetup) {}

  private start(): void {
    this.started = true;
    if (this.setup.format === 'csv') this.buffer(csvHead(this.setup.codes));
    if (this.setup.format === 'json') {
      const dictionary = this.setup.explain ? undefined : compactDictionary(this.setup.bundle, this.setup.levels);
      this.json = new JsonWriter({ out: (s) => this.buffer(s) }, dictionary);
    }
  }

  private buffer(s: string): void {
    this.chunk.push(s);
    this.size += s.length;
  }

  private async flush(): Promise<void> {
    if (this.chunk.length) this.io.out(this.chunk.join(''));
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
    const text = run.text.slice(runStart(run, from, format), run.ends[to - 1]);
    if (this.json) this.json.write(text);
    else this.buffer(text);
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
