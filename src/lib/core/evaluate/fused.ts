// Fused fold loops: every count, sum, maximum and match mask over the same list (and the same window start)
// runs in one generated loop, per record, instead of one loop each. Why it is faster:
// - a bundle folds each list many times (the 2026 set: 105 list matches and their counts over six lists); one
//   pass reads each item once, and each field of it once (`const v0 = …`), for every fold;
// - a condition that several folds share (a count and the match mask of the same rule) is tested once;
// - the loop is JavaScript source compiled by V8 (new Function), not a tree of closures.
//
// The generated code says what items.ts's closures say, shape for shape (the emitters below follow itemValue
// and itemTest line by line, and return null where they return null), and the loop says what folds.ts's
// stepLoop and maskLoop say; test/core/evaluate/folds.test.ts runs random folds, several over one list, on
// hostile data, against json-logic-js.
//
// Only where code may be generated: Node (the CLI, the server, the tests). A browser page and the editor's
// worker keep the closures, so that the app runs under a Content-Security-Policy without 'unsafe-eval'.
import { truthy } from './jsonlogic.ts';
import { opOf } from './folds.ts';
import { fieldKey, isFrom, isPrimitive, readPath as path, type ItemScope } from './items.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Whether this runtime may compile generated code: only Node (never a browser page or a browser's worker, such
 * as the editor's), and only where new Function works.
 */
export function canGenerate(g: { document?: unknown; process?: { versions?: { node?: unknown } } }): boolean {
  if (typeof g.document !== 'undefined' || typeof g.process?.versions?.node !== 'string') return false;
  try {
    return new Function('return 1')() === 1;
  } catch {
    return false; // a runtime that forbids it
  }
}

export const CAN_GENERATE = canGenerate(globalThis);

/** One fold of a group: a count or sum (`sum`), a maximum (`max`) or a match mask (`mask`). */
export interface Member {
  kind: 'sum' | 'max' | 'mask';
  /** The item condition (null: every item); its logic, in the fold's scope. */
  test: unknown | null;
  /** The value added or compared (sum, max). */
  value?: unknown;
  /** The accumulator's first value, per record (sum, max). */
  init?: (d: any) => any;
  /** A pair fold: an undefined result reads as null (the outer reduce reads it through `var`). */
  pair: boolean;
}

const COMPARE = new Set(['==', '===', '!=', '!==', '>', '>=', '<', '<=']);

/** What a generated loop reads: constants by index, the item's plain fields as locals. */
class Emitter {
  readonly consts: unknown[] = [];
  /** Constant lists by their JSON, so that equal conditions read the same and are tested once. */
  private lists = new Map<string, string>();
  /** Plain field key → local name; read once per item, before the folds. */
  readonly fields = new Map<string, string>();
  constructor(readonly scope: ItemScope) {}

  konst(x: unknown): string {
    if (typeof x === 'number') return Object.is(x, -0) ? '-0' : Number.isFinite(x) ? String(x) : this.ref(x);
    if (typeof x === 'boolean' || x === null) return String(x);
    if (typeof x === 'string') return JSON.stringify(x);
    return this.ref(x);
  }

  ref(x: unknown): string {
    if (!Array.isArray(x)) return `K[${this.consts.push(x) - 1}]`;
    const key = JSON.stringify(x); // arrays of primitives from JSON (indexOf does not tell -0 from 0)
    let name = this.lists.get(key);
    if (!name) this.lists.set(key, (name = `K[${this.consts.push(x) - 1}]`));
    return name;
  }

  /** getter(key) of items.ts, as a local read once per item. */
  field(key: string): string {
    let name = this.fields.get(key);
    if (!name) this.fields.set(key, (name = `v${this.fields.size}`));
    return name;
  }

  // ---------- items.ts, as source ----------

  /** items.ts variable(): the item's field (or nested path), the item itself, or the window's first day. */
  private variable(args: unknown[]): string | null {
    const path = args[0];
    if (args.length !== 1 || typeof path !== 'string') return null;
    const s = this.scope;
    if (s.from && path === 'accumulator.0') return 'f';
    let rest: string;
    if (s.prefix === 'current.') {
      if (path === 'current') return '(c === undefined ? null : c)';
      if (!path.startsWith('current.') || path.length <= 8) return null;
      rest = path.slice(8);
    } else {
      if (path === '' || path.startsWith('accumulator') || path.startsWith('current')) return null;
      rest = path;
    }
    const keys = rest.split('.');
    return keys.length === 1 ? this.field(keys[0]) : `path(c, ${this.ref(keys)})`;
  }

  value(x: unknown): string | null {
    if (isPrimitive(x)) return this.konst(x);
    const o = opOf(x);
    if (!o) return null;
    const [op, args] = o;
    if (op === 'var') return this.variable(args);
    if (op === 'if') return this.ifChain(args);
    if ((op === '*' || op === '+') && args.length === 2) {
      const a = this.value(args[0]), b = this.value(args[1]);
      if (a === null || b === null) return null;
      return op === '*' ? `(pf(${a}) * pf(${b}))` : `(0 + pf(${a}) + pf(${b}))`;
    }
    return op === 'and' || op === 'or' ? null : this.test(x, false);
  }

