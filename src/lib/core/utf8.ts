// Strict UTF-8 decoding: invalid bytes are an error with their position, never silently U+FFFD (which would
// turn "Q\xff" and "Q\xfe" into the same id, or rewrite a GBK file as mojibake). Runs in the browser too.

/** Where the first invalid byte is: 1-based line and column (in characters), 1-based byte offset. */
export interface Utf8Fault {
  line: number;
  col: number;
  byte: number;
  /** The bytes decode as GB18030 (GBK): the file was most likely saved in that encoding. */
  gbk: boolean;
}

/** What precedes `bytes` in a stream: line breaks, bytes, and characters since the last line break. */
export interface Before {
  lines: number;
  bytes: number;
  col: number;
  /** The text before ended in \r, counted as a line end already: a \n right after it belongs to it. */
  cr?: boolean;
}

/** `before` moved past `text`: lines end in \n, \r\n or \r, as the lexer and the NDJSON reader end them. */
export function advance(before: Before, text: string, bytes: number): void {
  before.bytes += bytes;
  if (!text) return;
  if (text.indexOf('\r') < 0) {
    let last = -1;
    for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) {
      if (!(k === 0 && before.cr)) before.lines++;
      last = k;
    }
    before.col = last < 0 ? before.col + text.length : text.length - last - 1;
    before.cr = false;
    return;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 || (c === 10 && !(i === 0 ? before.cr : text.charCodeAt(i - 1) === 13))) {
      before.lines++;
      before.col = 0;
    } else if (c !== 10) before.col++;
  }
  before.cr = text.charCodeAt(text.length - 1) === 13;
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { ignoreBOM: true });

/** The text of `bytes`, or where they stop being UTF-8. `before`: lines and bytes that precede them (a stream). */
export function decodeUtf8(bytes: Uint8Array, before: Before = { lines: 0, bytes: 0, col: 0 }): { text: string } | { fault: Utf8Fault } {
  try {
    return { text: strict.decode(bytes) };
  } catch {
    return { fault: faultAt(bytes, invalidOffset(bytes), before) };
  }
}

/** The offset of the first byte that does not start or continue a well-formed sequence (bytes.length if truncated). */
export function invalidOffset(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0; // overlong
      if (c === 0xed) hi = 0x9f; // surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90; // overlong
      if (c === 0xf4) hi = 0x8f; // above U+10FFFF
    } else return i;
    if (i + 1 >= b.length) return i;
    if (b[i + 1] < lo || b[i + 1] > hi) return i;
    for (let k = 2; k <= n; k++) if (i + k >= b.length || b[i + k] < 0x80 || b[i + k] > 0xbf) return i;
    i += n + 1;
  }
  return b.length;
}

/** Bytes at the end of a chunk that begin a sequence the next chunk completes (0 to 3). */
export function incompleteTail(b: Uint8Array): number {
  for (let k = 1; k <= Math.min(3, b.length); k++) {
    const c = b[b.length - k];
    if (c < 0x80) return 0;
    if (c >= 0xc0) {
      const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      return need > k ? k : 0;
    }
  }
  return 0;
}

function faultAt(b: Uint8Array, at: number, before: Before): Utf8Fault {
  let line = before.lines + 1;
  let lineStart = 0;
  let col = before.col;
  for (let i = 0; i < at; i++) {
    if (b[i] !== 10 && b[i] !== 13) continue;
    // a \n right after a \r ends the same line
    if (b[i] === 13 || !(i === 0 ? before.cr : b[i - 1] === 13)) line++;
    lineStart = i + 1;
    col = 0;
  }
  col += lenient.decode(b.subarray(lineStart, at)).length + 1;
  return { line, col, byte: before.bytes + at + 1, gbk: looksLikeGbk(b.subarray(at, at + GBK_SAMPLE)) };
}

/** Bytes from the fault on that are tried as GBK (a stream reads ahead to have them, whatever its chunks). */
export const GBK_SAMPLE = 4096;

/** The bytes (from the first invalid one) decode as GB18030 and hold Chinese characters. */
export function looksLikeGbk(b: Uint8Array): boolean {
  try {
    // streaming, so that a sequence cut at the end of the sample is not taken for an error
    return /[\u4e00-\u9fff]/.test(new TextDecoder('gb18030', { fatal: true }).decode(b, { stream: true }));
  } catch {
    return false; // not GBK either, or a runtime without the encoding
  }
}

/** The clerk's advice that goes with a fault. */
export function utf8Advice(f: Utf8Fault): string {
  return f.gbk ? '看起来是 GBK（GB18030）编码，请另存为 UTF-8 编码后重试' : '请另存为 UTF-8 编码后重试';
}
