// Reading applicant records as a stream: NDJSON (one record per line), a JSON array (split into its elements
// as the bytes arrive), a single record or sample file ({ record, expected }), or a directory of sample files;
// from a file or from stdin ("-"). The bytes are decoded strictly (input-bytes.ts): invalid UTF-8 is an error
// with its line, never U+FFFD. Records are handed on as text and parsed where they are evaluated (in a worker
// with --jobs), so the reader stays cheap. A line that is not JSON (or not UTF-8) becomes a rejected record; a
// JSON document that is not JSON stops the batch.
import { statSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { readSampleFiles } from '../lib/core/node.ts';
import { isSampleFile } from '../lib/core/samples.ts';
import { InputError, notJson, type InputItem } from './input-item.ts';
import { LineSplitter, lineItem as item, notUtf8, textChunks, textLines, Utf8StreamError, type TextLine } from './input-bytes.ts';
import { byteShares, SHARE_BYTES, type Recycle, type RecyclingChunks, type Share } from './shares.ts';

export { InputError, parseItem, type InputItem } from './input-item.ts';

const isSpace = (ch: string) => /\s/.test(ch);

/**
 * The records of a file, a directory or stdin ("-"), in input order. Throws InputError when unreadable. With
 * `shares` (--jobs), NDJSON comes in shares of raw lines that the workers read themselves (shares.ts).
 */
export function readApplicants(path: string): AsyncGenerator<InputItem>;
export function readApplicants(path: string, shares: boolean): AsyncGenerator<ReadItem>;
export async function* readApplicants(path: string, shares = false): AsyncGenerator<ReadItem> {
  let stream: AsyncIterable<Uint8Array>;
  try {
    if (path !== '-' && statSync(path).isDirectory()) {
      for (const s of readSampleFiles(path)) yield 'error' in s ? { invalid: `${s.file}：${s.error}` } : { record: s.record };
      return;
    }
    stream = await openBytes(path);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`无法读取申请人文件“${path}”`);
  }
  yield* readAny(stream, path, shares ? SHARE_BYTES : 0);
}

/** A byte stream, opened (so that a missing file fails here, before anything is written). */
async function openBytes(path: string): Promise<AsyncIterable<Uint8Array>> {
  if (path === '-') return process.stdin as AsyncIterable<Uint8Array>;
  return new FileChunks(await open(path, 'r'));
}

const CHUNK_BYTES = 1 << 20;

/**
 * A file's bytes, a megabyte at a time, read into buffers that the reader of shares gives back once it has
 * copied every byte of them (byteShares' `recycle`), instead of a fresh megabyte per read: each fresh one is
 * memory outside V8's heap that V8 counts, and with --jobs the main thread's small heap was collected in full
 * 18 times on 100,000 applicants for that count alone (bench/README.md, 2026-12-08). A reader that does not give
 * chunks back (lines without shares, a JSON array) gets fresh ones, as before.
 */
class FileChunks implements RecyclingChunks {
  private spare: ArrayBuffer[] = [];
  private own = new WeakSet<ArrayBuffer>();
  constructor(private file: FileHandle) {}

  /** `chunk`'s buffer is no longer read by anyone: the next read may fill it. */
  readonly recycle: Recycle = (chunk) => {
    const b = chunk.buffer as ArrayBuffer;
    if (this.own.has(b) && this.spare.length < 4 && !this.spare.includes(b)) this.spare.push(b);
  };

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    try {
      for (;;) {
        let b = this.spare.pop();
        if (!b) this.own.add((b = new ArrayBuffer(CHUNK_BYTES)));
        const view = new Uint8Array(b);
        const { bytesRead } = await this.file.read(view, 0, view.length, null);
        if (bytesRead === 0) return;
        yield view.subarray(0, bytesRead);
      }
    } finally {
      await this.file.close();
    }
  }
}

/**
 * Decides the format from the first byte that is not white space (after a BOM): "[" is a JSON array; "{" is
 * NDJSON or one JSON document (objectOrLines); anything else is read as NDJSON. Lines are numbered from the
 * file's first line, blank lines included.
 */
