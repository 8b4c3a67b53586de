// Which units fit a number being typed: what it is compared with or added to (an amount → 元/万元/亿元, hours →
// 学时, a count → 项), the period after 满/近 (年/个月), points after 上限/最低. Read from the tokens before the
// number and, for a definition or constant named there, from its declaration's AST. null means "cannot tell":
// then every unit is offered, as before.
import type { IToken } from 'chevrotain';
import type * as A from '../../../../grammar/ast.ts';
import * as T from '../../../../grammar/tokens.ts';
import { dimensionOfSchemaUnit, units, type UnitInfo } from '../check/units.ts';
import { lookupField, recordFields, type FieldInfo } from '../records/fields.ts';
import type { SymbolIndex } from './symbols.ts';

/** A unit's dimension, or 'none' for a plain number (a year, a rank) that takes no unit. */
export type UnitKind = UnitInfo['dim'] | 'none';

const COMPARE_OR_ADD = new Set([T.Equals, T.NotEq, T.Less, T.LessEq, T.Greater, T.GreaterEq, T.Plus, T.Minus]);
const BOUNDARY = new Set([T.Colon, T.LBrace, T.RBrace, T.KwDefine, T.KwConst, T.KwWindow, T.KwReason, T.KwLevel]);
const CLAUSES = new Set([T.KwWhere, T.KwTake, T.KwSatisfy, T.KwIn]);

/** The units that fit `kind`, or every unit when it cannot be told. */
export function unitsFor(kind: UnitKind | null): UnitInfo[] {
  const all = Object.values(units);
  if (kind === null) return all;
  return all.filter((u) => u.dim === kind);
}

function fieldKind(f: FieldInfo | undefined): UnitKind | null {
  if (!f) return null;
  const dim = dimensionOfSchemaUnit(f.unit);
  if (dim) return dim;
  if (f.type.kind === 'date') return 'duration';
  return f.type.kind === 'integer' || f.type.kind === 'number' ? 'none' : null;
}

/** The kind of the number right after `tokens` (the tokens before it, in order). */
export function unitKindAt(tokens: IToken[], index: SymbolIndex, scope: (tokens: IToken[]) => FieldInfo | null): UnitKind | null {
  const op = tokens[tokens.length - 1];
  if (!op) return null;
  if (op.tokenType === T.KwFull || op.tokenType === T.KwRecent) return 'duration';
  if (op.tokenType === T.KwCap || op.tokenType === T.KwMinimum) return 'points';
  if (op.tokenType === T.KwAtLeast) return 'count';
  if (!COMPARE_OR_ADD.has(op.tokenType)) return null;
  const left = tokens.slice(0, -1);
  const last = left[left.length - 1];
  if (!last) return null;
  // name(…): a definition called with arguments.
  if (last.tokenType === T.RParen) {
    let depth = 0;
    for (let i = left.length - 1; i >= 0; i--) {
      if (left[i].tokenType === T.RParen) depth++;
      else if (left[i].tokenType === T.LParen && --depth === 0) {
        const callee = left[i - 1];
        return callee?.tokenType === T.Identifier ? declKind(callee.image, index, new Set()) : null;
      }
    }
    return null;
  }
  // a field path, or the name of a definition or constant
  if (last.tokenType === T.Identifier) {
    const { path, first: i } = trailingPath(left);
    const before = left.slice(0, Math.max(0, i));
    const field = lookupField(scope(before) ?? recordFields, path.join('.')) ?? lookupField(recordFields, path.join('.'));
    if (field) return field.type.kind === 'array' ? aggregateKind(before) : fieldKind(field);
    const named = path.length === 1 ? declKind(path[0], index, new Set()) : null;
    if (named) return named;
  }
  // an aggregation whose condition or window ends just before the operator: 合计 x.amount_yuan 其中 … 于 近5年 >=
  return aggregateKind(left);
}

/** Looking back from the operator for the 计数/合计 whose value it compares: past a condition or window
 *  (其中 … 于 近5年), not past another comparison or the start of the statement. */
function aggregateKind(tokens: IToken[]): UnitKind | null {
  let depth = 0;
  let inClause = false;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i].tokenType;
    if (t === T.RParen) depth++;
    else if (t === T.LParen) {
      if (depth === 0) return null;
      depth--;
    } else if (depth > 0) continue;
    else if (CLAUSES.has(t)) inClause = true;
    else if (t === T.KwCount) return 'count';
    else if (t === T.KwSum) {
      const path: string[] = [];
      for (let j = i + 1; j < tokens.length && (tokens[j].tokenType === T.Identifier || tokens[j].tokenType === T.Dot); j++) {
        if (tokens[j].tokenType === T.Identifier) path.push(tokens[j].image);
      }
      return fieldKind(lookupField(recordFields, path.join('.')));
    } else if (t === T.KwMax) return null;
    else if (BOUNDARY.has(t)) return null;
    else if (!inClause && (COMPARE_OR_ADD.has(t) || t === T.KwAnd || t === T.KwOr)) return null;
  }
  return null;
}

function declKind(name: string, index: SymbolIndex, seen: Set<string>): UnitKind | null {
  const d = index.declarations.get(name);
  if (!d || seen.has(name)) return null;
  seen.add(name);
  if (d.decl.kind === 'const') return exprKind(d.decl.value, index, seen);
  if (d.decl.kind === 'define') return exprKind(d.decl.body, index, seen);
  return null;
}

function exprKind(e: A.Expr, index: SymbolIndex, seen: Set<string>): UnitKind | null {
  switch (e.kind) {
    case 'quantity':
      return units[e.unit]?.dim ?? null;
    case 'number':
      return 'none';
    case 'ref':
      return e.path.length === 1 && index.declarations.has(e.path[0].text)
        ? declKind(e.path[0].text, index, seen)
        : fieldKind(lookupField(recordFields, e.path.map((n) => n.text).join('.')));
    case 'call':
      return declKind(e.callee.text, index, seen);
    case 'aggregate':
      if (e.agg === 'count') return 'count';
      if (e.agg === 'sum') return fieldKind(lookupField(recordFields, e.list.map((n) => n.text).join('.')));
      return null;
    case 'arith':
      return e.op === '+' || e.op === '-' ? exprKind(e.left, index, seen) : null;
    case 'floor':
    case 'negate':
      return exprKind(e.arg, index, seen);
    case 'case':
      return e.arms[0] ? exprKind(e.arms[0].then, index, seen) : null;
    default:
      return null;
  }
}

/** The dotted name `a.b.c` that ends the tokens, and the index of its first token (below 0 if none). */
export function trailingPath(tokens: IToken[]): { path: string[]; first: number } {
  const path: string[] = [];
  let i = tokens.length - 1;
  while (i >= 0 && tokens[i].tokenType === T.Identifier) {
    path.unshift(tokens[i].image);
    if (i >= 1 && tokens[i - 1].tokenType === T.Dot) i -= 2;
    else break;
  }
  return { path, first: i };
}
