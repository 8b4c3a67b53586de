// Per-item logic of the folds (folds.ts) as plain functions of the item and the window's first day, with no
// scope object: `{"var":"current.role"}` reads the item, `{"var":"accumulator.0"}` the first day. Only the
// operations the compiler emits inside folds are handled; anything else returns null and the fold falls back
// to the standard compilation. Item values come from JSON (no getters, no symbols), so nothing here throws.
import { truthy } from './jsonlogic.ts';
import { opOf } from './folds.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */
export type ItemFn = (item: any, from: any) => any;

/** How the item is addressed: in reduce as `current.…` (and the first day as `accumulator.0`), in filter plainly. */
export interface ItemScope {
  prefix: 'current.' | '';
  /** `{"var":"accumulator.0"}` is the first day of the window (pair folds only). */
  from: boolean;
}


export const isPrimitive = (x: unknown) => x === null || ['string', 'number', 'boolean'].includes(typeof x);

/** parseFloat as `+` and `*` apply it (see jsonlogic.ts). */
const pf = (x: any): number => (typeof x === 'number' ? x + 0 : parseFloat(x));

/** `{"var": path}` on the item: each step stops with null on a missing container or an undefined value. */
function getter(rest: string): ItemFn {
  const keys = rest.split('.');
  if (keys.length === 1) {
    const k = keys[0];
    return (c) => {
      if (c === null || c === undefined) return null;
      const v = c[k];
      return v === undefined ? null : v;
    };
  }
  return (c) => readPath(c, keys);
}

/** A dotted path on the item: each step stops with null on a missing container or an undefined value. */
export function readPath(c: any, keys: string[]): any {
  let v = c;
  for (let i = 0; i < keys.length; i++) {
    if (v === null || v === undefined) return null;
    v = v[keys[i]];
    if (v === undefined) return null;
  }
  return v;
}

function variable(args: unknown[], scope: ItemScope): ItemFn | null {
  const path = args[0];
  if (args.length !== 1 || typeof path !== 'string') return null;
  if (scope.from && path === 'accumulator.0') return (_c, from) => from;
  if (scope.prefix === 'current.') {
    if (path === 'current') return (c) => (c === undefined ? null : c);
    return path.startsWith('current.') && path.length > 8 ? getter(path.slice(8)) : null;
  }
  return path !== '' && !path.startsWith('accumulator') && !path.startsWith('current') ? getter(path) : null;
}

/** A value of the item, or null when the shape is not handled. */
export function itemValue(x: unknown, scope: ItemScope): ItemFn | null {
  if (isPrimitive(x)) return () => x;
  const o = opOf(x);
  if (!o) return null;
  const [op, args] = o;
  if (op === 'var') return variable(args, scope);
  if (op === 'if') return ifChain(args, scope);
  if ((op === '*' || op === '+') && args.length === 2) {
    const a = itemValue(args[0], scope), b = itemValue(args[1], scope);
    if (!a || !b) return null;
    return op === '*' ? (c, f) => pf(a(c, f)) * pf(b(c, f)) : (c, f) => 0 + pf(a(c, f)) + pf(b(c, f));
  }
  // comparisons, `in` and negations yield booleans, which is their value (not so `and` / `or`)
  return op === 'and' || op === 'or' ? null : itemTest(x, scope, false);
}

/** `if`: the first truthy condition's value, else the last argument when their number is odd, else null. */
function ifChain(args: unknown[], scope: ItemScope): ItemFn | null {
  const conds: ItemFn[] = [], values: ItemFn[] = [];
  let i = 0;
  for (; i < args.length - 1; i += 2) {
    const c = itemTest(args[i], scope), v = itemValue(args[i + 1], scope);
    if (!c || !v) return null;
    conds.push(c);
    values.push(v);
  }
  const last = i === args.length - 1 ? itemValue(args[i], scope) : () => null;
  if (!last) return null;
  const n = conds.length;
  if (n === 1) {
    const c0 = conds[0], v0 = values[0];
    return (c, f) => (c0(c, f) ? v0(c, f) : last(c, f));
  }
  return (c, f) => {
    for (let j = 0; j < n; j++) if (conds[j](c, f)) return values[j](c, f);
    return last(c, f);
  };
}

