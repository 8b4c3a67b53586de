// Random folds of the shapes compile/logic.ts emits (pair folds with a record-dependent window, plain folds, lets,
// match masks), with random item conditions and values, on data that is not what the schema promises (missing
// fields, null items, strings for numbers, lists that are no arrays), each run by the fast path (plan.ts, with or
// without fused loops) and by json-logic-js. Shared by test/core/evaluate/folds.test.ts (a fixed number of rules)
// and `npm run fuzz` (scripts/fuzz.ts, for a time).
import jsonLogic from 'json-logic-js';
import { Plan } from '../../src/lib/core/evaluate/plan.ts';
import { mulberry32 } from '../../bench/generate.ts';

const reference = (rule: unknown, data: unknown) => jsonLogic.apply(rule as never, data as never);
const show = (v: unknown) => JSON.stringify(v, (_k, x) => (x === undefined ? '<undefined>' : typeof x === 'number' && !Number.isFinite(x) ? String(x) : x));

function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

type Scope = 'pair' | 'plain';

export function makeGen(rand: () => number) {
  const int = (n: number) => Math.floor(rand() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  const FIELDS = ['a', 'b', 'd', 'n', 'role'];
  const CONSTS: unknown[] = [0, 1, -1, 2.5, '3', '', null, true, false, 'lead', 'member', '2024-01-01', '2026-09-30', -0];
  const field = (scope: Scope) => ({ var: `current.${pick(FIELDS)}` });

  function operand(scope: Scope): unknown {
    const r = rand();
    if (r < 0.45) return field(scope);
    if (r < 0.55 && scope === 'pair') return { var: 'accumulator.0' };
    if (r < 0.6) return { var: pick(['current', 'current.x.y']) };
    return pick(CONSTS);
  }

  function cond(scope: Scope, depth = 2): unknown {
    const r = rand();
    if (depth > 0 && r < 0.25) return { [pick(['and', 'or'])]: Array.from({ length: int(4) }, () => cond(scope, depth - 1)) };
    if (depth > 0 && r < 0.32) return { [pick(['!', '!!'])]: [cond(scope, depth - 1)] };
    if (r < 0.45) return { in: [field(scope), pick<unknown>([['lead', 'member'], ['a', 1, null], 'leader', [], [true]])] };
    if (r < 0.5) return pick<unknown>([field(scope), true, 0, 'x']);
    if (r < 0.53) return { cat: [field(scope), 'x'] }; // not handled by items.ts: the standard closure runs
    return { [pick(['==', '===', '!=', '!==', '>', '>=', '<', '<='])]: [operand(scope), operand(scope)] };
  }

  function take(scope: Scope, depth = 2): unknown {
    const r = rand();
    if (depth > 0 && r < 0.2) {
      const n = 1 + int(4);
      return { if: Array.from({ length: n }, (_, i) => (i % 2 === 0 && i < n - 1 ? cond(scope, 1) : take(scope, depth - 1))) };
    }
    if (depth > 0 && r < 0.3) return { [pick(['*', '+'])]: [take(scope, depth - 1), take(scope, depth - 1)] };
    if (r < 0.33) return { '-': [field(scope), 1] }; // not handled: standard closure
    if (r < 0.75) return field(scope);
    return pick(CONSTS);
  }

  /** The window the compiler puts first in a pair fold's condition: one date field between the first day and 基准日. */
  function windowed(scope: Scope): unknown {
    const f = field(scope);
    const extra = Array.from({ length: int(3) }, () => cond(scope, 1));
    return { and: [{ '>=': [f, { var: 'accumulator.0' }] }, { '<=': [f, pick(CONSTS)] }, ...extra] };
  }

  function step(acc: string, scope: Scope): unknown {
    const A = { var: acc };
    const test = () => (scope === 'pair' && rand() < 0.5 ? windowed(scope) : cond(scope));
    switch (int(6)) {
      case 0: return { '+': [A, { if: [test(), take(scope), 0] }] };
      case 1: return { '+': [A, take(scope)] };
      case 2: return { if: [test(), { max: [A, take(scope)] }, A] };
      case 3: return { max: [A, take(scope)] };
      case 4: return { '+': [A, { if: [test(), 1, 0] }] };
      default: return pick<unknown>([{ cat: [A, take(scope)] }, { if: [{ '>': [A, 2] }, A, { '+': [A, 1] }] }]); // fallbacks
    }
  }

  /** Which items a list match counts: "1" or "0" per item. */
  function maskStep(acc: string, scope: Scope): unknown {
    const test = scope === 'pair' && rand() < 0.5 ? windowed(scope) : cond(scope);
    return { cat: [{ var: acc }, rand() < 0.15 ? '1' : { if: [test, '1', '0'] }] };
  }

  const list = () => ({ var: pick(['items', 'items', 'items', 'other', 'missing']) });
  const from = () => pick<unknown>([{ if: [{ var: 'has' }, { var: 'start' }, '2023-10-01'] }, { var: 'start' }, '2024-06-01', { var: 'nothing' }, { var: 'items' }]);
  const init = () => (rand() < 0.8 ? 0 : pick<unknown>([...CONSTS, { and: [] }]));

  function fold(): unknown {
    switch (int(5)) {
      case 0:
      case 1: {
        const mask = rand() < 0.25;
        const s = mask ? maskStep('accumulator.1', 'pair') : step('accumulator.1', 'pair');
        const next = { merge: [{ var: 'accumulator.0' }, s] };
        const seed = { merge: [{ var: 'current' }, mask ? '' : init()] };
        return { reduce: [{ reduce: [{ merge: [from(), list()] }, { if: [{ var: 'accumulator' }, next, seed] }, null] }, { var: 'current' }, null] };
      }
      case 2: return { reduce: [list(), step('accumulator', 'plain'), init()] };
      case 3: return { reduce: [list(), maskStep('accumulator', 'plain'), ''] };
      default: return { reduce: [{ merge: [rand() < 0.9 ? { reduce: [list(), step('accumulator', 'plain'), 0] } : list()] }, { '/': [{ '-': [{ var: 'current' }, { '%': [{ var: 'current' }, 3] }] }, 3] }, 0] };
    }
  }

  function rule(): unknown {
    const f = fold();
    switch (int(5)) {
      case 4: return Array.from({ length: 2 + int(7) }, fold); // several folds, often over one list: a fused loop
      case 0: return { '+': [f, f] }; // one memoised node used twice
      case 1: return { '>=': [f, pick(CONSTS)] };
      case 2: return [f, fold()];
      default: return f;
    }
  }

  function item(): unknown {
    if (rand() < 0.08) return pick<unknown>([null, 5, 'x', [1, 2], undefined]);
    const o: Record<string, unknown> = {};
    for (const k of ['a', 'b', 'd', 'n', 'role']) if (rand() < 0.85) o[k] = pick(CONSTS);
    if (rand() < 0.1) o.x = { y: pick(CONSTS) };
    return o;
  }

  function data(): unknown {
    // up to 6 items, or up to 19 (masks are made eight items at a time), now and then with a hole (skipped by reduce)
    const items = rand() < 0.9 ? Array.from({ length: rand() < 0.7 ? int(7) : int(20) }, item) : pick<unknown>([null, 'abc', { length: 2 }, 7]);
    if (Array.isArray(items) && items.length > 1 && rand() < 0.1) delete items[int(items.length)];
    return { items, other: Array.from({ length: int(3) }, item), has: rand() < 0.6, start: pick(CONSTS) };
  }

  return { rule, data, fold };
}

/**
 * `rules` random rules (or as many as fit in `ms`), each compiled once and run on 4 random data by the plan and
 * by json-logic-js. Returns the rules run, and the first disagreement (rule, data, both results) if any.
 */
export function runFolds(o: { seed: number; fuse: boolean; rules?: number; ms?: number }): { cases: number; failure: string | null } {
  const gen = makeGen(mulberry32(o.seed));
  const until = o.ms === undefined ? Infinity : Date.now() + o.ms;
  const rules = o.rules ?? Infinity;
  let i = 0;
  for (; i < rules && (i % 64 !== 0 || Date.now() < until); i++) {
    const rule = gen.rule();
    const plan = new Plan(undefined, { fuse: o.fuse });
    const f = plan.compile(rule);
    for (let j = 0; j < 4; j++) {
      const data = gen.data();
      plan.begin(data);
      const ours = f(data);
      const theirs = reference(rule, data);
      if (!same(ours, theirs)) {
        return { cases: i + 1, failure: `seed ${o.seed} rule #${i}\nrule: ${show(rule)}\ndata: ${show(data)}\njson-logic-js: ${show(theirs)}\nplan: ${show(ours)}` };
      }
    }
  }
  return { cases: i, failure: null };
}
