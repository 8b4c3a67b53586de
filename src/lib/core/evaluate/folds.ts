// Fold shapes that compile/logic.ts emits, run as straight loops. Each recogniser checks the exact shape and
// returns null for anything else (the standard compilation then applies); each comment says why the loop
// computes what json-logic-js computes for that shape. The per-item logic is compiled by items.ts.
import { compileReduceStep, compileRootChild, compiledNode, truthy, type CompiledNode, type Logic } from './jsonlogic.ts';
import { itemTest, itemValue, type ItemFn, type ItemScope } from './items.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Fn = (d: any) => any;

const PAIR: ItemScope = { prefix: 'current.', from: true };
const PLAIN: ItemScope = { prefix: 'current.', from: false };
const FILTER: ItemScope = { prefix: '', from: false };

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

export function recogniseFold(rule: Logic, esc: boolean): CompiledNode | null {
  const o = opOf(rule);
  if (!o) return null;
  if (o[0] === 'filter' && o[1].length === 2) return filterLoop(o[1], esc);
  if (o[0] !== 'reduce' || o[1].length !== 3) return null;
  return pairFold(o[1], esc) ?? letFold(o[1], esc) ?? plainFold(o[1], esc);
}

// ---------- count, sum and max steps ----------

/** A step that adds (sum, count) or keeps the largest (max) of a value, for the items that pass a test. */
interface Step {
  max: boolean;
  test: ItemFn | null;
  value: ItemFn;
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
      return test && value ? { max: false, test, value } : null;
    }
    const value = itemValue(args[1], scope);
    return value ? { max: false, test: null, value } : null;
  }
  if (op === 'max' && args.length === 2 && isVar(args[0], acc)) {
    const value = itemValue(args[1], scope);
    return value ? { max: true, test: null, value } : null;
  }
  if (op === 'if' && args.length === 3 && isVar(args[2], acc)) {
    const m = opOf(args[1]);
    if (!m || m[0] !== 'max' || m[1].length !== 2 || !isVar(m[1][0], acc)) return null;
    const test = itemTest(args[0], scope), value = itemValue(m[1][1], scope);
    return test && value ? { max: true, test, value } : null;
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
 * {"reduce":[{"reduce":[LIST,[{"var":"accumulator.0"},STEP],[FROM,INIT]]},{"var":"current"},null]}: a fold whose
 * step also reads a record value (FROM, e.g. the first day of 任现职以来) from the pair. json-logic-js builds a new
 * pair per item, [acc.0, STEP]; every read goes through `var`, which turns undefined into null, so one pair whose
 * second element is overwritten in place reads the same. The outer reduce returns the pair's last element
 * (undefined read as null); for a list that is no array the inner reduce returns [FROM, INIT], so INIT.
 */
function pairFold([inner, lastStep, lastInit]: unknown[], esc: boolean): CompiledNode | null {
  if (!isVar(lastStep, 'current') || lastInit !== null) return null;
  const o = opOf(inner);
  if (!o || o[0] !== 'reduce' || o[1].length !== 3) return null;
  const [list, step, init] = o[1];
  if (!Array.isArray(step) || !dense(step, 2) || !isVar(step[0], 'accumulator.0') || !pairSafe(step[1])) return null;
  if (!Array.isArray(init) || !dense(init, 2)) return null;
  const L = compileRootChild(list, esc);
  const F = compileRootChild(init[0], esc);
  const collected = collectFold(step[1], init, L, F);
  if (collected) return collected;
  const I = compileRootChild(init[1], esc);
  const s = stepOf(step[1], 'accumulator.1', PAIR);
  return s ? stepLoop(L, F, I, s) : pairLoop(L, F, I, compileReduceStep(step[1]));
}

/** Any other pair step, compiled the standard way and run on one reused pair. */
function pairLoop(L: CompiledNode, F: CompiledNode, I: CompiledNode, S: CompiledNode): CompiledNode {
  const fl: Fn = L.f, ff: Fn = F.f, fi: Fn = I.f, fs: Fn = S.f;
  return compiledNode((d) => {
    const arr = fl(d);
    const from = ff(d);
    const initial = fi(d);
    if (!Array.isArray(arr)) return initial === undefined ? null : initial;
    const pair = [from, initial];
    const scope = { current: undefined as unknown, accumulator: pair };
    for (let i = 0; i < arr.length; i++) {
      const cur = arr[i];
      if (cur === undefined && !(i in arr)) continue;
      scope.current = cur;
      pair[1] = fs(scope);
    }
    const v = pair[1];
    return v === undefined ? null : v;
  }, L.leak || F.leak || I.leak || S.leak);
}

/**
 * The list matches of a record-dependent window: STEP is
 * {"if":[COND,{"merge":[{"var":"accumulator.1"},[{"var":"current"}]]},{"var":"accumulator.1"}]} with INIT [].
 * merge copies the kept items and appends the current one; pushing onto one array gives the same items.
 */
function collectFold(step: unknown, init: unknown[], L: CompiledNode, F: CompiledNode): CompiledNode | null {
  const o = opOf(step);
  if (!o || o[0] !== 'if' || !dense(o[1], 3)) return null;
  const [cond, kept, rest] = o[1];
  const m = opOf(kept);
  if (!m || m[0] !== 'merge' || !dense(m[1], 2) || !isVar(m[1][0], 'accumulator.1') || !isVar(rest, 'accumulator.1')) return null;
  const one = m[1][1];
  if (!Array.isArray(one) || !dense(one, 1) || !isVar(one[0], 'current')) return null;
  if (!Array.isArray(init[1]) || init[1].length !== 0) return null;
  const test = itemTest(cond, PAIR);
  const C = test ? null : compileReduceStep(cond, false);
  const fl: Fn = L.f, ff: Fn = F.f;
  return compiledNode((d) => {
    const arr = fl(d);
    const from = ff(d);
    const out: unknown[] = [];
    if (!Array.isArray(arr)) return out;
    const f = from === undefined ? null : from;
    // the standard condition sees the pair: its second element is the items kept so far, as merge built it
    const scope = C && { current: undefined as unknown, accumulator: [from, out] };
    for (let i = 0; i < arr.length; i++) {
      const cur = arr[i];
      if (cur === undefined && !(i in arr)) continue;
      let keep: boolean;
      if (test) keep = test(cur, f);
      else {
        scope!.current = cur;
        keep = truthy(C!.f(scope));
      }
      if (keep) out.push(cur === undefined ? null : cur);
    }
    return out;
  }, L.leak || F.leak);
}

// ---------- plain folds, lets and filters ----------

/** {"reduce":[LIST,STEP,INIT]} with a count, sum or max step over the items alone. */
function plainFold([list, step, init]: unknown[], esc: boolean): CompiledNode | null {
  const s = stepOf(step, 'accumulator', PLAIN);
  if (!s) return null;
  return stepLoop(compileRootChild(list, esc), null, compileRootChild(init, esc), s);
}

/**
 * {"reduce":[[X],STEP,INIT]}: a "let" binding X once (floor of a sum). json-logic-js maps the literal array (X
 * is evaluated, then INIT) and runs STEP once on {current: X, accumulator: INIT}: no array is needed for that.
 */
function letFold([list, step, init]: unknown[], esc: boolean): CompiledNode | null {
  if (!Array.isArray(list) || !dense(list, 1)) return null;
  const X = compileRootChild(list[0], esc);
  const I = compileRootChild(init, esc);
  const S = compileReduceStep(step);
  const fx: Fn = X.f, fi: Fn = I.f, fs: Fn = S.f;
  return compiledNode((d) => {
    const x = fx(d);
    const initial = fi(d);
    return fs({ current: x, accumulator: initial });
  }, X.leak || I.leak || S.leak);
}

/** {"filter":[LIST,COND]}: Array.prototype.filter with the item test (holes skipped, items kept as they are). */
function filterLoop([list, cond]: unknown[], esc: boolean): CompiledNode | null {
  const test = itemTest(cond, FILTER);
  if (!test) return null;
  const L = compileRootChild(list, esc);
  const fl: Fn = L.f;
  const pred = (x: unknown) => test(x, null);
  return compiledNode((d) => {
    const arr = fl(d);
    return Array.isArray(arr) ? arr.filter(pred) : [];
  }, L.leak);
}
