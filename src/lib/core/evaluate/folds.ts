// Fold shapes that compile/logic.ts emits, run as straight loops. Each recogniser checks the exact shape and
// returns null for anything else (the standard compilation then applies); each comment says why the loop
// computes what json-logic-js computes for that shape. The per-item logic is compiled by items.ts.
import { compileReduceStep, compileRootChild, compileStandard, compiledNode, type CompiledNode, type Logic } from './jsonlogic.ts';
import { itemTest, itemValue, type ItemFn, type ItemScope } from './items.ts';
import type { Fuser, Member } from './fused.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Fn = (d: any) => any;

const PAIR: ItemScope = { prefix: 'current.', from: true };
const PLAIN: ItemScope = { prefix: 'current.', from: false };

/** parseFloat as `+` applies it (see jsonlogic.ts). */
const pf = (x: any): number => (typeof x === 'number' ? x + 0 : parseFloat(x));

/** A JSON Logic operation node as [operator, arguments]; null for a literal. */
export function opOf(x: unknown): [string, unknown[]] | null {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return null;
  const keys = Object.keys(x);
  if (keys.length !== 1) return null;
  const raw = (x as Record<string, unknown>)[keys[0]];
  return [keys[0], Array.isArray(raw) ? raw : [raw]];
}

function isVar(x: unknown, path: string): boolean {
  const o = opOf(x);
  return o !== null && o[0] === 'var' && o[1].length === 1 && o[1][0] === path;
}

const dense = (xs: unknown[], n: number) => xs.length === n && xs.every((_, i) => i in xs);
const PAIR_PATH = /^(current(\..*)?|accumulator\.[01](\..*)?)$/;

/**
 * Logic that may run with a reused pair as accumulator: it reads the item and the pair's two elements only
 * through constant `var` paths (never the pair or the scope object itself), and runs no list operation or
 * `missing` (whose data would be a different scope). Dotted operation names are refused outright.
 */
function pairSafe(x: unknown): boolean {
  if (Array.isArray(x)) return x.every(pairSafe);
  const o = opOf(x);
  if (!o) return true; // a primitive or a literal object
  const [op, args] = o;
  if (op.includes('.') || op.startsWith('missing') || ['filter', 'map', 'reduce', 'all', 'none', 'some'].includes(op)) return false;
  if (op === 'var' && (typeof args[0] !== 'string' || !PAIR_PATH.test(args[0]))) return false;
  return args.every(pairSafe);
}

/** A recognised fold shape as loops; with a fuser (plan.ts, where code may be generated), folds over one list run together. */
export function recogniseFold(rule: Logic, esc: boolean, fuser: Fuser | null = null): CompiledNode | null {
  const o = opOf(rule);
  if (!o) return null;
  if (o[0] !== 'reduce' || o[1].length !== 3) return null;
  return pairFold(rule, o[1], esc, fuser) ?? letFold(rule, o[1], esc) ?? plainFold(o[1], esc, fuser);
}

/**
 * A count, sum, maximum or mask as a member of its list's fused loop (fused.ts), which runs when the list is an
 * array; otherwise it yields what its own loop would (`loop`, also kept when the step cannot be generated).
 */
function fusedLoop(fuser: Fuser | null, list: unknown, from: unknown, L: CompiledNode, F: CompiledNode | null, scope: ItemScope, m: Member, loop: CompiledNode): CompiledNode {
  if (!fuser) return loop;
  const g = fuser.group(list, from, scope);
  const k = g.add(m);
  if (k === null) return loop;
  const fl: Fn = L.f, ff: Fn | null = F && F.f;
  const { kind, init, pair } = m;
  return compiledNode((d) => {
    const arr = fl(d);
    if (!Array.isArray(arr)) {
      if (kind === 'mask') return '';
      const acc = init!(d);
      return pair && acc === undefined ? null : acc;
    }
    return g.result(k, d, arr, ff === null ? null : ff(d));
  }, loop.leak);
}

// ---------- count, sum and max steps ----------

/** A step that adds (sum, count) or keeps the largest (max) of a value, for the items that pass a test. */
interface Step {
  max: boolean;
  test: ItemFn | null;
  value: ItemFn;
  /** The same condition and value as logic (for fused.ts). */
  testLogic: unknown | null;
  valueLogic: unknown;
}

/**
 * {"+":[ACC,{"if":[COND,X,0]}]} or {"+":[ACC,X]}: the sum's new value is 0 + pf(acc) + pf(X or 0);
 * {"if":[COND,{"max":[ACC,X]},ACC]} or {"max":[ACC,X]}: Math.max(acc, X), or acc. Neither COND nor X may read
 * the accumulator (items.ts refuses every accumulator path but the pair's first day).
 */
