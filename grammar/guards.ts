// Bounds checked before and after parsing, so that hostile text gives a positioned diagnostic instead of a
// stack overflow or a run that never ends: file size, line length, bracket nesting (before the recursive
// parser runs) and expression depth (before the recursive phases after it: repair, checker, compiler).
import type { IToken } from 'chevrotain';
import type { Span } from './ast.ts';
import { LBrace, LParen, RBrace, RParen } from './tokens.ts';
import { diag, type Diagnostic } from '../src/lib/core/diagnostics/index.ts';
import { LIMITS } from '../src/lib/core/limits.ts';

/** UTF-8 length of a text, without encoding it. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

const at = (file: string, start: number, line: number, col: number, length = 1): Span => ({
  file, start, end: start + length, line, col, endLine: line, endCol: col + length
});

/** A file too large, or a line too long, to be parsed: one diagnostic, and the file is not parsed. */
export function textTooLarge(text: string, file: string): Diagnostic | null {
  const size = text.length > LIMITS.fileBytes ? text.length : utf8Length(text);
  if (size > LIMITS.fileBytes) return diag('fileTooLarge', at(file, 0, 1, 1, 0), { size, max: LIMITS.fileBytes });
  let start = 0;
  for (let line = 1; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end - start > LIMITS.lineLength) {
      return diag('lineTooLong', at(file, start + LIMITS.lineLength, line, LIMITS.lineLength + 1), { line, length: end - start, max: LIMITS.lineLength });
    }
    start = end + 1;
  }
  return null;
}

export function tokenSpan(file: string, t: IToken): Span {
  return {
    file, start: t.startOffset, end: (t.endOffset ?? t.startOffset) + 1,
    line: t.startLine ?? 1, col: t.startColumn ?? 1, endLine: t.endLine ?? t.startLine ?? 1, endCol: (t.endColumn ?? t.startColumn ?? 1) + 1
  };
}

/** The first bracket that opens one level too many, as a diagnostic; null when nesting stays within the limit. */
export function bracketsTooDeep(tokens: IToken[], file: string): Diagnostic | null {
  let depth = 0;
  for (const t of tokens) {
    const type = t.tokenType;
    if (type === LParen || type === LBrace) {
      if (++depth > LIMITS.bracketNesting) return nestingTooDeep(tokenSpan(file, t), '括号');
    } else if ((type === RParen || type === RBrace) && depth > 0) depth--;
  }
  return null;
}

export function nestingTooDeep(span: Span, what: string): Diagnostic {
  return diag('nestingTooDeep', span, { what, max: what === '括号' ? LIMITS.bracketNesting : LIMITS.expressionDepth });
}

const isNode = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/**
 * Replaces every expression that lies more than LIMITS.expressionDepth levels inside its declaration with an
 * `error` node, reporting each outermost such place once. Iterative: the tree may be arbitrarily deep here.
 */
export function limitDepth(decls: unknown[], file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  // [container, key, depth]: depth counts expression nodes (objects with a kind) from the declaration down
  const stack: [Record<string, unknown> | unknown[], string | number, number][] = [];
  decls.forEach((_, i) => stack.push([decls, i, 0]));
  while (stack.length) {
    const [container, key, depth] = stack.pop()!;
    const node = (container as Record<string | number, unknown>)[key];
    if (!isNode(node)) continue;
    const d = typeof (node as { kind?: unknown }).kind === 'string' ? depth + 1 : depth;
    if (d > LIMITS.expressionDepth && 'kind' in node) {
      const span = node.span as Span | undefined;
      const where = span ?? at(file, 0, 1, 1, 0);
      out.push(nestingTooDeep(where, '表达式'));
      (container as Record<string | number, unknown>)[key] = { kind: 'error', span: where };
      continue;
    }
    if (Array.isArray(node)) node.forEach((_, i) => stack.push([node, i, d]));
    else for (const k of Object.keys(node)) if (k !== 'span' && isNode(node[k])) stack.push([node, k, d]);
  }
  return out;
}
