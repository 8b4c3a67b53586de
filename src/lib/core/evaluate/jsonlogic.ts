/**
 * JSON Logic evaluator, bit-compatible with json-logic-js 2.0.5, compiled to closures.
 *
 * - No `eval` / `new Function`: every rule node becomes a plain JS closure, so it runs under a strict CSP,
 *   in browsers and in web workers. No Node APIs, no framework imports.
 * - `compileLogic(rule)` validates the whole rule (unknown operations, `log` and `method` are rejected with
 *   {@link UnsupportedOperation} at compile time, even in branches that would never run), then builds the closure
 *   tree once; the returned function can be called many times.
 * - Semantics follow node_modules/json-logic-js/logic.js line by line. Where this file specialises a shape for
 *   speed, the comment says why the specialisation is equivalent. The quirks that matter are listed here:
 *     * truthiness: `[]` is falsy, everything else as in JS;
 *     * `and`/`or` return the deciding value; with no arguments they return `undefined`;
 *     * `if` with an even number of arguments and no true condition returns `null`;
 *     * `var`: `""`, `null` and a missing path return the whole data (even when a default is given); the path is
 *       `String(path).split(".")` (so `1.5` means `data[1][5]`); descending stops with the default on
 *       `undefined`/`null` containers and on `undefined` values, but a `null` leaf is returned as `null`;
 *       primitives are indexed as JS does (`{"var":"length"}` on `"abc"` is 3);
 *     * `+` applies `parseFloat` to every argument (and to the running sum), `*` too, except that `*` with one
 *       argument returns it unchanged and with none throws (Array.prototype.reduce without initial value);
 *       `parseFloat(-0)` is `0`, which is visible in `*` chains;
 *     * `-` with an `undefined` second operand is unary minus; `<` / `<=` with an `undefined` third operand are
 *       binary; `min`/`max` of nothing are `Infinity`/`-Infinity`;
 *     * `missing` re-applies every key as `{"var": key}` (an array key is `[path, default]`, an object key is
 *       evaluated as logic); `missing_some` re-applies its (already evaluated) options as logic;
 *     * every argument of an ordinary operation is evaluated (left to right) before the operation runs, so an
 *       error in an unused argument still surfaces; `if`/`and`/`or` and the array operations are lazy;
 *     * objects with zero or several keys are literals, returned by reference; literal arrays are rebuilt on
 *       every evaluation (json-logic-js maps them), so results never alias the rule;
 *     * a dotted operation name is resolved by walking json-logic-js's operation table through own properties,
 *       so e.g. "var.prototype.constructor" is `var`, and "foo.bar" fails with "(failed at foo)".
 * - Deliberate differences: an unknown operation is an error at compile time even where json-logic-js would
 *   never reach it, and `log` / `method` are refused. Logic that only appears at run time (data re-applied as
 *   logic by `missing` / `missing_some`) is compiled on the fly: an unknown operation there throws the
 *   json-logic-js Error when reached, `log` throws UnsupportedOperation.
 */

export type Logic = unknown;
export type Compiled = (data: unknown) => unknown;