  private ifChain(args: unknown[]): string | null {
    const parts: string[] = [];
    let i = 0;
    for (; i < args.length - 1; i += 2) {
      const c = this.test(args[i]), v = this.value(args[i + 1]);
      if (c === null || v === null) return null;
      parts.push(`${c} ? ${v} : `);
    }
    const last = i === args.length - 1 ? this.value(args[i]) : 'null';
    if (last === null) return null;
    return `(${parts.join('')}${last})`;
  }

  /** A condition, as a boolean (items.ts itemTest). */
  test(x: unknown, fallback = true): string | null {
    const o = opOf(x);
    if (o) {
      const [op, args] = o;
      if (COMPARE.has(op) && args.length === 2) {
        const key = fieldKey(args[0], this.scope);
        if (key !== null && (isPrimitive(args[1]) || (this.scope.from && isFrom(args[1])))) {
          return `(${this.field(key)} ${op} ${isPrimitive(args[1]) ? this.konst(args[1]) : 'f'})`;
        }
        const a = this.value(args[0]);
        if (a === null) return null;
        const b = isPrimitive(args[1]) ? this.konst(args[1]) : this.value(args[1]);
        return b === null ? null : `(${a} ${op} ${b})`;
      }
      if (op === 'in' && args.length === 2) {
        const set = args[1];
        const a = this.value(args[0]);
        if (a === null || !(typeof set === 'string' || (Array.isArray(set) && set.every(isPrimitive) && set.length === Object.keys(set).length))) return null;
        return `(${this.ref(set)}.indexOf(${a}) !== -1)`;
      }
      if (op === 'and' && args.length >= 2) {
        const w = this.window(args[0], args[1]);
        if (w !== null) {
          if (args.length === 2) return w;
          const rest = this.test({ and: args.slice(2) });
          if (rest !== null) return `(${w} && ${rest})`;
        }
      }
      if (op === 'and' || op === 'or') {
        const ts = args.map((a) => this.test(a));
        if (ts.some((t) => t === null)) return null;
        if (ts.length === 0) return 'false';
        return `(${ts.join(op === 'and' ? ' && ' : ' || ')})`;
      }
      if ((op === '!' || op === '!!') && args.length === 1) {
        const t = this.test(args[0]);
        if (t === null) return null;
        return op === '!' ? `!${t}` : t;
      }
    }
    if (!fallback) return null;
    const v = this.value(x);
    return v === null ? null : `truthy(${v})`;
  }

  /** items.ts windowTest: {"and":[{">=":[FIELD,{"var":"accumulator.0"}]},{"<=":[FIELD,DAY]},…]}. */
  private window(lo: unknown, hi: unknown): string | null {
    const a = opOf(lo), b = opOf(hi);
    if (!this.scope.from || !a || !b || a[0] !== '>=' || b[0] !== '<=' || a[1].length !== 2 || b[1].length !== 2) return null;
    const key = fieldKey(a[1][0], this.scope);
    if (key === null || key !== fieldKey(b[1][0], this.scope) || !isFrom(a[1][1]) || !isPrimitive(b[1][1])) return null;
    const v = this.field(key);
    return `(${v} >= f && ${v} <= ${this.konst(b[1][1])})`;
  }
}

/** parseFloat as `+` applies it (see jsonlogic.ts). */
const pf = (x: any): number => (typeof x === 'number' ? x + 0 : parseFloat(x));

/**
 * BITS[n][b]: the mask characters of n items whose bits are b, item k being bit k ("1" where it counted). A
 * mask is made eight characters at a time: one string in eight, where adding one character per item made a
 * string piece per item and per mask (thousands per record, and as many for the collector).
 */
const BITS: string[][] = Array.from({ length: 9 }, (_, n) =>
  Array.from({ length: 1 << n }, (_, b) => {
    let text = '';
    for (let k = 0; k < n; k++) text += b & (1 << k) ? '1' : '0';
    return text;
  })
);

/** A member as generated source: its test and value, or null when items.ts's shapes do not cover it. */
interface Source {
  test: string | null;
  value: string | null;
}

/** The folds of one list (and window start), run together. */
export class FusedGroup {
  private members: Member[] = [];
  private sources: Source[] = [];
  private emitter: Emitter;
  private run: ((arr: any[], f: any, out: any[]) => void) | null = null;
  /** Results of the last record, by member. */
  private out: unknown[] = [];
  private gen = -1;
  private step = -1;

  constructor(scope: ItemScope, private state: { gen: number; step: number }) {
    this.emitter = new Emitter(scope);
  }