function stepOf(step: unknown, acc: string, scope: ItemScope): Step | null {
  const o = opOf(step);
  if (!o) return null;
  const [op, args] = o;
  if (op === '+' && args.length === 2 && isVar(args[0], acc)) {
    const cond = opOf(args[1]);
    if (cond && cond[0] === 'if' && cond[1].length === 3 && cond[1][2] === 0) {
      const test = itemTest(cond[1][0], scope), value = itemValue(cond[1][1], scope);
      return test && value ? { max: false, test, value, testLogic: cond[1][0], valueLogic: cond[1][1] } : null;
    }
    const value = itemValue(args[1], scope);
    return value ? { max: false, test: null, value, testLogic: null, valueLogic: args[1] } : null;
  }
  if (op === 'max' && args.length === 2 && isVar(args[0], acc)) {
    const value = itemValue(args[1], scope);
    return value ? { max: true, test: null, value, testLogic: null, valueLogic: args[1] } : null;
  }
  if (op === 'if' && args.length === 3 && isVar(args[2], acc)) {
    const m = opOf(args[1]);
    if (!m || m[0] !== 'max' || m[1].length !== 2 || !isVar(m[1][0], acc)) return null;
    const test = itemTest(args[0], scope), value = itemValue(m[1][1], scope);
    return test && value ? { max: true, test, value, testLogic: args[0], valueLogic: m[1][1] } : null;
  }
  return null;
}

/**
 * The loop of a count, sum or max. Reads of the accumulator go through `var` (undefined is read as null). A
 * pair fold returns the pair's last element read the same way; a plain one returns the accumulator as is.
 */
function stepLoop(L: CompiledNode, F: CompiledNode | null, I: CompiledNode, s: Step): CompiledNode {
  const fl: Fn = L.f, ff: Fn | null = F && F.f, fi: Fn = I.f;
  const { test, value, max } = s;
  const pair = ff !== null;
  return compiledNode((d) => {
    const arr = fl(d);
    const from = ff === null ? null : ff(d);
    let acc = fi(d);
    if (Array.isArray(arr)) {
      const f = from === undefined ? null : from;
      for (let i = 0; i < arr.length; i++) {
        const cur = arr[i];
        if (cur === undefined && !(i in arr)) continue; // holes are skipped by Array.prototype.reduce
        if (max) {
          const a = acc === undefined ? null : acc;
          acc = test === null || test(cur, f) ? Math.max(a, value(cur, f)) : a;
        } else if (test === null) acc = 0 + pf(acc) + pf(value(cur, f));
        else acc = 0 + pf(acc) + (test(cur, f) ? pf(value(cur, f)) : 0);
      }
    }
    return pair && acc === undefined ? null : acc;
  }, L.leak || I.leak || (F?.leak ?? false));
}

// ---------- record-dependent windows: the pair reduce ----------

/**
 * {"reduce":[{"reduce":[{"merge":[FROM,LIST]},{"if":[{"var":"accumulator"},{"merge":[{"var":"accumulator.0"},STEP]},
 * {"merge":[{"var":"current"},INIT]}]},null]},{"var":"current"},null]}: a fold whose step also reads a record value
 * (FROM, e.g. the first day of 任现职以来) from the pair. json-logic-js reduces [FROM, ...LIST]: the first step
 * (accumulator null) makes [FROM, INIT], each later one [FROM, STEP], every read going through `var`, which turns
 * undefined into null; the outer reduce returns the pair's last element. So for an array LIST and a FROM that is
 * no array (merge would spread it), and a STEP whose values are never arrays (counts, sums and maxima are
 * numbers, a match mask is text), the loop over LIST with the first day aside computes the same. Anything else
 * runs the standard way.
 */
function pairFold(rule: Logic, [inner, lastStep, lastInit]: unknown[], esc: boolean, fuser: Fuser | null): CompiledNode | null {
  if (!isVar(lastStep, 'current') || lastInit !== null) return null;
  const o = opOf(inner);
  if (!o || o[0] !== 'reduce' || !dense(o[1], 3) || o[1][2] !== null) return null;
  const [merged, pairStep] = o[1];
  const m = opOf(merged), p = opOf(pairStep);
  if (!m || m[0] !== 'merge' || !dense(m[1], 2) || !p || p[0] !== 'if' || !dense(p[1], 3) || !isVar(p[1][0], 'accumulator')) return null;
  const next = opOf(p[1][1]), seed = opOf(p[1][2]);
  if (!next || next[0] !== 'merge' || !dense(next[1], 2) || !isVar(next[1][0], 'accumulator.0') || !pairSafe(next[1][1])) return null;
  if (!seed || seed[0] !== 'merge' || !dense(seed[1], 2) || !isVar(seed[1][0], 'current')) return null;
  const init = seed[1][1], step = next[1][1];
  if (init !== null && typeof init === 'object') return null;
  const [from, list] = m[1];
  const F = compileRootChild(from, false), L = compileRootChild(list, false);
  const G = compileStandard(rule, esc);
  const fg: Fn = G.f;
  const mask = maskStep(step, 'accumulator.1', PAIR);
  const s = mask ? null : stepOf(step, 'accumulator.1', PAIR);
  const loop = mask
    ? fusedLoop(fuser, list, from, L, F, PAIR, { kind: 'mask', test: mask.testLogic, pair: true }, maskLoop(L, F, mask))
    : s
      ? fusedLoop(fuser, list, from, L, F, PAIR, stepMember(s, () => init, true), stepLoop(L, F, compiledNode(() => init), s))
      : pairLoop(L, F, init, compileReduceStep(step), fg);
  const ff: Fn = F.f, fl: Fn = L.f, fo: Fn = loop.f;
  return compiledNode((d) => (Array.isArray(fl(d)) && !Array.isArray(ff(d)) ? fo(d) : fg(d)), G.leak || loop.leak);
}