const COMPARE: Record<string, (a: ItemFn, b: ItemFn) => ItemFn> = {
  '==': (a, b) => (c, f) => a(c, f) == b(c, f),
  '===': (a, b) => (c, f) => a(c, f) === b(c, f),
  '!=': (a, b) => (c, f) => a(c, f) != b(c, f),
  '!==': (a, b) => (c, f) => a(c, f) !== b(c, f),
  '>': (a, b) => (c, f) => a(c, f) > b(c, f),
  '>=': (a, b) => (c, f) => a(c, f) >= b(c, f),
  '<': (a, b) => (c, f) => a(c, f) < b(c, f),
  '<=': (a, b) => (c, f) => a(c, f) <= b(c, f)
};

/** The same comparisons against a constant right side (the commonest shape), one call fewer. */
const COMPARE_K: Record<string, (a: ItemFn, k: unknown) => ItemFn> = {
  '==': (a, k) => (c, f) => a(c, f) == k,
  '===': (a, k) => (c, f) => a(c, f) === k,
  '!=': (a, k) => (c, f) => a(c, f) != k,
  '!==': (a, k) => (c, f) => a(c, f) !== k,
  '>': (a, k: any) => (c, f) => a(c, f) > k,
  '>=': (a, k: any) => (c, f) => a(c, f) >= k,
  '<': (a, k: any) => (c, f) => a(c, f) < k,
  '<=': (a, k: any) => (c, f) => a(c, f) <= k
};

// ---------- one field against a constant or the first day: the commonest leaf, in one function ----------

/** The item's own field a `var` reads when it is one plain key (`current.role` in reduce, `role` in filter). */
export function fieldKey(x: unknown, scope: ItemScope): string | null {
  const o = opOf(x);
  if (!o || o[0] !== 'var' || o[1].length !== 1 || typeof o[1][0] !== 'string') return null;
  const path = o[1][0];
  const rest = scope.prefix === 'current.' ? (path.startsWith('current.') ? path.slice(8) : null) : path;
  if (rest === null || rest === '' || rest.includes('.')) return null;
  if (scope.prefix === '' && (rest === 'current' || rest === 'accumulator')) return null;
  return rest;
}

export const isFrom = (x: unknown) => {
  const o = opOf(x);
  return o !== null && o[0] === 'var' && o[1].length === 1 && o[1][0] === 'accumulator.0';
};

/** Marks "compare with the window's first day" in fieldCompare. */
const FROM = Symbol('from');

/** getter(key) compared with k (or with the first day): the field read and the comparison in one closure. */
function fieldCompare(op: string, key: string, k: unknown): ItemFn {
  const read = (c: any) => {
    if (c === null || c === undefined) return null;
    const v = c[key];
    return v === undefined ? null : v;
  };
  const K: any = k;
  if (k === FROM) {
    switch (op) {
      case '==': return (c, f) => read(c) == f;
      case '===': return (c, f) => read(c) === f;
      case '!=': return (c, f) => read(c) != f;
      case '!==': return (c, f) => read(c) !== f;
      case '>': return (c, f) => read(c) > f;
      case '>=': return (c, f) => read(c) >= f;
      case '<': return (c, f) => read(c) < f;
      default: return (c, f) => read(c) <= f;
    }
  }
  switch (op) {
    case '==': return (c) => read(c) == K;
    case '===': return (c) => read(c) === K;
    case '!=': return (c) => read(c) != K;
    case '!==': return (c) => read(c) !== K;
    case '>': return (c) => read(c) > K;
    case '>=': return (c) => read(c) >= K;
    case '<': return (c) => read(c) < K;
    default: return (c) => read(c) <= K;
  }
}

/**
 * The window of a pair fold, {"and":[{">=":[FIELD,{"var":"accumulator.0"}]},{"<=":[FIELD,DAY]},…]}: the two
 * bounds read the date field once. (`and` of the rest keeps its meaning: truthy(and(a, b, c)) is a && and(b, c).)
 */
