// NDJSON for --jobs: the main thread only cuts the raw bytes into shares at line ends and hands each share to a
// worker, which decodes, splits, parses, evaluates and formats it (eval-worker.ts). A share knows its first
// line number and byte offset, so that a worker places an invalid byte or a broken line exactly as the reader
// in one thread does (input-bytes.ts). The bytes move to the worker (transferred, not copied).
import { LineSplitter, lineItem } from './input-bytes.ts';
import type { InputItem } from './input-item.ts';

export interface Share {
  /** Whole lines (the last one may lack its line end only at the end of the input), from the start of an ArrayBuffer of their own. */
  bytes: Uint8Array;
  /** Lines before the share's first byte (blank ones included). */
  line: number;
  /** Bytes before it. */
  offset: number;
}

/** About this many bytes per share: a few hundred records, few enough messages, memory flat with 2 per worker. */
export const SHARE_BYTES = 1 << 20;

/** Line ends in `b`: \n, \r\n and \r each end one line. (Buffer's indexOf is memchr; a Uint8Array's is not.) */
function lineEnds(bytes: Uint8Array): number {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let n = 0;
  for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) n++;
  for (let i = b.indexOf(13); i >= 0; i = b.indexOf(13, i + 1)) if (b[i + 1] !== 10) n++;
  return n;
}

/**
 * Where a share may end in `chunk`: after its last \n, or after a \r followed by something else than \n (a file
 * with \r line ends); -1 when the chunk holds no such place (a line goes on into the next chunk).
 */
function cutAt(chunk: Uint8Array): number {
  const lf = chunk.lastIndexOf(10);
  if (lf >= 0) return lf + 1;
  for (let i = chunk.length - 2; i >= 0; i--) if (chunk[i] === 13) return i + 1; // no \n in it: the next byte is not one
  return -1;
}

/**
 * Buffers the workers gave back with their answers, for the next shares. Without them every share would be a
 * fresh megabyte outside the JavaScript heap, freed only when a worker's collector gets round to it: 30 MB more
 * resident with --jobs 2.
 */
const spare: ArrayBuffer[] = [];

export function giveBack(buffer: ArrayBuffer): void {
  if (spare.length < 16) spare.push(buffer);
}

/** `n` bytes over a buffer of their own (a spare one when one is large enough). */
function shareBuffer(n: number, size: number): Uint8Array {
  const i = spare.findIndex((b) => b.byteLength >= n);
  if (i >= 0) return new Uint8Array(spare.splice(i, 1)[0], 0, n);
  return new Uint8Array(new ArrayBuffer(Math.max(n, size + (size >> 2))), 0, n);
}

/** Gives a chunk's buffer back to its source: every byte of it has been copied, nothing reads it any more. */
export type Recycle = (chunk: Uint8Array) => void;

/** Chunks whose buffers their source reuses once given back (the file reader's). */
export interface RecyclingChunks extends AsyncIterable<Uint8Array> {
  recycle: Recycle;
}

/**
 * The stream's bytes in shares of whole lines, in order; their bytes joined are the stream's. `recycle` is told
 * of each chunk once all of it is copied into shares (the file reader reuses its buffer).
 */
export async function* byteShares(chunks: AsyncIterable<Uint8Array>, size = SHARE_BYTES, recycle?: Recycle): AsyncGenerator<Share> {
  let pending: Uint8Array[] = [];
  let held = 0;
  let line = 0;
  let offset = 0;
  const take = (last: Uint8Array | null): Share => {
    const bytes = shareBuffer(held + (last?.length ?? 0), size); // a buffer of its own: it can be transferred
    let at = 0;
    for (const p of pending) {
      bytes.set(p, at);
      at += p.length;
    }
    if (last) bytes.set(last, at);
    // what was pending is the rest of earlier chunks, each now copied to its end
    if (recycle) for (const p of pending) recycle(p);
    const share = { bytes, line, offset };
    line += lineEnds(bytes);
    offset += bytes.length;
    pending = [];
    held = 0;
    return share;
  };
  for await (const chunk of chunks) {
    if (held + chunk.length >= size) {
      const cut = cutAt(chunk);
      if (cut >= 0) {
        const share = take(chunk.subarray(0, cut));
        if (cut < chunk.length) {
          pending.push(chunk.subarray(cut));
          held = chunk.length - cut;
        } else recycle?.(chunk);
        yield share;
        continue;
      }
    }
    pending.push(chunk);
    held += chunk.length;
  }
  if (held) yield take(null);
}

/** A share's records, as the reader in one thread would hand them on: one at a time, each line decoded as it is taken. */
export function* shareItems(s: Share): Generator<InputItem> {
  const split = new LineSplitter(s.line, s.offset);
  for (const l of split.lines(s.bytes)) yield lineItem(l);
  for (const l of split.end()) yield lineItem(l);
}
