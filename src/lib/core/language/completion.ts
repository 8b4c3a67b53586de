// Completion that knows its context: record fields after a dot (in the list item's scope inside 其中/取), the
// item's fields alone right after 其中/取/满足 (and after 且/或/非/( inside such a clause),
// enum values after a comparison or 属于, units right after a number, windows after 于, the level's
// references after 基本条件/积分/评委会, and otherwise keywords, definitions, constants and fields.
import { Lexer, type IToken } from 'chevrotain';
import * as T from '../../../../grammar/tokens.ts';
import { lookupField, recordFields, type FieldInfo } from '../records/fields.ts';
import { trailingPath, unitKindAt, unitsFor } from './unit-context.ts';
import type { SymbolIndex } from './symbols.ts';
import { describeField, fieldDetail } from './describe.ts';
import type { CompletionItem, Range } from './types.ts';

const lexer = new Lexer(T.allTokens, { positionTracking: 'full', ensureOptimizations: false });

const AGGREGATES = new Set([T.KwCount, T.KwSum, T.KwMax, T.KwExists, T.KwAll]);
const ITEM_CLAUSES = new Set([T.KwWhere, T.KwTake, T.KwSatisfy]);
/** Tokens that end the search for an enclosing aggregation. */
const STATEMENT_BOUNDARY = new Set([T.Colon, T.LBrace, T.RBrace, T.KwDefine, T.KwConst, T.KwWindow, T.KwReason, T.KwLevel]);
/** Inside an item clause, what a condition goes on with: another of the item's fields comes next. */
const CONDITION_JOINS = new Set([T.KwAnd, T.KwOr, T.KwNot, T.LParen]);
const COMPARISONS = new Set([T.Equals, T.NotEq, T.Less, T.LessEq, T.Greater, T.GreaterEq]);

export interface CompletionContext {
  file: string;
  text: string;
  offset: number;
  index: SymbolIndex;
}

export function complete(ctx: CompletionContext): CompletionItem[] {
  const before = ctx.text.slice(0, ctx.offset);
  const tokens = lexer.tokenize(before).tokens;
  const word = /[A-Za-z_\u3400-\u4dbf\u4e00-\u9fff][A-Za-z_0-9\u3400-\u4dbf\u4e00-\u9fff]*$/.exec(before)?.[0] ?? '';
  const range = wordRange(ctx, word.length);
  // The tokens before the word being typed.
  const prior = word && tokens.length && tokens[tokens.length - 1].endOffset! + 1 === ctx.offset ? tokens.slice(0, -1) : tokens;
  const last = prior[prior.length - 1];
  const touching = last && last.endOffset! + 1 === ctx.offset - word.length;

  if (last?.tokenType === T.NumberLiteral && touching) return unitItems(range, unitKindAt(prior.slice(0, -1), ctx.index, scopeAt));
  if (last?.tokenType === T.Dot && touching) {
    const path = pathBefore(prior.slice(0, -1));
    const base = lookupField(scopeAt(prior) ?? recordFields, path) ?? lookupField(recordFields, path);
    return base ? childFields(base, range) : [];
  }
  if (last?.tokenType === T.KwIn) return names(ctx.index, 'window', range);
  if (last?.tokenType === T.KwGates) return names(ctx.index, 'gateGroup', range);
  if (last?.tokenType === T.KwScore) return names(ctx.index, 'scoreTable', range);
  if (last?.tokenType === T.KwCommittee && insideLevel(prior)) return names(ctx.index, 'committee', range);
  const enumField = enumContext(prior, ctx);
  if (enumField) return enumItems(enumField, range);
  // The place takes one of the list item's fields (and only that: a space typed here opens the list).
  const item = itemPlace(prior);
  if (item) return childFields(item, range);
  return general(ctx, prior, range);
}

function wordRange(ctx: CompletionContext, length: number): Range {
  const start = ctx.offset - length;
  const lineStart = ctx.text.lastIndexOf('\n', start - 1) + 1;
  const line = ctx.text.slice(0, start).split('\n').length;
  return { file: ctx.file, line, col: start - lineStart + 1, endLine: line, endCol: start - lineStart + 1 + length };
}

