// One input record as the reader hands it on, and its parsing (in the thread that evaluates it). Kept apart
// from applicants.ts so that a --jobs worker loads no more than it needs.
/**
 * One input record: already parsed, an NDJSON line (numbered from the file's first line), an array element, or
 * one that could not be read (a line that is not UTF-8, a broken sample file): rejected with that message.
 */
export type InputItem = { record: unknown } | { line: number; text: string } | { element: { n: number; text: string } } | { invalid: string };

/** The input as a whole is unreadable or not JSON: exit 2. */
export class InputError extends Error {}

export interface ParsedItem {
  record: unknown;
  error?: string;
}

/** Parses one item. A broken NDJSON line is a rejected record; a broken array element breaks the document. */
export function parseItem(item: InputItem, path: string): ParsedItem {
  if ('record' in item) return { record: item.record };
  if ('invalid' in item) return { record: null, error: item.invalid };
  if ('line' in item) {
    try {
      return { record: JSON.parse(item.text) };
    } catch {
      return { record: null, error: `第 ${item.line} 行不是有效的 JSON` };
    }
  }
  try {
    return { record: JSON.parse(item.element.text) };
  } catch (e) {
    throw new InputError(notJson(path, `第 ${item.element.n} 个元素：${(e as Error).message}`));
  }
}

export const notJson = (path: string, why: string) => `申请人文件“${path}”不是有效的 JSON：${why}`;
