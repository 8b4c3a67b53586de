// The applicants' bytes turned into text, strictly: split into lines (NDJSON) or decoded as one stream (a JSON
// array), with a fatal UTF-8 decoder, so that an invalid byte is an error with its line and never U+FFFD.
// Linear in the input: a line that spans chunks is kept as a list of pieces and joined once, at its end.
import { advance, decodeUtf8, GBK_SAMPLE, incompleteTail, looksLikeGbk, utf8Advice, type Before, type Utf8Fault } from '../lib/core/utf8.ts';
import type { InputItem } from './input-item.ts';

/** One line of NDJSON (its text, or where it stops being UTF-8), numbered from 1; \n, \r\n and \r end lines. */
export type TextLine = { line: number; text: string } | { line: number; fault: Utf8Fault };

const EMPTY = new Uint8Array(0);

function join(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Splits bytes into lines, chunk by chunk, each decoded on its own when it is reached (a bad byte spoils its
 * line only); only lines with something on them but white space are handed on. `line` and `bytes` say where
 * the first byte is: a --jobs worker splits its share of the file starting at that share's first line and byte
 * (shares.ts).
 *
 * Line by line, not a chunk at a time: a megabyte decoded at once is a two-megabyte string, which V8 puts in
 * its large-object space, i.e. the old generation, and every line sliced from it keeps it alive until the last
 * is parsed. One line's text lives only until it is parsed and dies young. 50,000 applicants, CSV: 5% less
 * time and CPU, 12 MB less resident (bench/README.md, 2026-12-08).
 */
export class LineSplitter {
  private parts: Uint8Array[] = [];
  private afterCr = false; // the previous chunk ended in \r: a \n starting this one belongs to it

  /** `n`: lines before the first byte; `bytes`: bytes before it. */
  constructor(private n = 0, private bytes = 0) {}

  /** The next line, from its bytes (without the line end): null when it is blank. */
  private decode(b: Uint8Array): TextLine | null {
    this.n++;
    const d = decodeUtf8(b, { lines: this.n - 1, bytes: this.bytes, col: 0 });
    this.bytes += b.length;
    if ('fault' in d) return { line: this.n, fault: d.fault };
    const text = this.n === 1 ? d.text.replace(/^\ufeff/, '') : d.text;
    return text.trim() ? { line: this.n, text } : null;
  }

  /**
   * The lines that end in `bytes`, one at a time, each decoded as it is taken; what follows the last line end
   * is kept for the next chunk (or `end`).
   */
  *lines(bytes: Uint8Array): Generator<TextLine> {
    const chunk = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length); // Buffer's indexOf is memchr
    let i = 0;
    if (this.afterCr) {
      this.afterCr = false;
      if (chunk[0] === 10) {
        i = 1;
        this.bytes++;
      }
    }
    // the next \n and \r at or after i (-1: none left in the chunk, so never searched for again)
    let lf = -2;
    let cr = -2;
    for (;;) {
      if (lf !== -1 && lf < i) lf = chunk.indexOf(10, i);
      if (cr !== -1 && cr < i) cr = chunk.indexOf(13, i);
      const end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
      if (end < 0) break;
      this.parts.push(chunk.subarray(i, end));
      const bytesOfLine = join(this.parts);
      this.parts = [];
      const next = chunk[end] === 13 && chunk[end + 1] === 10 ? end + 2 : end + 1;
      if (chunk[end] === 13 && end + 1 === chunk.length) this.afterCr = true;
      const line = this.decode(bytesOfLine);
      this.bytes += next - end;
      i = next;
      if (line) yield line;
    }
    if (i < chunk.length) this.parts.push(chunk.subarray(i)); // a line that goes on into the next chunk
  }

  /** The lines that end in `chunk`, appended to `out`. */
  push(bytes: Uint8Array, out: TextLine[] = []): TextLine[] {
    for (const l of this.lines(bytes)) out.push(l);
    return out;
  }

  /** The last line, when the bytes do not end with a line end. */
  end(out: TextLine[] = []): TextLine[] {
    const line = this.parts.length ? this.decode(join(this.parts)) : null;
    this.parts = [];
    if (line) out.push(line);
    return out;
  }
}

/** The lines of a byte stream (LineSplitter), as they arrive. */
export async function* textLines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<TextLine> {
  const split = new LineSplitter();
  for await (const chunk of chunks) yield* split.lines(chunk);
  yield* split.end();
}

/** Why a line or a document is not UTF-8, in the clerk's words. */
export function notUtf8(f: Utf8Fault, where = `第 ${f.line} 行`): string {
  return `${where}不是有效的 UTF-8 文本（第 ${f.line} 行第 ${f.col} 列，第 ${f.byte} 字节）：${utf8Advice(f)}`;
}

/** An NDJSON line as an input item: a line that is not UTF-8 is rejected with its position. */
export function lineItem(l: TextLine): InputItem {
  return 'fault' in l ? { invalid: notUtf8(l.fault) } : l;
}

/** A stream's text is not UTF-8 at `fault`: what was valid before it has been handed on. */
export class Utf8StreamError extends Error {
  constructor(readonly fault: Utf8Fault) {
    super('invalid UTF-8');
  }
}

/** The text of a byte stream, chunk by chunk; throws Utf8StreamError at the first invalid byte. */
export async function* textChunks(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const it = chunks[Symbol.asyncIterator]();
  let carry: Uint8Array = EMPTY;
  const before: Before = { lines: 0, bytes: 0, col: 0 };
  let first = true;
  const strip = (text: string) => (first ? text.replace(/^\ufeff/, '') : text);
  for (;;) {
    const next = await it.next();
    const all = next.done ? carry : carry.length ? join([carry, next.value]) : next.value;
    const cut = next.done ? all.length : all.length - incompleteTail(all);
    const d = decodeUtf8(all.subarray(0, cut), before);
    if ('fault' in d) {
      // what comes before the bad byte is text still: the reader places the fault after it (its element)
      const at = d.fault.byte - 1 - before.bytes;
      const valid = decodeUtf8(all.subarray(0, at));
      if ('text' in valid && valid.text) yield strip(valid.text);
      // whether it looks like GBK is judged on the same bytes however the stream was cut
      const sample = [all.subarray(at)];
      for (let n = sample[0].length; n < GBK_SAMPLE; ) {
        const more = await it.next();
        if (more.done) break;
        sample.push(more.value);
        n += more.value.length;
      }
      throw new Utf8StreamError({ ...d.fault, gbk: looksLikeGbk(join(sample).subarray(0, GBK_SAMPLE)) });
    }
    if (next.done) return;
    carry = all.slice(cut);
    advance(before, d.text, cut);
    const text = strip(d.text);
    if (d.text) first = false;
    if (text) yield text;
  }
}