function windowTest(lo: unknown, hi: unknown, scope: ItemScope): ItemFn | null {
  const a = opOf(lo), b = opOf(hi);
  if (!scope.from || !a || !b || a[0] !== '>=' || b[0] !== '<=' || a[1].length !== 2 || b[1].length !== 2) return null;
  const key = fieldKey(a[1][0], scope);
  if (key === null || key !== fieldKey(b[1][0], scope) || !isFrom(a[1][1]) || !isPrimitive(b[1][1])) return null;
  const last: any = b[1][1];
  return (c, f) => {
    let v = c === null || c === undefined ? null : c[key];
    if (v === undefined) v = null;
    return v >= f && v <= last;
  };
}

/**
 * The truth of a condition (jsonLogic.truthy of its value). In that position `and` / `or` need not return the
 * deciding operand: truthy(and(a, b)) is truthy(a) && truthy(b), and with no operands they give undefined.
 */
export function itemTest(x: unknown, scope: ItemScope, fallback = true): ItemFn | null {
  const o = opOf(x);
  if (o) {
    const [op, args] = o;
    if (COMPARE[op] && args.length === 2) {
      const key = fieldKey(args[0], scope);
      if (key !== null && (isPrimitive(args[1]) || (scope.from && isFrom(args[1])))) return fieldCompare(op, key, isPrimitive(args[1]) ? args[1] : FROM);
      const a = itemValue(args[0], scope);
      if (!a) return null;
      if (isPrimitive(args[1])) return COMPARE_K[op](a, args[1]);
      const b = itemValue(args[1], scope);
      return b ? COMPARE[op](a, b) : null;
    }
    if (op === 'in' && args.length === 2) {
      const set = args[1];
      const a = itemValue(args[0], scope);
      if (!a || !(typeof set === 'string' || (Array.isArray(set) && set.every(isPrimitive) && set.length === Object.keys(set).length))) return null;
      // a literal array of primitives is rebuilt each time in json-logic-js; indexOf on an equal one is the same
      const hay = set as unknown[] | string;
      const key = fieldKey(args[0], scope);
      if (key !== null) {
        return (c) => {
          const v = c === null || c === undefined ? null : c[key];
          return hay.indexOf(v === undefined ? null : v) !== -1;
        };
      }
      return (c, f) => hay.indexOf(a(c, f)) !== -1;
    }
    if (op === 'and' && args.length >= 2) {
      const w = windowTest(args[0], args[1], scope);
      if (w) {
        const rest = args.length === 2 ? null : itemTest({ and: args.slice(2) }, scope);
        if (args.length === 2) return w;
        if (rest) return (c, f) => w(c, f) && rest(c, f);
      }
    }
    if (op === 'and' || op === 'or') {
      const ts = args.map((a) => itemTest(a, scope));
      if (ts.some((t) => !t)) return null;
      return junction(ts as ItemFn[], op === 'and');
    }
    if ((op === '!' || op === '!!') && args.length === 1) {
      const t = itemTest(args[0], scope);
      if (!t) return null;
      return op === '!' ? (c, f) => !t(c, f) : t;
    }
  }
  if (!fallback) return null;
  const v = itemValue(x, scope);
  return v ? (c, f) => truthy(v(c, f)) : null;
}

function junction(ts: ItemFn[], all: boolean): ItemFn {
  if (ts.length === 0) return () => false;
  if (ts.length === 1) return ts[0];
  if (ts.length === 2) {
    const [a, b] = ts;
    return all ? (c, f) => a(c, f) && b(c, f) : (c, f) => a(c, f) || b(c, f);
  }
  if (ts.length === 3) {
    const [a, b, d] = ts;
    return all ? (c, f) => a(c, f) && b(c, f) && d(c, f) : (c, f) => a(c, f) || b(c, f) || d(c, f);
  }
  const n = ts.length;
  return all
    ? (c, f) => {
        for (let i = 0; i < n; i++) if (!ts[i](c, f)) return false;
        return true;
      }
    : (c, f) => {
        for (let i = 0; i < n; i++) if (ts[i](c, f)) return true;
        return false;
      };
}