/**
 * Any other pair step, compiled the standard way and run on one reused pair (pairSafe: it never reads the pair
 * itself). A step value that is an array would be spread by merge: then the whole fold runs the standard way.
 */
function pairLoop(L: CompiledNode, F: CompiledNode, init: unknown, S: CompiledNode, standard: Fn): CompiledNode {
  const fl: Fn = L.f, ff: Fn = F.f, fs: Fn = S.f;
  return compiledNode((d) => {
    const arr = fl(d);
    const pair = [ff(d), init];
    const scope = { current: undefined as unknown, accumulator: pair };
    for (let i = 0; i < arr.length; i++) {
      const cur = arr[i];
      if (cur === undefined && !(i in arr)) continue;
      scope.current = cur;
      const next = fs(scope);
      if (Array.isArray(next)) return standard(d);
      pair[1] = next;
    }
    const v = pair[1];
    return v === undefined ? null : v;
  }, S.leak);
}

/**
 * {"cat":[ACC,"1"]} or {"cat":[ACC,{"if":[COND,"1","0"]}]}: which items a list match counts, one character per
 * item (cat joins a text accumulator and a one-character text). Null for any other step.
 */
function maskStep(step: unknown, acc: string, scope: ItemScope): { test: ItemFn | null; testLogic: unknown | null } | null {
  const o = opOf(step);
  if (!o || o[0] !== 'cat' || !dense(o[1], 2) || !isVar(o[1][0], acc)) return null;
  if (o[1][1] === '1') return { test: null, testLogic: null };
  const c = opOf(o[1][1]);
  if (!c || c[0] !== 'if' || !dense(c[1], 3) || c[1][1] !== '1' || c[1][2] !== '0') return null;
  const test = itemTest(c[1][0], scope);
  return test ? { test, testLogic: c[1][0] } : null;
}

const stepMember = (s: Step, init: Fn, pair: boolean): Member => ({ kind: s.max ? 'max' : 'sum', test: s.testLogic, value: s.valueLogic, init, pair });

/** The mask loop: "1" for an item that passes the test, "0" for one that does not (holes skipped, as reduce does). */
function maskLoop(L: CompiledNode, F: CompiledNode | null, s: { test: ItemFn | null }): CompiledNode {
  const fl: Fn = L.f, ff: Fn | null = F && F.f, test = s.test;
  return compiledNode((d) => {
    const arr = fl(d);
    if (!Array.isArray(arr)) return '';
    const from = ff === null ? null : ff(d);
    const f = from === undefined ? null : from;
    let out = '';
    for (let i = 0; i < arr.length; i++) {
      const cur = arr[i];
      if (cur === undefined && !(i in arr)) continue;
      out += test === null || test(cur, f) ? '1' : '0';
    }
    return out;
  }, false);
}

// ---------- plain folds, lets and masks ----------

/** {"reduce":[LIST,STEP,INIT]} with a count, sum or max step, or a match mask, over the items alone. */
function plainFold([list, step, init]: unknown[], esc: boolean, fuser: Fuser | null): CompiledNode | null {
  if (init === '') {
    const mask = maskStep(step, 'accumulator', PLAIN);
    if (!mask) return null;
    const L = compileRootChild(list, esc);
    return fusedLoop(fuser, list, null, L, null, PLAIN, { kind: 'mask', test: mask.testLogic, pair: false }, maskLoop(L, null, mask));
  }
  const s = stepOf(step, 'accumulator', PLAIN);
  if (!s) return null;
  const L = compileRootChild(list, esc), I = compileRootChild(init, esc);
  return fusedLoop(fuser, list, null, L, null, PLAIN, stepMember(s, I.f, false), stepLoop(L, null, I, s));
}

/**
 * {"reduce":[{"merge":[X]},STEP,INIT]}: a "let" binding X once (floor of a sum). When X is no array, json-logic-js
 * reduces the one-element list [X] and runs STEP once on {current: X, accumulator: INIT}: no array is needed for
 * that. An array X (merge would spread it) runs the standard way.
 */
function letFold(rule: Logic, [list, step, init]: unknown[], esc: boolean): CompiledNode | null {
  const m = opOf(list);
  if (!m || m[0] !== 'merge' || !dense(m[1], 1)) return null;
  const X = compileRootChild(m[1][0], esc);
  const I = compileRootChild(init, esc);
  const S = compileReduceStep(step);
  const G = compileStandard(rule, esc);
  const fx: Fn = X.f, fi: Fn = I.f, fs: Fn = S.f, fg: Fn = G.f;
  return compiledNode((d) => {
    const x = fx(d);
    if (Array.isArray(x)) return fg(d);
    const initial = fi(d);
    return fs({ current: x, accumulator: initial });
  }, X.leak || I.leak || S.leak || G.leak);
}
