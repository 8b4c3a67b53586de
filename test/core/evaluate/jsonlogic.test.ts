import { describe, expect, it } from 'vitest';
import jsonLogic from 'json-logic-js';
import suite from '../../fixtures/jsonlogic-compatible.json';
import { applyLogic, compileLogic, UnsupportedOperation } from '../../../src/lib/core/evaluate/jsonlogic';
import { Plan } from '../../../src/lib/core/evaluate/plan';

/** The fast path's compiler on one rule: shared nodes, memo, fold loops (a fresh context per call). */
function planCompile(rule: unknown): (d: unknown) => unknown {
  const plan = new Plan();
  const f = plan.compile(rule);
  return (d) => {
    plan.begin(d);
    return f(d);
  };
}

/* eslint-disable @typescript-eslint/no-explicit-any */
const reference = (rule: unknown, data?: unknown): unknown => (jsonLogic as any).apply(rule, data);

/** Deep equality with Object.is on leaves (NaN equals NaN, 0 and -0 differ); holes differ from undefined. */
function deepEqual(a: any, b: any): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      if (i in a !== i in b) return false;
      if (!deepEqual(a[i], b[i])) return false;
    }
    return true;
  }
  const ka = Object.keys(a), kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i]) return false;
    if (!deepEqual(a[ka[i]], b[ka[i]])) return false;
  }
  return true;
}

/**
 * Identity pattern of two results of the same rule on the same data: for every object position, is the object of
 * the first run the very same as in the second (shared: literal objects, data references) or a fresh one?
 */
function aliasPattern(r1: any, r2: any, out: string[] = [], path = '$'): string[] {
  if (typeof r1 !== 'object' || r1 === null || typeof r2 !== 'object' || r2 === null) return out;
  out.push(`${path}:${r1 === r2 ? 'same' : 'fresh'}`);
  for (const k of Object.keys(r1)) aliasPattern(r1[k], r2[k], out, `${path}.${k}`);
  return out;
}

const show = (v: unknown): string =>
  JSON.stringify(v, (_k, x) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x === undefined ? '<undefined>' : x));

// ---------------------------------------------------------------------------------------------------------------

interface Case {
  description: string;
  rule: unknown;
  data?: unknown;
  result: unknown;
}

const cases = (suite as unknown[])
  .filter((x): x is Case => typeof x === 'object' && x !== null)
  .map((c, i) => ({ name: `#${i + 1} ${c.description}`, c }));