  /** Adds a fold, or returns null when its step cannot be generated (the caller keeps its closure loop). */
  add(m: Member): number | null {
    const e = this.emitter;
    const test = m.test === null ? null : e.test(m.test);
    if (m.test !== null && test === null) return null;
    const value = m.kind === 'mask' ? null : e.value(m.value);
    if (m.kind !== 'mask' && value === null) return null;
    this.run = null; // regenerated with the new member at the next record
    this.sources.push({ test, value });
    return this.members.push(m) - 1;
  }

  /** How many folds run in this loop. */
  get size(): number {
    return this.members.length;
  }

  /** Member k's result for record d, of list `arr` (an array) and first day `from`. */
  result(k: number, d: unknown, arr: any[], from: unknown): unknown {
    const s = this.state;
    if (this.gen !== s.gen || this.step !== s.step) {
      const out = this.out;
      for (let i = 0; i < this.members.length; i++) {
        const m = this.members[i];
        out[i] = m.kind === 'mask' ? '' : m.init!(d);
      }
      (this.run ??= this.generate())(arr, from === undefined ? null : from, out);
      this.gen = s.gen;
      this.step = s.step;
    }
    return this.out[k];
  }

  /** The loop's source: the item's fields once, each distinct condition once, then every fold's step. */
  source(): string {
    const e = this.emitter;
    const tests = new Map<string, string>();
    const testOf = (src: string) => {
      let name = tests.get(src);
      if (!name) tests.set(src, (name = `t${tests.size}`));
      return name;
    };
    const steps: string[] = [];
    const accs: string[] = [];
    /** Masks gather eight items' bits at a time, then add their eight characters at once (BITS). */
    const masks: number[] = [];
    this.members.forEach((m, i) => {
      const { test, value } = this.sources[i];
      const t = test === null ? null : testOf(test);
      accs.push(`let a${i} = out[${i}];`);
      if (m.kind === 'mask') {
        masks.push(i);
        steps.push(t === null ? `b${i} |= bit;` : `if (${t}) b${i} |= bit;`);
      }
      else if (m.kind === 'sum') {
        // a count adds the literal 1: pf of a finite number literal is the number (+ 0)
        const add = typeof m.value === 'number' && Number.isFinite(m.value) ? String(m.value + 0) : `pf(${value})`;
        steps.push(t === null ? `a${i} = 0 + pf(a${i}) + ${add};` : `a${i} = 0 + pf(a${i}) + (${t} ? ${add} : 0);`);
      }
      else steps.push(`{ const x = a${i} === undefined ? null : a${i}; a${i} = ${t === null ? '' : `${t} ? `}Math.max(x, ${value})${t === null ? '' : ' : x'}; }`);
    });
    const reads = [...e.fields].map(([key, name]) => `const ${name} = c === null || c === undefined ? null : (r = c[${JSON.stringify(key)}]) === undefined ? null : r;`);
    const conds = [...tests].map(([src, name]) => `const ${name} = ${src};`);
    const ends = this.members.map((m, i) => `out[${i}] = ${m.pair && m.kind !== 'mask' ? `a${i} === undefined ? null : a${i}` : `a${i}`};`);
    const flush = (n: string) => masks.map((i) => `a${i} += BITS[${n}][b${i}]; b${i} = 0;`);
    return [
      ...accs,
      ...masks.map((i) => `let b${i} = 0;`),
      // j counts the items seen (holes are skipped, as reduce skips them): item j is bit j % 8 of its byte
      'let r, j = 0;',
      'for (let i = 0; i < arr.length; i++) {',
      '  const c = arr[i];',
      '  if (c === undefined && !(i in arr)) continue;',
      ...(masks.length ? ['  const bit = 1 << (j & 7);'] : []),
      ...reads.map((x) => `  ${x}`),
      ...conds.map((x) => `  ${x}`),
      ...steps.map((x) => `  ${x}`),
      ...(masks.length ? ['  if ((++j & 7) === 0) {', ...flush('8').map((x) => `    ${x}`), '  }'] : []),
      '}',
      ...(masks.length ? ['if (j & 7) {', ...flush('j & 7').map((x) => `  ${x}`), '}'] : []),
      ...ends
    ].join('\n');
  }

  private generate(): (arr: any[], f: any, out: any[]) => void {
    const make = new Function('K', 'pf', 'truthy', 'path', 'BITS', `return function fusedFolds(arr, f, out) {\n${this.source()}\n};`);
    return make(this.emitter.consts, pf, truthy, path, BITS);
  }
}

/** The groups of one plan, by list logic and window start logic. */
export class Fuser {
  private groups = new Map<string, FusedGroup>();
  constructor(private state: { gen: number; step: number }) {}

  group(list: unknown, from: unknown, scope: ItemScope): FusedGroup {
    const key = JSON.stringify([list, from ?? null, scope.prefix, scope.from]);
    let g = this.groups.get(key);
    if (!g) this.groups.set(key, (g = new FusedGroup(scope, this.state)));
    return g;
  }
}