export function readStream(chunks: AsyncIterable<Uint8Array>, path: string): AsyncGenerator<InputItem> {
  return readAny(chunks, path, 0) as AsyncGenerator<InputItem>;
}

/** readStream, NDJSON in shares of about `size` bytes (as for --jobs). */
export function readStreamShares(chunks: AsyncIterable<Uint8Array>, path: string, size = SHARE_BYTES): AsyncGenerator<ReadItem> {
  return readAny(chunks, path, size);
}

/** An input item, or (with --jobs) a share of NDJSON lines that a worker reads itself (shares.ts). */
export type ReadItem = InputItem | { share: Share };

/** `shares`: NDJSON in shares of about that many bytes; 0, line by line. */
async function* readAny(chunks: AsyncIterable<Uint8Array>, path: string, shares: number): AsyncGenerator<ReadItem> {
  const recycle = (chunks as Partial<RecyclingChunks>).recycle; // a file's chunks (FileChunks), reused once copied into shares
  const it = chunks[Symbol.asyncIterator]();
  try {
    const head: Uint8Array[] = [];
    const BOM = [0xef, 0xbb, 0xbf];
    let seen = 0; // bytes looked at, over every chunk: a BOM may be cut too
    let bom = 0; // bytes of a BOM matched at the start
    let first = -1;
    while (first < 0) {
      const next = await it.next();
      if (next.done) {
        if (bom === 0 || bom === 3) return; // nothing but white space
        first = BOM[0]; // the start of a BOM, cut short: not UTF-8, which the line reader says
        break;
      }
      head.push(next.value);
      for (const c of next.value) {
        if (seen++ === bom && bom < 3 && c === BOM[bom]) {
          bom++;
          continue;
        }
        if (bom > 0 && bom < 3) {
          first = BOM[0];
          break;
        }
        if (c === 32 || (c >= 9 && c <= 13)) continue;
        first = c;
        break;
      }
    }
    const rest = resume(it, head);
    if (first === 0x5b) yield* arrayElements(textChunks(rest), path); // [
    else if (shares) yield* sharedLines(rest, first === 0x7b, path, shares, recycle);
    else if (first === 0x7b) yield* objectOrLines(textLines(rest), path); // {
    else yield* lineItems(textLines(rest));
  } finally {
    await it.return?.(); // the file is closed however reading ends (an error, a consumer that stops early)
  }
}

/** The rest of a stream, starting with the chunks already read. */
async function* resume<T>(it: AsyncIterator<T>, head: T[]): AsyncGenerator<T> {
  yield* head;
  for (;;) {
    const next = await it.next();
    if (next.done) return;
    yield next.value;
  }
}

async function* lineItems(lines: AsyncIterable<TextLine>): AsyncGenerator<InputItem> {
  for await (const l of lines) yield item(l);
}

/**
 * NDJSON in shares. Starting with "{", the first share must show NDJSON as objectOrLines decides it (two lines,
 * one of them a JSON object on its own); otherwise (one document, or a first line longer than a share) the input
 * is read as without shares.
 */
async function* sharedLines(chunks: AsyncIterable<Uint8Array>, brace: boolean, path: string, size: number, recycle?: Recycle): AsyncGenerator<ReadItem> {
  const it = byteShares(chunks, size, recycle)[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) return;
  if (brace) {
    const split = new LineSplitter();
    const lines = split.end(split.push(first.value.bytes));
    if (!(lines.length >= 2 && (objectLine(lines[0]) || objectLine(lines[1])))) {
      yield* objectOrLines(textLines(sharesBytes(first.value, it)), path);
      return;
    }
  }
  yield { share: first.value };
  for (;;) {
    const next = await it.next();
    if (next.done) return;
    yield { share: next.value };
  }
}

/** The bytes of `first` and of the shares after it. */
async function* sharesBytes(first: Share, rest: AsyncIterator<Share>): AsyncGenerator<Uint8Array> {
  yield first.bytes;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value.bytes;
  }
}

/** A line that is a JSON object on its own: the second line of NDJSON, never of a document spread over lines. */
function objectLine(l: TextLine): boolean {
  if ('fault' in l || !l.text.trimStart().startsWith('{')) return false;
  try {
    const v = JSON.parse(l.text);
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  } catch {
    return false;
  }
}