describe('JSON Logic community compatibility suite', () => {
  it('has the 278 cases', () => {
    expect(cases.length).toBe(278);
  });

  it.each(cases)('$name', ({ c }) => {
    const ours = compileLogic(c.rule)(c.data);
    const theirs = reference(c.rule, c.data);
    expect(deepEqual(ours, c.result), `ours ${show(ours)} vs suite ${show(c.result)}`).toBe(true);
    expect(deepEqual(ours, theirs), `ours ${show(ours)} vs json-logic-js ${show(theirs)}`).toBe(true);
    expect(ours).toEqual(c.result);
    // compile once, run many: a second call gives the same
    expect(deepEqual(applyLogic(c.rule, c.data), ours)).toBe(true);
    // and the fast path's compiler too
    const plan = planCompile(c.rule);
    expect(deepEqual(plan(c.data), c.result), `plan ${show(plan(c.data))}`).toBe(true);
    expect(deepEqual(plan(c.data), c.result)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('compile-time rejection', () => {
  it.each([
    [{ log: 'x' }],
    [{ log: [1] }],
    [{ method: ['abc', 'toUpperCase'] }],
    [{ if: [true, 1, { log: 'dead branch' }] }],
    [[1, { and: [true, { log: 1 }] }]],
    [{ map: [[1, 2], { log: { var: '' } }] }],
    [{ 'log.prototype.constructor': 'x' }]
  ])('rejects log and method: %j', (rule) => {
    expect(() => compileLogic(rule)).toThrow(UnsupportedOperation);
    expect(() => applyLogic(rule, {})).toThrow(UnsupportedOperation);
  });

  it.each([
    [{ foo: [1, 2] }, 'Unrecognized operation foo'],
    [{ constructor: 1 }, 'Unrecognized operation constructor'],
    [{ hasOwnProperty: 'x' }, 'Unrecognized operation hasOwnProperty'],
    [{ '.var': 'a' }, 'Unrecognized operation .var'],
    [{ 'foo.bar': 1 }, 'Unrecognized operation foo.bar (failed at foo)'],
    [{ 'var.bar': 1 }, 'Unrecognized operation var.bar (failed at var.bar)'],
    [{ 'if.x': 1 }, 'Unrecognized operation if.x (failed at if)']
  ])('rejects unknown operation %j with the json-logic-js message', (rule, message) => {
    let err: unknown;
    try {
      compileLogic(rule);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UnsupportedOperation);
    expect((err as Error).message).toBe(message);
    expect(() => reference(rule, {})).toThrow(message);
  });

  it('rejects unknown operations even where json-logic-js would never reach them', () => {
    const rule = { if: [false, { bar: 1 }, 2] };
    expect(reference(rule, {})).toBe(2);
    expect(() => compileLogic(rule)).toThrow(UnsupportedOperation);
    expect(() => compileLogic(rule)).toThrow('Unrecognized operation bar');
    expect(() => compileLogic({ and: [{ var: 'a' }, { unknown_op: [] }] })).toThrow('Unrecognized operation unknown_op');
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('json-logic-js quirks', () => {
  const agree = (rule: unknown, data?: unknown) => {
    const ours = applyLogic(rule, data);
    const theirs = reference(rule, data);
    expect(deepEqual(ours, theirs), `${show(rule)}: ours ${show(ours)} vs json-logic-js ${show(theirs)}`).toBe(true);
    return ours;
  };

  it.each([
    [{ '*': ['3'] }, undefined],
    [{ '*': [-1, 0, 5] }, undefined],
    [{ '*': ['-0', 5] }, undefined],
    [{ '*': [-0, 5] }, undefined],
    [{ '+': ['-0'] }, undefined],
    [{ '+': ['-0', '-0'] }, undefined],
    [{ '+': ['1.5', ' 2x', true, null, [3, 4]] }, undefined],
    [{ '-': [5, { and: [] }] }, undefined],
    [{ '+': [{ var: 'a' }, { var: 'b' }] }, { a: -0, b: -0 }],
    [{ '+': [{ var: 'a' }, { var: 'b' }] }, { a: '-0', b: '-0' }],
    [{ '*': [{ var: 'a' }, { var: 'b' }, { var: 'a' }] }, { a: -1, b: 0 }],
    [{ '<': [1, 2, { if: [{ var: 'c' }, 0, { and: [] }] }] }, { c: false }],
    [{ '<=': [1, 2, { if: [{ var: 'c' }, 0, { and: [] }] }] }, { c: true }],
    [{ in: [{ '/': [0, { var: 'z' }] }, [1, 2, 3, 4, 5, 6, 7, { '/': [0, 0] }]] }, { z: 0 }],
    [{ in: [{ var: 'z' }, [1, 2, 3, 4, 5, 6, 7, 8, -0]] }, { z: 0 }],
    [{ reduce: [{ var: 'xs' }, { '+': [{ var: 'accumulator' }, { var: 'current' }] }, 0] }, { xs: [1, 2, 3] }],
    [{ reduce: [{ var: 'xs' }, { merge: [{ var: 'accumulator' }, [{ var: '' }]] }, []] }, { xs: [1, 2] }],
    [{ reduce: [{ var: 'xs' }, { if: [{ var: 'accumulator' }, { var: '' }, 1] }] }, { xs: [1, 2] }],
    [{ '-': [[]] }, undefined],
    [{ '<': [1, 2, { and: [] }] }, undefined],
    [{ min: [] }, undefined],
    [{ max: [[3]] }, undefined],
    [{ and: [] }, undefined],
    [{ or: [] }, undefined],
    [{ if: [] }, undefined],
    [{ if: [false, 1] }, undefined],
    [{ var: ['a', 'dflt'] }, { a: null }],
    [{ var: ['', 'dflt'] }, undefined],
    [{ var: 1.5 }, [0, [0, 1, 2, 3, 4, 5]]],
    [{ var: 'length' }, 'abcd'],
    [{ var: 's.1' }, { s: 'xyz' }],
    [{ var: [[]] }, { '': 7 }],
    [{ var: [{ cat: ['a', '.', 'b'] }] }, { a: { b: 3 } }],
    [{ missing: [['a', 'b'], 'c'] }, { a: 1 }],
    [{ missing: [[['a', 'x']]] }, {}],
    [{ missing: { var: 'keys' } }, { keys: [{ var: 'k' }], k: 'zz' }],
    [{ missing_some: [1, { var: 'opts' }] }, { opts: [{ var: 'k' }, 'b'], k: 'b', b: 2 }],
    [{ 'var.prototype.constructor': 'a' }, { a: 42 }],
    [{ in: ['b', { var: 'o' }] }, { o: { a: 1 } }],
    [{ reduce: [[1, 2], { var: '' }, 0] }, undefined],
    [{ reduce: [{ var: 'x' }, { var: 'current' }] }, { x: 3 }],
    [{ reduce: [[1, 2], { var: 'current' }, { and: [] }] }, undefined],
    [{ map: { var: 'x' } }, { x: [1, 2] }],
    [{ filter: [[0, 1, [], [0], '', 'a'], { var: '' }] }, undefined],
    [{ all: [[], true] }, undefined],
    [{ none: [[], true] }, undefined],
    [{ a: 1, b: 2 }, undefined],
    [{}, undefined],
    [[{ var: 'a' }, [{ var: 'b' }], { x: 1, y: 2 }], { a: 1, b: 2 }]
  ])('%j on %j', (rule, data) => {
    agree(rule, data);
  });

  it('throws where json-logic-js throws at run time', () => {
    expect(() => reference({ '*': [] })).toThrow();
    expect(() => applyLogic({ '*': [] }, {})).toThrow('Reduce of empty array with no initial value');
    expect(() => applyLogic({ missing_some: [1, { var: 'x' }] }, { x: null })).toThrow(TypeError);
    expect(() => applyLogic({ missing: { var: 'k' } }, { k: { nope: 1 } })).toThrow('Unrecognized operation nope');
  });

  it('returns literal objects by reference and literal arrays fresh, like json-logic-js', () => {
    const obj = { a: 1, b: [1] };
    expect(applyLogic({ if: [true, obj, 0] }, {})).toBe(obj);
    const f = compileLogic({ if: [{ var: 'c' }, [1, [2]], { merge: [[1], [[2]]] }] });
    for (const c of [true, false]) {
      const r1 = f({ c }) as any[], r2 = f({ c }) as any[];
      expect(r1).toEqual(r2);
      expect(r1).not.toBe(r2);
      expect(r1[1]).not.toBe(r2[1]);
      r1.push('mutated');
      expect(f({ c })).toEqual(r2);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Differential fuzzing against json-logic-js

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PRIMS: unknown[] = [
  0, -0, 1, -1, 2, 3, 3.5, -0.5, 10, 100, 1e21, '', 'a', 'b', 'abc', 'a.b', '0', '1', '2', '3.5', '-1', '-0', ' 4', '1e3', 'x1',
  'Infinity', true, false, null
];
const PATHS: unknown[] = [
  '', 'a', 'b', 'n', 's', 'arr', 'obj', 'obj.a', 'obj.b', 'obj.arr', 'obj.obj', 'obj.obj.a', 'arr.0', 'arr.1', 'nums',
  'nums.2', 'strs', 'strs.1', 'objs', 'objs.0.x', 'objs.1', 'mixed', 'nested', 'nested.0.1', 'keys', 'logic', 'missing',
  'a.b.c', 'x', 'y', 'z', 'zero', 'current', 'accumulator', 'current.x', 'accumulator.x', 's.length', 'arr.length', '1.5', '.',
  0, 1, 2, null, true
];
/** Leaves that reach the corners: -0, NaN, undefined (from an empty and/or), Infinity. */
const EDGE: unknown[] = [
  -0, '-0', { and: [] }, { or: [] }, { '/': [0, 0] }, { '+': ['x'] }, { '/': [1, 0] }, { '-': [0] }, [], '',
  // the same corners, but only known at run time
  { if: [{ var: 'b' }, { and: [] }, { or: [] }] }, { if: [{ var: 'b' }, -0, '-0'] }, { '-': [{ var: 'zero' }] }
];
const SCOPE_PATHS: Record<Scope, unknown[]> = {
  top: [],
  item: ['', 'x', 'y', 'x.a', '0', '1', 'a', 'length'],
  reduce: ['current', 'accumulator', 'current.x', 'current.0', 'accumulator.0', 'accumulator.x', '']
};
type Scope = 'top' | 'item' | 'reduce';
const ARRAY_PATHS = ['arr', 'nums', 'strs', 'objs', 'mixed', 'nested', 'obj.arr', 'keys', '', 'n', 'missing', 'current'];

const OPS = [
  '==', '===', '!=', '!==', '!', '!!', 'or', 'and', 'if', '?:', '>', '>=', '<', '<=', '%', '+', '-', '*', '/', 'min',
  'max', 'cat', 'substr', 'in', 'merge', 'map', 'filter', 'reduce', 'all', 'none', 'some', 'missing', 'missing_some'
];
const TYPICAL_ARITY: Record<string, number> = {
  '==': 2, '===': 2, '!=': 2, '!==': 2, '!': 1, '!!': 1, or: 2, and: 2, if: 3, '?:': 3, '>': 2, '>=': 2, '<': 2,
  '<=': 2, '%': 2, '+': 2, '-': 2, '*': 2, '/': 2, min: 2, max: 2, cat: 2, substr: 2, in: 2, merge: 2,
  missing: 2, missing_some: 2
};

function makeGen(rand: () => number) {
  const int = (n: number) => Math.floor(rand() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];

  function value(depth: number): unknown {
    const r = rand();
    if (depth <= 0 || r < 0.55) return pick(PRIMS);
    if (r < 0.75) return Array.from({ length: int(5) }, () => value(depth - 1));
    if (r < 0.8) return pick<unknown>([{ var: 'a' }, { cat: ['p', { var: 'n' }] }, { '+': [1, '2'] }, { var: '' }]);
    const o: Record<string, unknown> = {};
    for (const k of ['a', 'b', 'x', 'arr', 'obj'].slice(0, 1 + int(5))) if (rand() < 0.8) o[k] = value(depth - 1);
    return o;
  }

  function data(): unknown {
    if (rand() < 0.05) return pick(PRIMS);
    if (rand() < 0.05) return [value(2), value(2)];
    return {
      a: value(1), b: value(1), zero: pick([0, -0, '-0', '0']), n: pick([0, 1, 2, 5, -3, 2.5, '4', '']), s: pick(['', 'abc', '12', 'a.b', 'hello']),
      arr: Array.from({ length: int(6) }, () => value(1)),
      obj: value(3),
      nums: Array.from({ length: int(8) }, () => pick([0, 1, 2, 3, -1, 4.5, 10, '7', '-2'])),
      strs: Array.from({ length: int(5) }, () => pick(['a', 'b', 'abc', '', '1', 'x'])),
      objs: Array.from({ length: int(5) }, () => ({ x: pick([0, 1, 2, '3', null, 'q']), y: value(1) })),
      mixed: Array.from({ length: int(6) }, () => value(2)),
      nested: Array.from({ length: int(4) }, () => Array.from({ length: int(3) }, () => pick([1, 2, 'a', null]))),
      keys: Array.from({ length: int(4) }, () => pick<unknown>(['a', 'b', 'zz', 'obj.a', 'arr.0', '', ['a', 'd'], { var: 'b' }])),
      logic: pick<unknown>([{ var: 'a' }, [{ var: 'b' }, 'a'], 'a', null, ['x', { if: [true, 'b', 'c'] }]]),
      ...(rand() < 0.5 ? { x: value(1), y: value(1) } : {})
    };
  }

  function varRule(scope: Scope): unknown {
    const p = scope !== 'top' && rand() < 0.7 ? pick(SCOPE_PATHS[scope]) : pick(PATHS);
    const r = rand();
    if (r < 0.4) return { var: p };
    if (r < 0.7) return { var: [p] };
    if (r < 0.85) return { var: [p, pick(PRIMS)] };
    if (r < 0.92) return { var: [p, rule(1, scope)] };
    if (r < 0.96) return { var: [] };
    return { var: rule(1, scope) }; // computed path
  }

  function arrayRule(depth: number, scope: Scope): unknown {
    const r = rand();
    if (r < 0.5) return { var: pick(ARRAY_PATHS) };
    if (r < 0.8) return Array.from({ length: int(7) }, () => (rand() < 0.7 ? pick(PRIMS) : rule(depth - 1, scope)));
    return rule(depth - 1, scope);
  }

  function rule(depth: number, scope: Scope = 'top'): unknown {
    const r = rand();
    if (depth <= 0 || r < 0.15) return rand() < 0.25 ? pick(EDGE) : pick(PRIMS);
    if (r < 0.35) return varRule(scope);
    if (r < 0.4) return Array.from({ length: int(3) }, () => rule(depth - 1, scope));
    if (r < 0.42) {
      // long constant haystacks (>= 8 elements), with NaN both in the haystack and as the needle
      const hay = Array.from({ length: 8 + int(6) }, () => (rand() < 0.15 ? pick(EDGE) : pick(PRIMS)));
      return { in: [rand() < 0.3 ? pick(EDGE) : rule(depth - 1, scope), hay] };
    }
    const op = pick(OPS);
    switch (op) {
      case 'map':
      case 'filter':
      case 'all':
      case 'none':
      case 'some': {
        const args: unknown[] = [arrayRule(depth, scope), rule(depth - 1, 'item')];
        if (rand() < 0.05) args.pop();
        if (rand() < 0.03) args.push(rule(1, scope));
        return { [op]: rand() < 0.03 ? args[0] : args };
      }
      case 'reduce': {
        // mostly an accumulating step, so that every iteration counts
        const step =
          rand() < 0.6
            ? { [pick(['+', '*', 'cat', 'merge', '-', 'max', 'min', 'and', 'or', 'if'])]: [{ var: 'accumulator' }, rule(depth - 1, 'reduce')] }
            : rule(depth - 1, 'reduce');
        const args: unknown[] = [arrayRule(depth, scope), step];
        const r2 = rand();
        if (r2 < 0.6) args.push(rand() < 0.5 ? pick(PRIMS) : rule(depth - 1, scope));
        else if (r2 < 0.65) args.push(pick<unknown>([[], [1], { and: [] }]));
        return { reduce: args };
      }
      case 'missing': {
        const r2 = rand();
        if (r2 < 0.5) return { missing: Array.from({ length: int(4) }, () => pick(PATHS)) };
        if (r2 < 0.7) return { missing: [Array.from({ length: int(4) }, () => pick(PATHS)), ...(rand() < 0.3 ? ['a'] : [])] };
        if (r2 < 0.85) return { missing: { var: pick(['keys', 'logic', 'strs', 'a', 'obj']) } };
        return { missing: [rule(depth - 1, scope), rule(depth - 1, scope)] };
      }
      case 'missing_some': {
        const need = rand() < 0.8 ? int(4) : rule(depth - 1, scope);
        const r2 = rand();
        if (r2 < 0.6) return { missing_some: [need, Array.from({ length: int(5) }, () => pick(PATHS))] };
        if (r2 < 0.8) return { missing_some: [need, { var: pick(['keys', 'logic', 'strs', 'a']) }] };
        return { missing_some: [need, rule(depth - 1, scope)] };
      }
      default: {
        const typical = TYPICAL_ARITY[op] ?? 2;
        const n = (op === '<' || op === '<=') && rand() < 0.4 ? 3 : rand() < 0.75 ? typical : int(5);
        const args = Array.from({ length: n }, () => rule(depth - 1, scope));
        if (n === 1 && rand() < 0.5) return { [op]: args[0] }; // unary sugar
        return { [op]: args };
      }
    }
  }

  return { rule, data };
}

type Outcome = { ok: true; value: unknown; again: unknown } | { ok: false; error: string };

function run(f: () => unknown): Outcome {
  try {
    const value = f();
    return { ok: true, value, again: f() };
  } catch (e) {
    return { ok: false, error: String(e) };
  }
}

const FUZZ_SEED = Number(process.env.JSONLOGIC_FUZZ_SEED ?? 0x5eed2026);
const FUZZ_RULES = Number(process.env.JSONLOGIC_FUZZ_RULES ?? 5000);
const DATA_PER_RULE = 3;

describe('differential fuzz of the fast path (plan.ts) against json-logic-js', () => {
  it(`agrees on ${FUZZ_RULES} random rules × ${DATA_PER_RULE} data (seed ${FUZZ_SEED + 1})`, () => {
    const gen = makeGen(mulberry32(FUZZ_SEED + 1));
    let compared = 0;
    for (let i = 0; i < FUZZ_RULES; i++) {
      const rule = gen.rule(1 + (i % 5));
      const compiled = planCompile(rule);
      for (let j = 0; j < DATA_PER_RULE; j++) {
        const data = gen.data();
        const theirs = run(() => reference(rule, data));
        const ours = run(() => compiled(data));
        const where = `rule #${i} data #${j}\nrule: ${show(rule)}\ndata: ${show(data)}`;
        if (theirs.ok !== ours.ok) throw new Error(`${where}\none threw: ${show(theirs)} vs ${show(ours)}`);
        if (!theirs.ok || !ours.ok) continue;
        // memoised nodes may hand out one object twice where json-logic-js builds two: compare values only
        if (!deepEqual(ours.value, theirs.value) || !deepEqual(ours.again, theirs.value)) {
          throw new Error(`${where}\njson-logic-js: ${show(theirs.value)}\nplan: ${show(ours.value)} / again ${show(ours.again)}`);
        }
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(FUZZ_RULES * DATA_PER_RULE * 0.9);
  });
});

describe('differential fuzz against json-logic-js', () => {
  it(`agrees on ${FUZZ_RULES} random rules × ${DATA_PER_RULE} data (seed ${FUZZ_SEED})`, () => {
    const gen = makeGen(mulberry32(FUZZ_SEED));
    let compared = 0, bothThrew = 0;
    const kinds: Record<string, number> = {};
    for (let i = 0; i < FUZZ_RULES; i++) {
      const rule = gen.rule(1 + (i % 5));
      let compiled: (d: unknown) => unknown;
      try {
        compiled = compileLogic(rule);
      } catch (e) {
        throw new Error(`seed ${FUZZ_SEED} rule #${i}: compileLogic threw ${String(e)}\nrule: ${show(rule)}`);
      }
      for (let j = 0; j < DATA_PER_RULE; j++) {
        const data = gen.data();
        const theirs = run(() => reference(rule, data));
        const ours = run(() => compiled(data));
        const where = `seed ${FUZZ_SEED} rule #${i} data #${j}\nrule: ${show(rule)}\ndata: ${show(data)}`;
        if (!theirs.ok || !ours.ok) {
          if (theirs.ok !== ours.ok) {
            throw new Error(`${where}\njson-logic-js: ${theirs.ok ? show(theirs.value) : 'threw ' + theirs.error}\nours: ${ours.ok ? show(ours.value) : 'threw ' + ours.error}`);
          }
          bothThrew++;
          continue;
        }
        if (!deepEqual(ours.value, theirs.value) || !deepEqual(ours.again, theirs.value)) {
          throw new Error(`${where}\njson-logic-js: ${show(theirs.value)}\nours: ${show(ours.value)} / again ${show(ours.again)}`);
        }
        const pa = aliasPattern(ours.value, ours.again).join(' ');
        const pb = aliasPattern(theirs.value, theirs.again).join(' ');
        if (pa !== pb) throw new Error(`${where}\nidentity of results differs:\njson-logic-js ${pb}\nours ${pa}`);
        compared++;
        const v = theirs.value;
        const kind = Array.isArray(v) ? (v.length ? 'array' : 'empty array') : v === null ? 'null' : Number.isNaN(v) ? 'NaN' : typeof v;
        kinds[kind] = (kinds[kind] ?? 0) + 1;
      }
    }
    if (process.env.JSONLOGIC_FUZZ_STATS) console.info({ compared, bothThrew, kinds });
    expect(compared + bothThrew).toBe(FUZZ_RULES * DATA_PER_RULE);
    expect(compared).toBeGreaterThan(FUZZ_RULES * DATA_PER_RULE * 0.9);
  });
});
