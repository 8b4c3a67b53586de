// Reading applicant records as a stream: NDJSON (one record per line), a JSON array (split into its elements
// as the bytes arrive), a single record or sample file ({ record }), or a directory of sample files; from a
// file or from stdin ("-"). Records are handed on as text and parsed where they are evaluated (in a worker
// with --jobs), so the reader stays cheap. A line that is not JSON becomes a rejected record; a JSON
// document that is not JSON stops the batch.
import { createReadStream, statSync } from 'node:fs';
import { loadSamples } from '../lib/core/node.ts';
import { InputError, notJson, type InputItem } from './input-item.ts';

export { InputError, parseItem, type InputItem } from './input-item.ts';

const isSpace = (ch: string) => /\s/.test(ch);

/** The records of a file, a directory or stdin ("-"), in input order. Throws InputError when unreadable. */
export async function* readApplicants(path: string): AsyncGenerator<InputItem> {
  let stream: AsyncIterable<string>;
  try {
    if (path !== '-' && statSync(path).isDirectory()) {
      for (const s of loadSamples(path)) yield { record: s.record };
      return;
    }
    stream = await openText(path);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`无法读取申请人文件“${path}”`);
  }
  yield* split(stream, path);
}

/** A UTF-8 text stream, opened (so that a missing file fails here, before anything is written). */
async function openText(path: string): Promise<AsyncIterable<string>> {
  if (path === '-') {
    process.stdin.setEncoding('utf8');
    return process.stdin as AsyncIterable<string>;
  }
  const s = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 });
  await new Promise<void>((resolve, reject) => {
    s.once('open', () => resolve());
    s.once('error', reject);
  });
  return s as AsyncIterable<string>;
}

/**
 * Decides the format from the first character that is not white space, as the whole-file reader did: "[" is
 * a JSON array; "{" is NDJSON when there are two or more non-empty lines and the first one parses, otherwise
 * one JSON document (a record, or a sample file's { record }); anything else is read as NDJSON.
 */
async function* split(chunks: AsyncIterable<string>, path: string): AsyncGenerator<InputItem> {
  const it = chunks[Symbol.asyncIterator]();
  let buf = '';
  let first = true;
  for (;;) {
    const next = await it.next();
    if (next.done) break;
    buf += first ? next.value.replace(/^\ufeff/, '') : next.value;
    first = false;
    const start = firstNonSpace(buf);
    if (start < 0) {
      // keep the count of lines: NDJSON numbering starts at the first line with something on it
      buf = '';
      continue;
    }
    const rest = resume(it, buf.slice(start));
    if (buf[start] === '[') yield* arrayElements(rest, path);
    else if (buf[start] === '{') yield* objectOrLines(rest, path);
    else yield* lines(rest);
    return;
  }
}

function firstNonSpace(s: string): number {
  for (let i = 0; i < s.length; i++) if (!isSpace(s[i])) return i;
  return -1;
}

/** The rest of a stream, starting with text already read. */
async function* resume(it: AsyncIterator<string>, head: string): AsyncGenerator<string> {
  if (head) yield head;
  for (;;) {
    const next = await it.next();
    if (next.done) return;
    yield next.value;
  }
}

/** Non-empty lines, numbered from the first one (\r\n or \n). */
async function* lines(chunks: AsyncIterable<string>): AsyncGenerator<{ line: number; text: string }> {
  let carry = '';
  let n = 0;
  for await (const chunk of chunks) {
    const text = carry + chunk;
    let from = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
      n++;
      const line = text.charCodeAt(nl - 1) === 13 && nl > from ? text.slice(from, nl - 1) : text.slice(from, nl);
      from = nl + 1;
      if (line.trim()) yield { line: n, text: line };
    }
    carry = text.slice(from);
  }
  n++;
  if (carry.trim()) yield { line: n, text: carry };
}

/** "{": NDJSON if the first line parses and a second non-empty line follows; else the whole text is one document. */
async function* objectOrLines(chunks: AsyncIterable<string>, path: string): AsyncGenerator<InputItem> {
  const gen = lines(chunks);
  const a = await gen.next();
  if (a.done) return;
  let firstOk = true;
  try {
    JSON.parse(a.value.text);
  } catch {
    firstOk = false;
  }
  const b = firstOk ? await gen.next() : { done: false as const, value: undefined };
  if (firstOk && !b.done && b.value) {
    yield a.value;
    yield b.value;
    yield* gen;
    return;
  }
  // One document (possibly over several lines): read it all; it is a single record or sample, so small.
  let text = a.value.text;
  if (!b.done && b.value) text += `\n${b.value.text}`;
  for await (const l of gen) text += `\n${l.text}`;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InputError(notJson(path, (e as Error).message));
  }
  yield { record: data && typeof data === 'object' && 'record' in data ? (data as { record: unknown }).record : data };
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
  for await (const chunk of chunks) {
    let start = 0;
    const out: { element: { n: number; text: string } }[] = [];
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
    yield* out;
  }
  if (!done) throw new InputError(notJson(path, `数组没有结束（第 ${elements + 1} 个元素不完整）`));
}