/** `a.b` before a trailing dot. */
function pathBefore(tokens: IToken[]): string {
  return trailingPath(tokens).path.join('.');
}

/** Inside 其中/取/满足 of an aggregation: the list item; otherwise null. */
export function scopeAt(tokens: IToken[]): FieldInfo | null {
  let depth = 0;
  let clause = false;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i].tokenType;
    if (t === T.RParen) depth++;
    else if (t === T.LParen) {
      if (depth === 0) continue; // an open parenthesis we are inside of: keep looking outwards
      depth--;
    } else if (depth === 0 && ITEM_CLAUSES.has(t)) clause = true;
    else if (depth === 0 && t === T.KwIn) {
      if (clause) continue; // 于 近5年 其中 …: the clause after the window is this aggregation's
      // 其中 … 于 近5年 且 …: the window closed its aggregation; look further out, before that aggregation.
      const start = aggregationStart(tokens, i);
      if (start < 0) return null;
      i = start;
    } else if (depth === 0 && AGGREGATES.has(t)) {
      if (!clause) return null;
      const path: string[] = [];
      for (let j = i + 1; j < tokens.length && (tokens[j].tokenType === T.Identifier || tokens[j].tokenType === T.Dot); j++) {
        if (tokens[j].tokenType === T.Identifier) path.push(tokens[j].image);
      }
      for (let n = path.length; n >= 1; n--) {
        const f = lookupField(recordFields, path.slice(0, n).join('.'));
        if (f?.type.kind === 'array') return f.type.item;
      }
      return null;
    } else if (STATEMENT_BOUNDARY.has(t)) return null;
  }
  return null;
}

/** The index of the aggregation keyword whose window is at `window`, or -1 (a statement's start first). */
function aggregationStart(tokens: IToken[], window: number): number {
  let depth = 0;
  for (let k = window - 1; k >= 0; k--) {
    const t = tokens[k].tokenType;
    if (t === T.RParen) depth++;
    else if (t === T.LParen) {
      if (depth === 0) return -1;
      depth--;
    } else if (depth === 0 && AGGREGATES.has(t)) return k;
    else if (depth === 0 && STATEMENT_BOUNDARY.has(t)) return -1;
  }
  return -1;
}

/** Right after 其中 / 取 / 满足, or after 且 / 或 / 非 / ( inside such a clause: the list item that place takes
 *  a field of; otherwise null. */
function itemPlace(tokens: IToken[]): FieldInfo | null {
  const last = tokens[tokens.length - 1]?.tokenType;
  if (!last || !(ITEM_CLAUSES.has(last) || CONDITION_JOINS.has(last))) return null;
  return scopeAt(tokens);
}

function insideLevel(tokens: IToken[]): boolean {
  let depth = 0;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i].tokenType;
    if (t === T.RBrace) depth++;
    else if (t === T.LBrace) {
      if (depth === 0) return i >= 2 && tokens[i - 2].tokenType === T.KwLevel;
      depth--;
    }
  }
  return false;
}

/** `role = |`, `level >= |`, `result 属于 (excellent, |`: the enum field being compared. */
function enumContext(tokens: IToken[], ctx: CompletionContext): FieldInfo | null {
  let i = tokens.length - 1;
  if (i < 0) return null;
  // Inside a 属于 list: skip back over values and commas to the parenthesis.
  let j = i;
  while (j >= 0 && (tokens[j].tokenType === T.Identifier || tokens[j].tokenType === T.Comma)) j--;
  if (j >= 1 && tokens[j].tokenType === T.LParen && tokens[j - 1].tokenType === T.KwMemberOf) i = j - 1;
  const op = tokens[i];
  if (!op || !(COMPARISONS.has(op.tokenType) || op.tokenType === T.KwMemberOf)) return null;
  const path = pathBefore(tokens.slice(0, i));
  if (!path) return null;
  const f = lookupField(scopeAt(tokens.slice(0, i)) ?? recordFields, path);
  void ctx;
  return f?.type.kind === 'enum' ? f : null;
}

