// The applicants' bytes turned into text, strictly: split into lines (NDJSON) or decoded as one stream (a JSON
// array), with a fatal UTF-8 decoder, so that an invalid byte is an error with its line and never U+FFFD.
// Linear in the input: a line that spans chunks is kept as a list of pieces and joined once, at its end.
import { advance, decodeUtf8, GBK_SAMPLE, incompleteTail, looksLikeGbk, type Before, type Utf8Fault } from '../lib/core/utf8.ts';

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

/** Lines with something on them but white space, each decoded on its own (a bad byte spoils its line only). */
export async function* textLines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<TextLine> {
  let parts: Uint8Array[] = [];
  let n = 0;
  let bytes = 0; // before the current line
  let afterCr = false; // the previous chunk ended in \r: a \n starting this one belongs to it
  const emit = (b: Uint8Array): TextLine | null => {
    n++;
    const d = decodeUtf8(b, { lines: n - 1, bytes, col: 0 });
    bytes += b.length;
    if ('fault' in d) return { line: n, fault: d.fault };
    const text = n === 1 ? d.text.replace(/^\ufeff/, '') : d.text;
    return text.trim() ? { line: n, text } : null;
  };
  for await (const chunk of chunks) {
    let i = 0;
    if (afterCr) {
      afterCr = false;
      if (chunk[0] === 10) {
        i = 1;
        bytes++;
      }
    }
    let lf = -2;
    let cr = -2;
    let start = i;
    for (;;) {
      if (lf !== -1 && lf < i) lf = chunk.indexOf(10, i);
      if (cr !== -1 && cr < i) cr = chunk.indexOf(13, i);
      const end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
      if (end < 0) break;
      parts.push(chunk.subarray(start, end));
      const l = emit(join(parts));
      parts = [];
      if (chunk[end] === 13) {
        if (end + 1 === chunk.length) afterCr = true;
        i = chunk[end + 1] === 10 ? end + 2 : end + 1;
      } else i = end + 1;
      bytes += i - end;
      start = i;
      if (l) yield l;
    }
    if (start < chunk.length) parts.push(chunk.subarray(start));
  }
  if (parts.length) {
    const l = emit(join(parts));
    if (l) yield l;
  }
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