/**
 * "{": NDJSON if the first line parses and a second non-empty line follows, or if the first line is broken but
 * the second one is a JSON object on its own (the broken line is then rejected alone, with its number);
 * otherwise the whole text is one document (a record, or a sample file whose record is taken).
 */
async function* objectOrLines(gen: AsyncGenerator<TextLine>, path: string): AsyncGenerator<InputItem> {
  const a = await gen.next();
  if (a.done) return;
  const b = await gen.next();
  if (!b.done && (objectLine(a.value) || objectLine(b.value))) {
    yield item(a.value);
    yield item(b.value);
    yield* lineItems(gen);
    return;
  }
  // One document (possibly over several lines): read it all; it is a single record or sample, so small.
  const all: TextLine[] = [a.value];
  if (!b.done) all.push(b.value);
  for await (const l of gen) all.push(l);
  const bad = all.find((l) => 'fault' in l);
  if (bad && 'fault' in bad) throw new InputError(`申请人文件“${path}”${notUtf8(bad.fault, '')}`);
  let data: unknown;
  try {
    data = JSON.parse(all.map((l) => ('text' in l ? l.text : '')).join('\n'));
  } catch (e) {
    // Two broken lines first, then NDJSON records: still NDJSON, each broken line rejected on its own.
    if (all.length > 2 && all.some(objectLine)) {
      yield* all.map(item);
      return;
    }
    throw new InputError(notJson(path, (e as Error).message));
  }
  // Only a sample file is unwrapped: a record that happens to hold a "record" key is a record, and is validated.
  yield { record: isSampleFile(data) ? data.record : data };
}

/**
 * "[": the top-level elements' texts, split by a scanner that follows strings and nesting. Each element is
 * parsed on its own (JSON.parse judges its syntax); the scanner checks the rest: commas, the closing "]",
 * nothing but white space after it.
 */
async function* arrayElements(chunks: AsyncIterable<string>, path: string): AsyncGenerator<{ element: { n: number; text: string } }> {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let done = false;
  let parts: string[] = [];
  let elements = 0;
  const element = (text: string) => {
    if (!text.trim()) throw new InputError(notJson(path, `第 ${elements + 1} 个元素为空`));
    elements++;
    return { element: { n: elements, text } };
  };
  try {
    for await (const chunk of chunks) {
      // the elements before an error are handed on first, however the bytes were cut
      const out: { element: { n: number; text: string } }[] = [];
      let error: unknown = null;
      try {
        scan(chunk, out);
      } catch (e) {
        error = e;
      }
      yield* out;
      if (error) throw error;
    }
  } catch (e) {
    if (e instanceof Utf8StreamError) throw new InputError(`申请人文件“${path}”${notUtf8(e.fault, `第 ${elements + 1} 个元素`)}`);
    throw e;
  }
  if (!done) throw new InputError(notJson(path, `数组没有结束（第 ${elements + 1} 个元素不完整）`));

  function scan(chunk: string, out: { element: { n: number; text: string } }[]): void {
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (done) {
        if (!isSpace(chunk[i])) throw new InputError(notJson(path, '数组结束后还有内容'));
        continue;
      }
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 92) escaped = true; // \
        else if (c === 34) inString = false; // "
        continue;
      }
      if (c === 34) inString = true;
      else if (c === 91 || c === 123) {
        // [ {
        if (depth++ === 0) start = i + 1; // the opening bracket of the array itself
      } else if (c === 93 || c === 125) {
        // ] }
        if (--depth === 0) {
          if (c !== 93) throw new InputError(notJson(path, '括号不匹配'));
          const last = parts.join('') + chunk.slice(start, i);
          parts = [];
          if (last.trim() || elements > 0) out.push(element(last));
          done = true;
        }
      } else if (c === 44 && depth === 1) {
        // ,
        out.push(element(parts.join('') + chunk.slice(start, i)));
        parts = [];
        start = i + 1;
      }
    }
    if (!done && depth > 0) parts.push(chunk.slice(start));
  }
}