function enumItems(f: FieldInfo, range: Range): CompletionItem[] {
  if (f.type.kind !== 'enum') return [];
  const labels = f.type.labels;
  // The Chinese label first, the code beside it; typing either finds the value.
  return f.type.values.map((v) => {
    const zh = labels[v] ?? v;
    return { label: zh, kind: 'enum' as const, detail: zh === v ? undefined : v, documentation: `${f.zh}（${f.path}）的取值：${zh}（${v}）`, filterText: zh === v ? zh : `${zh} ${v}`, range };
  });
}

function childFields(f: FieldInfo, range: Range): CompletionItem[] {
  const obj = f.type.kind === 'array' ? f.type.item : f;
  if (obj.type.kind !== 'object') return [];
  return Object.values(obj.type.fields).map((c) => fieldItem(c, range));
}

/** A field by its Chinese name, with its code beside it. */
function fieldItem(c: FieldInfo, range: Range): CompletionItem {
  return {
    label: c.zh, kind: c.type.kind === 'array' ? 'list' : 'field', detail: `${c.name} · ${fieldDetail(c)}`,
    documentation: describeField(c), filterText: `${c.zh} ${c.name}`, range
  };
}

function unitItems(range: Range, kind: ReturnType<typeof unitKindAt>): CompletionItem[] {
  // `range` is the partly typed unit right after the number (万 of 500万), replaced whole. Only the units that
  // fit what the number is compared with (unit-context.ts), or all when that cannot be told.
  return unitsFor(kind).map((u) => ({ label: u.name, kind: 'unit' as const, detail: '单位', range }));
}

function names(index: SymbolIndex, kind: 'window' | 'gateGroup' | 'scoreTable' | 'committee', range: Range): CompletionItem[] {
  return [...index.declarations.values()]
    .filter((d) => d.kind === kind)
    .map((d) => ({ label: d.name, kind, detail: 'label' in d.decl && d.decl.label ? d.decl.label.text : undefined, range }));
}

const KEYWORD_DOCS: Record<string, string> = {
  存在: '存在 清单 其中 条件 [于 窗口]：清单中至少有一项满足条件', 计数: '计数 清单 [其中 条件] [于 窗口]：满足条件的项数',
  合计: '合计 清单.字段 [其中 条件] [于 窗口]：字段之和', 最大: '最大 清单 取 表达式：最大值（无则为 0）',
  全部: '全部 清单 满足 条件：每一项都满足', 满: '日期 满 3年：日期不晚于基准日前3年', 于: '于 窗口：只计窗口内（截至基准日）的项',
  属于: 'x 属于 (a, b)：x 是其中之一', 开头是: '文本 开头是 "3301"', 任一: '任一 { … }：任一条件成立即可',
  至少: '至少 N 项 { … }：N of M', 情形: '情形 { 条件: 值 … 其他: 值 }'
};

function general(ctx: CompletionContext, prior: IToken[], range: Range): CompletionItem[] {
  const out: CompletionItem[] = [];
  for (const t of T.keywordTokens) {
    const word = String(t.PATTERN).replace(/^\/|\/$/g, '');
    out.push({ label: word, kind: 'keyword', ...(KEYWORD_DOCS[word] ? { documentation: KEYWORD_DOCS[word] } : {}), range });
  }
  for (const d of ctx.index.declarations.values()) {
    if (d.kind !== 'definition' && d.kind !== 'constant') continue;
    const label = 'label' in d.decl && d.decl.label ? d.decl.label.text : undefined;
    const params = d.decl.kind === 'define' && d.decl.params.length ? `(${d.decl.params.map((p) => p.text).join(', ')})` : '';
    out.push({ label: d.name, kind: d.kind, detail: label ? `${label}${params}` : params || undefined, insertText: params ? `${d.name}(` : d.name, range });
  }
  const scope = scopeAt(prior) ?? recordFields;
  if (scope.type.kind === 'object') {
    for (const f of Object.values(scope.type.fields)) out.push(fieldItem(f, range));
  }
  return out;
}
