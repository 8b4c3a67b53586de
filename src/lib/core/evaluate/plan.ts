// The fast path's compiler: every JSON Logic expression of a bundle (verdicts, parts, figures, list matches)
// is compiled into one shared graph of closures. Why it is faster than compiling each expression alone:
// - identical subexpressions (the 任现职以来 window start, a definition used by several rules and levels) are
//   compiled once, by structure, and the costly ones are evaluated once per record (memoised);
// - the fold shapes the compiler emits run as straight loops without a fresh array per item (folds.ts).
// Semantics stay json-logic-js's: only the record-scope graph is shared, every node still computes what its
// own logic computes, and the differential tests compare the results with the reference path. The one visible
// difference: within one record, a memoised node that yields an array hands every use the same array, where
// json-logic-js would build equal copies (nothing in the evaluator or the explanations mutates results).
import { compileStandard, compileWithHooks, compiledNode, type Compiled, type CompiledNode, type Logic } from './jsonlogic.ts';
import { recogniseFold } from './folds.ts';
import { CAN_GENERATE, Fuser } from './fused.ts';

const SCOPED = new Set(['filter', 'map', 'reduce', 'all', 'none', 'some']);

/**
 * Hash-consing of logic by structure: equal JSON gets one id. Ids are built bottom-up from the children's ids,
 * so a big bundle is keyed in linear time. Per id: subtree size, and whether it contains a list operation.
 */
class Structure {
  private byKey = new Map<string, number>();
  private byObject = new WeakMap<object, number>();
  readonly size: number[] = [];
  readonly heavy: boolean[] = [];
  /** Whether the node reads the sweep parameter (its value changes within one record). */
  readonly volatile: boolean[] = [];
  constructor(private param?: string) {}

  id(x: unknown): number {
    if (typeof x !== 'object' || x === null) return this.intern(primitiveKey(x), 1, false, false);
    const known = this.byObject.get(x);
    if (known !== undefined) return known;
    let key: string, size = 1, heavy = false, volatile = false;
    if (Array.isArray(x)) {
      const ids: number[] = [];
      for (let i = 0; i < x.length; i++) {
        const c = i in x ? this.id(x[i]) : -1; // a hole (never in JSON) keys apart from undefined
        ids.push(c);
        if (c >= 0) (size += this.size[c]), (heavy ||= this.heavy[c]), (volatile ||= this.volatile[c]);
      }
      key = `a${ids.join(',')}`;
    } else {
      const keys = Object.keys(x);
      const parts: string[] = [];
      for (const k of keys) {
        const c = this.id((x as Record<string, unknown>)[k]);
        parts.push(`${JSON.stringify(k)}:${c}`);
        size += this.size[c];
        heavy ||= this.heavy[c];
        volatile ||= this.volatile[c];
      }
      if (this.param !== undefined && isParam(x, this.param)) volatile = true;
      // list operations, and `missing` (which re-reads the data by name), are worth a memo at any size
      if (keys.length === 1 && (SCOPED.has(keys[0]) || keys[0].startsWith('missing'))) heavy = true;
      key = `o${parts.join(',')}`;
    }
    const id = this.intern(key, size, heavy, volatile);
    this.byObject.set(x, id);
    return id;
  }

  private intern(key: string, size: number, heavy: boolean, volatile: boolean): number {
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.size.length;
      this.byKey.set(key, id);
      this.size.push(size);
      this.heavy.push(heavy);
      this.volatile.push(volatile);
    }
    return id;
  }
}

function primitiveKey(x: unknown): string {
  if (typeof x === 'number') return Object.is(x, -0) ? 'n-0' : `n${x}`;
  if (typeof x === 'string') return `s${x}`;
  return `${typeof x}:${String(x)}`;
}

/**
 * Memoise what costs more than the memo's own check: list operations and nodes of some size. (Counting which
 * nodes are shared does not pay: a window start sits under one shared [FROM, 0] pair yet runs in every fold.)
 */
const MEMO_MIN_SIZE = 8;

/** `{ "var": path }` exactly: how a sweep's parameter appears in a bundle (see impact/sweep.ts). */
function isParam(x: unknown, path: string): boolean {
  const keys = Object.keys(x as object);
  return keys.length === 1 && keys[0] === 'var' && (x as { var: unknown }).var === path;
}

/**
 * A sweep parameter: root-scope `{ "var": path }` reads `cell.value` instead of the record. Nodes that read it
 * are memoised per step (`Plan.step()`), everything else per record, so a sweep computes each applicant's
 * sums once and only the comparisons that depend on the parameter once per step.
 */
export interface PlanParam {
  path: string;
  cell: { value: unknown };
}

export class Plan {
  private structure: Structure;
  private nodes = new Map<number, CompiledNode>();
  /** One evaluation context per record: memo cells hold the generation they were filled in. */
  private state = { gen: 0, step: 0, record: undefined as unknown };
  private hooks = { root: (rule: Logic, esc: boolean) => this.root(rule, esc) };
  /** Folds over one list run as one generated loop (fused.ts), where code may be generated. */
  private fuser: Fuser | null;

  constructor(private param?: PlanParam, options: { fuse?: boolean } = {}) {
    this.structure = new Structure(param?.path);
    this.fuser = (options.fuse ?? CAN_GENERATE) ? new Fuser(this.state) : null;
  }

  /** The parameter's value changed: forget what depends on it. */
  step(): void {
    this.state.step++;
  }

  /** A root expression as a function of the record. Call `begin` before each record. */
  compile(rule: Logic): Compiled {
    const f = compileWithHooks(rule, this.hooks).f;
    const state = this.state;
    // A caller that skips `begin` still gets a fresh context when the record object changes.
    return (record) => {
      if (state.record !== record) this.begin(record);
      return f(record);
    };
  }

  /** A new record (or the same object, changed): forget every memoised value. */
  begin(record: unknown): void {
    this.state.record = record;
    this.state.gen++;
  }

  private root(rule: Logic, esc: boolean): CompiledNode | null {
    if (typeof rule !== 'object' || rule === null) return null;
    const param = this.param;
    if (param && !Array.isArray(rule) && isParam(rule, param.path)) return compiledNode(() => param.cell.value);
    const id = this.structure.id(rule);
    // Constant arrays may be shared where they do not escape, so the two compilations are keyed apart; a
    // memoised node is computed once per record anyway, so it is compiled escaping (fresh arrays) and shared.
    const shared = this.structure.heavy[id] || this.structure.size[id] >= MEMO_MIN_SIZE;
    const key = shared || esc ? 2 * id + 1 : 2 * id;
    let node = this.nodes.get(key);
    if (node) return node;
    node = recogniseFold(rule, shared || esc, this.fuser) ?? compileStandard(rule, shared || esc);
    if (shared && !node.k) node = memo(node, this.state, this.structure.volatile[id]);
    this.nodes.set(key, node);
    return node;
  }
}

function memo(node: CompiledNode, state: { gen: number; step: number }, volatile: boolean): CompiledNode {
  const f = node.f;
  let gen = -1, step = -1;
  let value: unknown;
  return compiledNode(
    volatile
      ? (d) => {
          if (gen === state.gen && step === state.step) return value;
          value = f(d);
          gen = state.gen;
          step = state.step;
          return value;
        }
      : (d) => {
          if (gen === state.gen) return value;
          value = f(d);
          gen = state.gen;
          return value;
        },
    node.leak,
    node.bool
  );
}