/** Thrown at compile time for forbidden (`log`, `method`) and unknown operations. */
export class UnsupportedOperation extends Error {
  readonly operator: string;
  constructor(operator: string, message = `Unsupported operation ${operator}`) {
    super(message);
    this.name = 'UnsupportedOperation';
    this.operator = operator;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Shared helpers (exact copies of json-logic-js behaviour)

/* eslint-disable @typescript-eslint/no-explicit-any */
type Fn = (d: any) => any;

const isArray = Array.isArray;
const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** jsonLogic.truthy */
function truthy(v: any): boolean {
  if (isArray(v)) return v.length !== 0;
  return !!v;
}

/** jsonLogic.is_logic */
function isLogic(logic: any): boolean {
  return typeof logic === 'object' && logic !== null && !isArray(logic) && Object.keys(logic).length === 1;
}

/**
 * `parseFloat(x, 10)` as used by `+` and `*`. For a number, parseFloat(String(x)) is x itself (shortest
 * round-trip printing) except that -0 prints as "0"; `x + 0` does exactly that normalisation.
 */
function pf(x: any): number {
  return typeof x === 'number' ? x + 0 : parseFloat(x);
}

/** One element of Array.prototype.join(""): null/undefined become "", everything else ToString. */
function catStr(x: any): string {
  if (typeof x === 'string') return x;
  if (x === null || x === undefined) return '';
  if (typeof x === 'symbol') return (x as any) + ''; // throws, like join
  return String(x);
}

/** Property key for a path segment: canonical small integers become numbers (same property, faster lookup). */
function toKey(s: string): string | number {
  return /^(?:0|[1-9][0-9]{0,8})$/.test(s) ? Number(s) : s;
}

/** operations.var, verbatim (data passed explicitly instead of `this`). */
function varOp(data: any, a: any, b: any): any {
  const notFound = b === undefined ? null : b;
  if (typeof a === 'undefined' || a === '' || a === null) return data;
  const subProps = String(a).split('.');
  for (let i = 0; i < subProps.length; i++) {
    if (data === null || data === undefined) return notFound;
    data = data[subProps[i]];
    if (data === undefined) return notFound;
  }
  return data;
}

/** The descending loop of operations.var with pre-split keys. */
function lookup(data: any, keys: (string | number)[], notFound: any): any {
  for (let i = 0; i < keys.length; i++) {
    if (data === null || data === undefined) return notFound;
    data = data[keys[i]];
    if (data === undefined) return notFound;
  }
  return data;
}

/** A closure equivalent to operations.var(path, default) for a constant path and constant default. */
function makeGetter(path: any, notFound: any): Fn {
  if (typeof path === 'undefined' || path === '' || path === null) return (d) => d;
  const keys = String(path).split('.').map(toKey);
  if (keys.length === 1) {
    const k0 = keys[0];
    return (d) => {
      if (d === null || d === undefined) return notFound;
      const v = d[k0];
      return v === undefined ? notFound : v;
    };
  }
  if (keys.length === 2) {
    const k0 = keys[0], k1 = keys[1];
    return (d) => {
      if (d === null || d === undefined) return notFound;
      let v = d[k0];
      if (v === undefined || v === null) return notFound;
      v = v[k1];
      return v === undefined ? notFound : v;
    };
  }
  if (keys.length === 3) {
    const k0 = keys[0], k1 = keys[1], k2 = keys[2];
    return (d) => {
      if (d === null || d === undefined) return notFound;
      let v = d[k0];
      if (v === undefined || v === null) return notFound;
      v = v[k1];
      if (v === undefined || v === null) return notFound;
      v = v[k2];
      return v === undefined ? notFound : v;
    };
  }
  return (d) => lookup(d, keys, notFound);
}

/**
 * Getter for a constant path whose data is reduce's `{current, accumulator}` object (never null, own properties
 * `current` and `accumulator`, nothing else but Object.prototype). Null when the path starts elsewhere.
 */
function reduceGetter(path: any, notFound: any): Fn | null {
  const keys = String(path).split('.').map(toKey);
  const rest = keys.slice(1);
  if (keys[0] === 'current') {
    if (rest.length === 0) return (d) => { const v = d.current; return v === undefined ? notFound : v; };
    if (rest.length === 1) {
      const k1 = rest[0];
      return (d) => {
        let v = d.current;
        if (v === undefined || v === null) return notFound;
        v = v[k1];
        return v === undefined ? notFound : v;
      };
    }
    return (d) => lookup(d.current, rest, notFound);
  }
  if (keys[0] === 'accumulator') {
    if (rest.length === 0) return (d) => { const v = d.accumulator; return v === undefined ? notFound : v; };
    if (rest.length === 1) {
      const k1 = rest[0];
      return (d) => {
        let v = d.accumulator;
        if (v === undefined || v === null) return notFound;
        v = v[k1];
        return v === undefined ? notFound : v;
      };
    }
    return (d) => lookup(d.accumulator, rest, notFound);
  }
  return null;
}

/** jsonLogic.apply for a value that came out of the data (used by `missing` / `missing_some`). */
function applyDynamic(value: any, data: any): any {
  if (typeof value !== 'object' || value === null) return value;
  const saved = activeHooks, savedDepth = scopedDepth; // logic from the data is never offered to a hook
  activeHooks = null;
  scopedDepth = 0;
  try {
    return compile(value, true, ANY).f(data);
  } finally {
    activeHooks = saved;
    scopedDepth = savedDepth;
  }
}

/** jsonLogic.apply({"var": key}, data) */
function varOfKey(key: any, data: any): any {
  if (typeof key !== 'object' || key === null) return varOp(data, key, undefined);
  const vals = isArray(key) ? key.map((x) => applyDynamic(x, data)) : [applyDynamic(key, data)];
  return varOp(data, vals[0], vals[1]);
}

/** operations.missing, with `arguments` as an array. */
function missingOp(data: any, args: any[]): any[] {
  const missing: any[] = [];
  const keys = isArray(args[0]) ? args[0] : args;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const value = varOfKey(key, data);
    if (value === null || value === '') missing.push(key);
  }
  return missing;
}

/** operations.missing_some: re-applies `{"missing": options}` as logic. */
function missingSomeOp(data: any, needCount: any, options: any): any[] {
  const args = isArray(options) ? options.map((x: any) => applyDynamic(x, data)) : [applyDynamic(options, data)];
  const areMissing = missingOp(data, args);
  if (options.length - areMissing.length >= needCount) return [];
  return areMissing;
}

function inOp(a: any, b: any): boolean {
  if (!b || typeof b.indexOf === 'undefined') return false;
  return b.indexOf(a) !== -1;
}

function substrOp(source: any, start: any, end: any): string {
  if (end < 0) {
    const temp = String(source).substr(start);
    return temp.substr(0, temp.length + end);
  }
  return String(source).substr(start, end);
}

/**
 * The table operations of json-logic-js, verbatim, taking the evaluated argument list. Used for the generic
 * (unspecialised) path; the specialisations in compileTableOp must agree with these.
 */
const TABLE: Record<string, (data: any, v: any[]) => any> = {
  '==': (_, v) => v[0] == v[1],
  '===': (_, v) => v[0] === v[1],
  '!=': (_, v) => v[0] != v[1],
  '!==': (_, v) => v[0] !== v[1],
  '>': (_, v) => v[0] > v[1],
  '>=': (_, v) => v[0] >= v[1],
  '<': (_, v) => (v[2] === undefined ? v[0] < v[1] : v[0] < v[1] && v[1] < v[2]),
  '<=': (_, v) => (v[2] === undefined ? v[0] <= v[1] : v[0] <= v[1] && v[1] <= v[2]),
  '!!': (_, v) => truthy(v[0]),
  '!': (_, v) => !truthy(v[0]),
  '%': (_, v) => v[0] % v[1],
  log: () => {
    throw new UnsupportedOperation('log', FORBIDDEN('log'));
  },
  in: (_, v) => inOp(v[0], v[1]),
  cat: (_, v) => Array.prototype.join.call(v, ''),
  substr: (_, v) => substrOp(v[0], v[1], v[2]),
  '+': (_, v) => v.reduce((a: any, b: any) => parseFloat(a) + parseFloat(b), 0),
  '*': (_, v) => (v as any[]).reduce((a: any, b: any) => parseFloat(a) * parseFloat(b)),
  '-': (_, v) => (v[1] === undefined ? -v[0] : v[0] - v[1]),
  '/': (_, v) => v[0] / v[1],
  min: (_, v) => Math.min.apply(null, v),
  max: (_, v) => Math.max.apply(null, v),
  merge: (_, v) => v.reduce((a: any[], b: any) => a.concat(b), []),
  var: (d, v) => varOp(d, v[0], v[1]),
  missing: (d, v) => missingOp(d, v),
  missing_some: (d, v) => missingSomeOp(d, v[0], v[1])
};

const SPECIAL = new Set(['if', '?:', 'and', 'or', 'filter', 'map', 'reduce', 'all', 'none', 'some']);
const FORBIDDEN_OPS = new Set(['log', 'method']);
const FORBIDDEN = (op: string) => `Operation "${op}" is not supported (forbidden in this project)`;

/*
 * Dotted operation names: json-logic-js walks `operations` with hasOwnProperty, descending into the operation
 * functions' own properties (length, name, prototype, prototype.constructor, characters of the name...). We walk
 * a look-alike table of real functions so that every dotted name resolves (or fails, with the same message) exactly
 * as it would there. A walk ending on one of the functions is that operation (e.g. "var.prototype.constructor").
 */
const EMU_OPS: Record<string, unknown> = {};
const EMU_NAMES = new Map<unknown, string>();
for (const name of Object.keys(TABLE)) {
  // a function expression assigned to a property: own length, name ("=="...) and prototype, like logic.js
  const fn = { [name]: function () {} }[name];
  EMU_OPS[name] = fn;
  EMU_NAMES.set(fn, name);
}

type Resolved = { name: string } | { error: string; forbidden?: boolean };
const resolvedCache = new Map<string, Resolved>();

/** Which operation json-logic-js would run for `op`, or the error it would throw. */
function resolveOp(op: string): Resolved {
  let r = resolvedCache.get(op);
  if (r) return r;
  if (SPECIAL.has(op)) r = { name: op };
  else if (FORBIDDEN_OPS.has(op)) r = { error: FORBIDDEN(op), forbidden: true };
  else if (hasOwn(TABLE, op)) r = { name: op };
  else if (op.indexOf('.') > 0) {
    const subOps = String(op).split('.');
    let operation: any = EMU_OPS;
    for (let i = 0; i < subOps.length; i++) {
      if (!Object.prototype.hasOwnProperty.call(operation, subOps[i])) {
        r = { error: 'Unrecognized operation ' + op + ' (failed at ' + subOps.slice(0, i + 1).join('.') + ')' };
        break;
      }
      operation = operation[subOps[i]];
    }
    if (!r) {
      const name = EMU_NAMES.get(operation);
      if (name === undefined) r = { error: 'operation.apply is not a function' };
      else if (FORBIDDEN_OPS.has(name)) r = { error: FORBIDDEN(name), forbidden: true };
      else r = { name };
    }
  } else r = { error: 'Unrecognized operation ' + op };
  if (resolvedCache.size < 1024) resolvedCache.set(op, r); // bounded: names can come from data (missing_some)
  return r;
}

/** Compile-time check of the whole rule: every logic-shaped node anywhere must be a supported operation. */
function validate(rule: any): void {
  if (isArray(rule)) {
    for (let i = 0; i < rule.length; i++) validate(rule[i]);
    return;
  }
  if (!isLogic(rule)) return;
  const op = Object.keys(rule)[0];
  const r = resolveOp(op);
  if ('error' in r) throw new UnsupportedOperation(op, r.error);
  const values = rule[op];
  if (isArray(values)) for (let i = 0; i < values.length; i++) validate(values[i]);
  else validate(values);
}

// ---------------------------------------------------------------------------------------------------------------
// Compiler

/**
 * A compiled node.
 * - `k`: constant, `v` its value; returning the shared `v` is indistinguishable from json-logic-js.
 * - `leak`: the closure may return (or put into its result) the very data object it was called with.
 * - `bool`: the closure always returns a boolean.
 */
interface Node {
  f: Fn;
  k: boolean;
  v: any;
  leak: boolean;
  bool: boolean;
}

function K(v: any): Node {
  return { f: () => v, k: true, v, leak: false, bool: typeof v === 'boolean' };
}

function N(f: Fn, leak = false, bool = false): Node {
  return { f, k: false, v: undefined, leak, bool };
}

const UNDEF = K(undefined);

/**
 * What the data of a node is: anything (ANY), or the `{current, accumulator}` object that reduce builds for its
 * scoped logic (REDUCE). In the latter case the first step of a `current...` / `accumulator...` path is a named
 * property load on an object of one fixed shape (monomorphic), instead of a generic keyed load.
 */
type Scope = 0 | 1;
const ANY: Scope = 0;
const REDUCE: Scope = 1;

/**
 * Constant folding. `node` computes an operation whose arguments are all constants and which does not read the
 * data. Evaluate it now; keep the closure if it throws (the error belongs to run time) or if it produced an
 * object in an escaping position (json-logic-js would hand out a fresh array each time).
 */
function fold(node: Node, esc: boolean): Node {
  let v: any;
  try {
    v = node.f(undefined);
  } catch {
    return node;
  }
  if (esc && typeof v === 'object' && v !== null) return node;
  if (typeof v === 'function') return node;
  return K(v);
}

function allK(nodes: Node[]): boolean {
  for (let i = 0; i < nodes.length; i++) if (!nodes[i].k) return false;
  return true;
}

/**
 * Compile a rule. `esc`: the value produced here can reach the caller (so it must not be a shared array).
 * Positions whose value is only inspected (conditions, comparison operands...) pass esc = false.
 */
function compile(rule: any, esc: boolean, sc: Scope): Node {
  if (activeHooks !== null && scopedDepth === 0) {
    const hooked = activeHooks.root(rule, esc);
    if (hooked) return hooked;
  }
  return compileHere(rule, esc, sc);
}

/** `compile` without the hook for this node (its children still go through it). */
function compileHere(rule: any, esc: boolean, sc: Scope): Node {
  if (isArray(rule)) return compileArray(rule, esc, sc);
  if (!isLogic(rule)) return K(rule); // primitives and non-logic objects: returned as is, by reference
  const op = Object.keys(rule)[0];
  let values = rule[op];
  if (!isArray(values)) values = [values];
  const r = resolveOp(op);
  if ('error' in r) return compileError(op, r, values, sc);
  switch (r.name) {
    case 'if':
    case '?:':
      return compileIf(values, esc, sc);
    case 'and':
      return compileAndOr(values, esc, true, sc);
    case 'or':
      return compileAndOr(values, esc, false, sc);
    case 'filter':
    case 'map':
    case 'reduce':
    case 'all':
    case 'none':
    case 'some':
      return compileScoped(r.name, values, esc, sc);
    default:
      return compileTableOp(r.name, values, esc, sc);
  }
}

/** Only reachable for logic coming out of the data (missing/missing_some); validate() rejects it otherwise. */
function compileError(op: string, r: { error: string; forbidden?: boolean }, values: any[], sc: Scope): Node {
  const fs = values.map((v: any) => compile(v, false, sc).f);
  return N((d) => {
    for (let i = 0; i < fs.length; i++) fs[i](d); // json-logic-js evaluates the arguments first
    if (r.forbidden) throw new UnsupportedOperation(op, r.error);
    if (r.error === 'operation.apply is not a function') throw new TypeError(r.error);
    throw new Error(r.error);
  });
}

function compileArray(rule: any[], esc: boolean, sc: Scope): Node {
  const n = rule.length;
  const nodes: Node[] = rule.map((r) => compile(r, esc, sc)); // keeps holes, like logic.map
  let count = 0;
  let leak = false;
  nodes.forEach((x) => {
    count++;
    if (x.leak) leak = true;
  });
  if (count !== n) {
    // holey rule array (not from JSON): mirror logic.map exactly
    return N((d) => nodes.map((x) => x.f(d)), leak);
  }
  if (allK(nodes)) {
    const vals = nodes.map((x) => x.v);
    if (!esc) return K(vals);
    // element constants are primitives or literal objects (shared in json-logic-js too); the array is fresh
    return N(() => vals.slice());
  }
  const fs = nodes.map((x) => x.f);
  if (n === 1) {
    const f0 = fs[0];
    return N((d) => [f0(d)], leak);
  }
  if (n === 2) {
    const f0 = fs[0], f1 = fs[1];
    return N((d) => [f0(d), f1(d)], leak);
  }
  if (n === 3) {
    const f0 = fs[0], f1 = fs[1], f2 = fs[2];
    return N((d) => [f0(d), f1(d), f2(d)], leak);
  }
  return N((d) => {
    const out = [];
    for (let i = 0; i < n; i++) out.push(fs[i](d));
    return out;
  }, leak);
}

function compileIf(values: any[], esc: boolean, sc: Scope): Node {
  const n = values.length;
  const conds: Node[] = [];
  const thens: Node[] = [];
  let elseNode: Node | null = null;
  let i;
  for (i = 0; i < n - 1; i += 2) {
    const c = compile(values[i], false, sc);
    if (c.k) {
      if (truthy(c.v)) {
        elseNode = compile(values[i + 1], esc, sc); // the chain always stops here
        break;
      }
      continue; // never taken
    }
    conds.push(c);
    thens.push(compile(values[i + 1], esc, sc));
  }
  if (!elseNode) elseNode = n === i + 1 ? compile(values[i], esc, sc) : K(null);
  if (conds.length === 0) return elseNode;

  let leak = elseNode.leak;
  for (const t of thens) if (t.leak) leak = true;
  const bool = elseNode.bool && thens.every((t) => t.bool);
  const e = elseNode.f;
  if (conds.length === 1) {
    const c = conds[0].f, t = thens[0].f;
    if (conds[0].bool) return N((d) => (c(d) ? t(d) : e(d)), leak, bool);
    return N((d) => (truthy(c(d)) ? t(d) : e(d)), leak, bool);
  }
  const cs = conds.map((x) => x.f), ts = thens.map((x) => x.f);
  const m = cs.length;
  return N((d) => {
    for (let j = 0; j < m; j++) if (truthy(cs[j](d))) return ts[j](d);
    return e(d);
  }, leak, bool);
}

function compileAndOr(values: any[], esc: boolean, isAnd: boolean, sc: Scope): Node {
  const n = values.length;
  if (n === 0) return UNDEF; // `current` is never assigned
  const kept: Node[] = [];
  for (let i = 0; i < n; i++) {
    const x = compile(values[i], esc, sc);
    if (x.k) {
      const t = truthy(x.v);
      if (isAnd ? !t : t) {
        kept.push(x); // decides: nothing after it is ever evaluated
        break;
      }
      if (i === n - 1) kept.push(x); // the last value is returned as is
      // otherwise a constant that lets evaluation continue has no effect: drop it
    } else kept.push(x);
  }
  if (kept.length === 1) return kept[0];
  const leak = kept.some((x) => x.leak);
  const bool = kept.every((x) => x.bool);
  const fs = kept.map((x) => x.f);
  const m = fs.length;
  // When every operand but the last is a boolean, JS && / || decide exactly like jsonLogic.truthy.
  let jsOk = true;
  for (let i = 0; i < m - 1; i++) if (!kept[i].bool) jsOk = false;
  if (m === 2) {
    const f0 = fs[0], f1 = fs[1];
    if (jsOk) return N(isAnd ? (d) => f0(d) && f1(d) : (d) => f0(d) || f1(d), leak, bool);
    return N(
      isAnd
        ? (d) => {
            const a = f0(d);
            return truthy(a) ? f1(d) : a;
          }
        : (d) => {
            const a = f0(d);
            return truthy(a) ? a : f1(d);
          },
      leak,
      bool
    );
  }
  if (m === 3 && jsOk) {
    const f0 = fs[0], f1 = fs[1], f2 = fs[2];
    return N(isAnd ? (d) => f0(d) && f1(d) && f2(d) : (d) => f0(d) || f1(d) || f2(d), leak, bool);
  }
  return N(
    isAnd
      ? (d) => {
          let cur;
          for (let i = 0; i < m; i++) {
            cur = fs[i](d);
            if (!truthy(cur)) return cur;
          }
          return cur;
        }
      : (d) => {
          let cur;
          for (let i = 0; i < m; i++) {
            cur = fs[i](d);
            if (truthy(cur)) return cur;
          }
          return cur;
        },
    leak,
    bool
  );
}

function compileScoped(op: string, values: any[], esc: boolean, sc: Scope): Node {
  // What the scoped logic returns reaches the result for map and reduce (and feeds the next reduce step).
  const A = compile(values[0], op === 'filter' || op === 'map' || op === 'reduce' ? esc : false, sc);
  const L = inScope(() => compile(values[1], op === 'map' ? esc : op === 'reduce', op === 'reduce' ? REDUCE : ANY));
  const fa = A.f;
  const fl = L.f;
  const pred: Fn = L.bool ? fl : (x) => truthy(fl(x));
  let node: Node;
  switch (op) {
    case 'filter':
      node = N((d) => {
        const arr = fa(d);
        if (!isArray(arr)) return [];
        return arr.filter(pred);
      }, A.leak);
      break;
    case 'map':
      node = N((d) => {
        const arr = fa(d);
        if (!isArray(arr)) return [];
        return arr.map(fl);
      }, A.leak);
      break;
    case 'reduce': {
      const I = typeof values[2] !== 'undefined' ? compile(values[2], esc, sc) : K(null);
      const fi = I.f;
      const leak = A.leak || I.leak;
      if (!L.leak) {
        // The scoped logic never hands out its data object, so one {current, accumulator} per call suffices.
        node = N((d) => {
          const arr = fa(d);
          const initial = fi(d);
          if (!isArray(arr)) return initial;
          const len = arr.length;
          const scope = { current: undefined as any, accumulator: initial };
          for (let i = 0; i < len; i++) {
            const cur = arr[i];
            if (cur === undefined && !(i in arr)) continue; // holes are skipped by Array.prototype.reduce
            scope.current = cur;
            scope.accumulator = fl(scope);
          }
          return scope.accumulator;
        }, leak);
      } else {
        node = N((d) => {
          const arr = fa(d);
          const initial = fi(d);
          if (!isArray(arr)) return initial;
          let acc = initial;
          const len = arr.length;
          for (let i = 0; i < len; i++) {
            const cur = arr[i];
            if (cur === undefined && !(i in arr)) continue;
            acc = fl({ current: cur, accumulator: acc });
          }
          return acc;
        }, leak);
      }
      if (A.k && I.k) return fold(node, esc);
      return node;
    }
    case 'all':
      node = N(
        (d) => {
          const arr = fa(d);
          if (!isArray(arr) || !arr.length) return false;
          for (let i = 0; i < arr.length; i++) if (!pred(arr[i])) return false;
          return true;
        },
        false,
        true
      );
      break;
    case 'none':
      node = N(
        (d) => {
          const arr = fa(d);
          if (!isArray(arr) || !arr.length) return true;
          for (let i = 0; i < arr.length; i++) if (pred(arr[i])) return false;
          return true;
        },
        false,
        true
      );
      break;
    default: // some
      node = N(
        (d) => {
          const arr = fa(d);
          if (!isArray(arr) || !arr.length) return false;
          for (let i = 0; i < arr.length; i++) if (pred(arr[i])) return true;
          return false;
        },
        false,
        true
      );
  }
  return A.k ? fold(node, esc) : node;
}

/** Arguments whose value can end up in the operation's result. */
function argEscapes(op: string, i: number, n: number, esc: boolean): boolean {
  if (!esc) return false;
  switch (op) {
    case 'var':
      return i === 1;
    case 'missing':
    case 'merge':
      return true;
    case 'missing_some':
      return i === 1;
    case '*':
      return n === 1;
    default:
      return false;
  }
}

/** How many leading arguments each fixed-arity operation reads; the rest are only evaluated. */
const USED: Record<string, number> = {
  '==': 2, '===': 2, '!=': 2, '!==': 2, '>': 2, '>=': 2, '<': 3, '<=': 3, '!!': 1, '!': 1,
  '%': 2, in: 2, substr: 3, '-': 2, '/': 2, var: 2, missing_some: 2
};

const BOOL_OPS = new Set(['==', '===', '!=', '!==', '>', '>=', '<', '<=', '!!', '!', 'in']);

function compileTableOp(op: string, values: any[], esc: boolean, sc: Scope): Node {
  const n = values.length;
  const nodes: Node[] = values.map((v: any, i: number) => compile(v, argEscapes(op, i, n, esc), sc));
  const bool = BOOL_OPS.has(op);
  const dataOp = op === 'var' || op === 'missing' || op === 'missing_some';

  // Non-constant arguments beyond the ones the operation reads must still be evaluated, in order, before the
  // operation runs (they may throw). That is rare enough to leave to the generic path.
  const used = USED[op];
  let specialise = true;
  if (used !== undefined) for (let i = used; i < n; i++) if (!nodes[i].k) specialise = false;

  let node: Node | null = specialise ? specialised(op, nodes, values, sc) : null;
  if (!node) {
    const impl = TABLE[op];
    const fs = nodes.map((x) => x.f);
    const leak = dataOp || nodes.some((x, i) => x.leak && argEscapes(op, i, n, true));
    node = N((d) => {
      const vals = new Array(n);
      for (let i = 0; i < n; i++) vals[i] = fs[i](d);
      return impl(d, vals);
    }, leak, bool);
  }
  if (!dataOp && !node.k && allK(nodes)) return fold(node, esc);
  return node;
}

function arg(nodes: Node[], i: number): Node {
  return i < nodes.length ? nodes[i] : UNDEF;
}

/** Fast closures for common shapes; null means "use the generic path". */
function specialised(op: string, nodes: Node[], values: any[], sc: Scope): Node | null {
  const n = nodes.length;
  const A = arg(nodes, 0), B = arg(nodes, 1), C = arg(nodes, 2);
  const fa = A.f, fb = B.f, fc = C.f;
  switch (op) {
    case '==':
    case '===':
    case '!=':
    case '!==':
    case '>':
    case '>=':
    case '%':
    case '/':
      return binary(op, A, B);
    case '<':
    case '<=': {
      if (C.k && C.v === undefined) return binary(op, A, B);
      if (C.k) {
        const c = C.v;
        return N(
          op === '<'
            ? (d) => {
                const a = fa(d), b = fb(d);
                return a < b && b < c;
              }
            : (d) => {
                const a = fa(d), b = fb(d);
                return a <= b && b <= c;
              },
          false,
          true
        );
      }
      return N(
        op === '<'
          ? (d) => {
              const a = fa(d), b = fb(d), c = fc(d);
              return c === undefined ? a < b : a < b && b < c;
            }
          : (d) => {
              const a = fa(d), b = fb(d), c = fc(d);
              return c === undefined ? a <= b : a <= b && b <= c;
            },
        false,
        true
      );
    }
    case '!':
      return N(A.bool ? (d) => !fa(d) : (d) => !truthy(fa(d)), false, true);
    case '!!':
      return A.bool ? N(fa, false, true) : N((d) => truthy(fa(d)), false, true);
    case '-':
      if (B.k && B.v === undefined) return N((d) => -fa(d));
      if (B.k) {
        const b = B.v;
        return N((d) => fa(d) - b);
      }
      return N((d) => {
        const a = fa(d), b = fb(d);
        return b === undefined ? -a : a - b;
      });
    case 'in': {
      if (B.k) {
        const b = B.v;
        if (!b || typeof b.indexOf === 'undefined') return N((d) => (fa(d), false), false, true);
        if (isArray(b) && b.length >= 8) {
          // Array.prototype.indexOf is strict equality: same as Set membership except for NaN
          const set = new Set(b);
          return N((d) => {
            const a = fa(d);
            return a === a && set.has(a);
          }, false, true);
        }
        if (isArray(b) || typeof b === 'string') return N((d) => b.indexOf(fa(d)) !== -1, false, true);
      }
      return N((d) => inOp(fa(d), fb(d)), false, true);
    }
    case 'substr':
      return N((d) => substrOp(fa(d), fb(d), fc(d)));
    case 'cat':
      if (n === 0) return K('');
      if (n === 1) return N((d) => catStr(fa(d)));
      if (n === 2) {
        if (B.k) {
          const b = catStr(B.v);
          return N((d) => catStr(fa(d)) + b);
        }
        if (A.k) {
          const a = catStr(A.v);
          return N((d) => a + catStr(fb(d)));
        }
        return N((d) => catStr(fa(d)) + catStr(fb(d)));
      }
      if (n === 3) return N((d) => catStr(fa(d)) + catStr(fb(d)) + catStr(fc(d)));
      return null;
    case '+':
      // reduce((a, b) => parseFloat(a) + parseFloat(b), 0): the running sum is a number that is never -0,
      // so parseFloat on it is the identity; the leading 0 + turns a lone -0 into 0.
      if (n === 0) return K(0);
      if (n === 1) return N((d) => 0 + pf(fa(d)));
      if (n === 2) {
        if (B.k) {
          const b = pf(B.v);
          return N((d) => 0 + pf(fa(d)) + b);
        }
        return N((d) => 0 + pf(fa(d)) + pf(fb(d)));
      }
      if (n === 3) return N((d) => 0 + pf(fa(d)) + pf(fb(d)) + pf(fc(d)));
      return null;
    case '*':
      // reduce without initial value: nothing throws, one argument comes back untouched, and the running
      // product goes through parseFloat again (-0 becomes 0).
      if (n === 0) return null;
      if (n === 1) return A;
      if (n === 2) {
        if (B.k) {
          const b = pf(B.v);
          return N((d) => pf(fa(d)) * b);
        }
        return N((d) => pf(fa(d)) * pf(fb(d)));
      }
      if (n === 3) return N((d) => pf(pf(fa(d)) * pf(fb(d))) * pf(fc(d)));
      return null;
    case 'min':
      if (n === 0) return K(Infinity);
      if (n === 1) return N((d) => Math.min(fa(d)));
      if (n === 2) return N((d) => Math.min(fa(d), fb(d)));
      return null;
    case 'max':
      if (n === 0) return K(-Infinity);
      if (n === 1) return N((d) => Math.max(fa(d)));
      if (n === 2) return N((d) => Math.max(fa(d), fb(d)));
      return null;
    case 'merge': {
      const leak = nodes.some((x) => x.leak);
      if (n === 0) return N(() => []);
      if (n === 1) return N((d) => ([] as any[]).concat(fa(d)), leak);
      if (n === 2) return N((d) => ([] as any[]).concat(fa(d), fb(d)), leak);
      return null;
    }
    case 'var':
      return compileVar(A, B, sc);
    case 'missing':
      return compileMissing(nodes, values);
    case 'missing_some':
      return compileMissingSome(A, values);
    default:
      return null;
  }
}

function binary(op: string, A: Node, B: Node): Node {
  const fa = A.f, fb = B.f;
  if (B.k) {
    const b = B.v;
    switch (op) {
      case '==': return N((d) => fa(d) == b, false, true);
      case '===': return N((d) => fa(d) === b, false, true);
      case '!=': return N((d) => fa(d) != b, false, true);
      case '!==': return N((d) => fa(d) !== b, false, true);
      case '>': return N((d) => fa(d) > b, false, true);
      case '>=': return N((d) => fa(d) >= b, false, true);
      case '<': return N((d) => fa(d) < b, false, true);
      case '<=': return N((d) => fa(d) <= b, false, true);
      case '%': return N((d) => fa(d) % b);
      case '/': return N((d) => fa(d) / b);
    }
  }
  if (A.k) {
    const a = A.v;
    switch (op) {
      case '==': return N((d) => a == fb(d), false, true);
      case '===': return N((d) => a === fb(d), false, true);
      case '!=': return N((d) => a != fb(d), false, true);
      case '!==': return N((d) => a !== fb(d), false, true);
      case '>': return N((d) => a > fb(d), false, true);
      case '>=': return N((d) => a >= fb(d), false, true);
      case '<': return N((d) => a < fb(d), false, true);
      case '<=': return N((d) => a <= fb(d), false, true);
      case '%': return N((d) => a % fb(d));
      case '/': return N((d) => a / fb(d));
    }
  }
  switch (op) {
    case '==': return N((d) => fa(d) == fb(d), false, true);
    case '===': return N((d) => fa(d) === fb(d), false, true);
    case '!=': return N((d) => fa(d) != fb(d), false, true);
    case '!==': return N((d) => fa(d) !== fb(d), false, true);
    case '>': return N((d) => fa(d) > fb(d), false, true);
    case '>=': return N((d) => fa(d) >= fb(d), false, true);
    case '<': return N((d) => fa(d) < fb(d), false, true);
    case '<=': return N((d) => fa(d) <= fb(d), false, true);
    case '%': return N((d) => fa(d) % fb(d));
    default: return N((d) => fa(d) / fb(d));
  }
}

function compileVar(A: Node, B: Node, sc: Scope): Node {
  const fa = A.f, fb = B.f;
  if (A.k) {
    const a = A.v;
    const whole = typeof a === 'undefined' || a === '' || a === null;
    if (B.k) {
      const nf = B.v === undefined ? null : B.v;
      return N((sc === REDUCE && !whole && reduceGetter(a, nf)) || makeGetter(a, nf), whole || B.leak);
    }
    // default evaluated on every call (it may be a fresh array, or depend on the data)
    if (whole) return N((d) => (fb(d), d), true);
    const keys = String(a).split('.').map(toKey);
    return N((d) => {
      const b = fb(d);
      return lookup(d, keys, b === undefined ? null : b);
    }, B.leak);
  }
  return N((d) => varOp(d, fa(d), fb(d)), true);
}

/** A primitive key is re-applied to itself, so `{"var": key}` is a fixed lookup. */
function isPrimitive(x: any): boolean {
  return typeof x !== 'object' || x === null;
}

/** An array without holes whose elements are all primitives. */
function densePrimitives(xs: any): boolean {
  if (!isArray(xs)) return false;
  for (let i = 0; i < xs.length; i++) if (!(i in xs) || !isPrimitive(xs[i])) return false;
  return true;
}

function compileMissing(nodes: Node[], values: any[]): Node | null {
  // keys known at compile time: all arguments primitive literals, or a literal array of primitives first
  let keys: any[] | null = null;
  if (densePrimitives(values)) keys = values;
  else if (densePrimitives(values[0]) && allK(nodes.slice(1))) keys = values[0];
  if (!keys) return null;
  if (isArray(keys) && keys.length === 0) return N(() => []);
  const k = keys.slice();
  const getters = k.map((key: any) => makeGetter(key, null));
  const m = k.length;
  return N((d) => {
    const missing: any[] = [];
    for (let i = 0; i < m; i++) {
      const value = getters[i](d);
      if (value === null || value === '') missing.push(k[i]);
    }
    return missing;
  });
}

function compileMissingSome(A: Node, values: any[]): Node | null {
  const options: any[] = values[1];
  if (!densePrimitives(options)) return null;
  // options re-applied as logic are themselves; they are the keys of `missing` (options[0] is no array)
  const k = options.slice();
  const getters = k.map((key: any) => makeGetter(key, null));
  const m = k.length;
  const fa = A.f;
  return N((d) => {
    const need = fa(d);
    const missing: any[] = [];
    for (let i = 0; i < m; i++) {
      const value = getters[i](d);
      if (value === null || value === '') missing.push(k[i]);
    }
    if (m - missing.length >= need) return [];
    return missing;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Compile hooks (for evaluate/plan.ts: shared subexpressions and recognised fold shapes)

/** A compiled node as the compiler sees it: `k` constant with value `v`; `leak` may return its data; `bool` always boolean. */
export interface CompiledNode {
  f: Compiled;
  k: boolean;
  v: unknown;
  leak: boolean;
  bool: boolean;
}

export interface CompileHooks {
  /**
   * Called before compiling any node whose data is the root data (the record): everything outside the logic
   * argument of filter/map/reduce/all/none/some. Return a node to use instead, or null for the standard one.
   */
  root(rule: Logic, esc: boolean): CompiledNode | null;
}

let activeHooks: CompileHooks | null = null;
/** How many scoped-logic arguments the compiler is inside: hooks only see the root scope (depth 0). */
let scopedDepth = 0;

function inScope<T>(f: () => T): T {
  scopedDepth++;
  try {
    return f();
  } finally {
    scopedDepth--;
  }
}

/** Compile a rule with hooks (validated like compileLogic); a nested call restores the hooks it found. */
export function compileWithHooks(rule: Logic, hooks: CompileHooks, esc = true): CompiledNode {
  validate(rule);
  const saved = activeHooks, savedDepth = scopedDepth;
  activeHooks = hooks;
  scopedDepth = 0;
  try {
    return compile(rule, esc, ANY);
  } finally {
    activeHooks = saved;
    scopedDepth = savedDepth;
  }
}

/** For a hook: this root-scope node compiled the standard way, its children still offered to the hook. */
export function compileStandard(rule: Logic, esc: boolean): CompiledNode {
  return compileHere(rule, esc, ANY);
}

/** For a hook: another root-scope node (offered to the hook like any other). */
export function compileRootChild(rule: Logic, esc: boolean): CompiledNode {
  return compile(rule, esc, ANY);
}

/**
 * For a hook: logic that runs on a reduce-like scope object (own `current` and `accumulator`), as the logic
 * argument of a reduce is compiled. The hook does not see it.
 */
export function compileReduceStep(rule: Logic, esc = true): CompiledNode {
  return inScope(() => compile(rule, esc, REDUCE));
}

export function compiledNode(f: Compiled, leak = false, bool = false): CompiledNode {
  return N(f, leak, bool);
}

// ---------------------------------------------------------------------------------------------------------------
// Public API

/**
 * Compile a JSON Logic rule once into a closure. Throws {@link UnsupportedOperation} for `log`, `method` and any
 * operation json-logic-js does not know (message "Unrecognized operation X" as json-logic-js would throw), wherever
 * it appears in the rule.
 */
export function compileLogic(rule: Logic): Compiled {
  validate(rule);
  return compile(rule, true, ANY).f;
}

/** Convenience: `compileLogic(rule)(data)`. */
export function applyLogic(rule: Logic, data: unknown): unknown {
  return compileLogic(rule)(data);
}

/** jsonLogic.truthy, exported for callers that need the same notion of truth. */
export { truthy };
