// IR → JSON Logic, using only the strictly specified core that every conformant engine runs alike (see
// "The compiled JSON Logic" in docs/language.md): strict equality, no `method`, `log` or custom operations,
// reduce initial values that are plain literals, accumulators that hold only scalars, and no array literal
// holding a rule (merge builds those arrays).
//
// The known trap: inside filter/map/reduce/all/some an engine sees only the current item, so "contracts
// signed since the applicant's current title" cannot read current_title.obtained_on from there. Windows
// whose first day depends on the record are compiled as a reduce over merge(firstDay, list): its first step
// turns the first day into the accumulator pair [firstDay, initial], every later step reads the first day
// back from accumulator.0 and builds the next pair with merge. A final one-step reduce takes the pair's last
// element. Constant windows (近5年, 截至基准日) are folded into plain dates.
import { dependsOnRecord, type IR, type Window } from '../ir.ts';

export type Logic = unknown;

/** How list-item fields are addressed: in `filter` plainly, in `reduce` under `current.`. */
interface ItemCtx {
  prefix: '' | 'current.';
  /** Where a record-dependent window start is read from inside the step. */
  from?: Logic;
  acc?: Logic;
}

const v = (path: string): Logic => ({ var: path });
/**
 * The checker only lets values of one type (or 空) be compared for equality, so strict equality says the same
 * as loose; strict engines refuse loose equality between an object and null, which json-logic-js allows.
 */
const strict = (op: Extract<IR, { k: 'cmp' }>['op']): string => (op === '==' ? '===' : op === '!=' ? '!==' : op);
const last = (pairLogic: Logic): Logic => ({ reduce: [pairLogic, v('current'), null] });

/**
 * A fold whose step needs a record value (the window's first day): reduce over [firstDay, ...list]. The first
 * step makes the pair [firstDay, initial]; each later one the pair [firstDay, step]. `initial` and every value
 * of `step` are scalars (engines such as json-logic-engine refuse accumulators that hold objects or arrays).
 */
function pairFold(list: Logic, firstDay: Logic, step: Logic, initial: number | string): Logic {
  const next = { merge: [v('accumulator.0'), step] };
  const seed = { merge: [v('current'), initial] };
  return last({ reduce: [{ merge: [firstDay, list] }, { if: [v('accumulator'), next, seed] }, null] });
}

export function toLogic(ir: IR, item?: ItemCtx): Logic {
  switch (ir.k) {
    case 'lit': return ir.value;
    case 'field': return v(ir.item ? `${item?.prefix ?? ''}${ir.path}` : ir.path);
    case 'not': return { '!': [toLogic(ir.arg, item)] };
    case 'and': case 'or': return { [ir.k]: ir.args.map((a) => toLogic(a, item)) };
    case 'cmp': return { [strict(ir.op)]: [toLogic(ir.left, item), toLogic(ir.right, item)] };
    case 'in': return { in: [toLogic(ir.value, item), ir.set] };
    case 'startsWith': return { '===': [{ substr: [toLogic(ir.value, item), 0, ir.prefix.length] }, ir.prefix] };
    case 'arith': return { [ir.op]: [toLogic(ir.left, item), toLogic(ir.right, item)] };
    case 'floor': return floor(ir.arg, item);
    case 'min': return { min: ir.args.map((a) => toLogic(a, item)) };
    case 'if': {
      const args: Logic[] = [];
      let node: IR = ir;
      while (node.k === 'if') {
        args.push(toLogic(node.cond, item), toLogic(node.then, item));
        node = node.else;
      }
      args.push(toLogic(node, item));
      return { if: args };
    }
    case 'agg': return aggregate(ir);
    default: {
      const never: never = ir;
      return never;
    }
  }
}

/**
 * floor(a / b) with a constant b > 0 is (a - a % b) / b: exact on integers (元), no float of 万元.
 * The dividend is bound once by a reduce over the one-element list merge(x) ("let"), so a costly sum is not
 * evaluated twice.
 */
function floor(arg: IR, item?: ItemCtx): Logic {
  const c = v('current');
  if (arg.k === 'arith' && arg.op === '/' && arg.right.k === 'lit' && typeof arg.right.value === 'number' && arg.right.value > 0) {
    const b = arg.right.value;
    return { reduce: [{ merge: [toLogic(arg.left, item)] }, { '/': [{ '-': [c, { '%': [c, b] }] }, b] }, 0] };
  }
  // General case: x - x % 1, minus one more for negative non-integers.
  const frac = { '%': [c, 1] };
  return { reduce: [{ merge: [toLogic(arg, item)] }, { '-': [{ '-': [c, frac] }, { if: [{ '<': [frac, 0] }, 1, 0] }] }, 0] };
}

function windowConds(ir: Extract<IR, { k: 'agg' }>, item: ItemCtx): Logic[] {
  const w = ir.window;
  if (!w || !ir.dateField) return [];
  const date = v(`${item.prefix}${ir.dateField}`);
  const conds: Logic[] = [];
  if (w.from) conds.push({ '>=': [date, item.from ?? toLogic(w.from)] });
  conds.push({ '<=': [date, w.to] });
  return conds;
}

/** The item condition: window bounds and the 其中 filter. Null when every item counts. */
export function itemCondition(ir: Extract<IR, { k: 'agg' }>, item: ItemCtx, negateWhere = false): Logic | null {
  const conds = windowConds(ir, item);
  if (ir.where) {
    const w = toLogic(ir.where, item);
    conds.push(negateWhere ? { '!': [w] } : w);
  } else if (negateWhere) {
    conds.push(false);
  }
  if (!conds.length) return null;
  return conds.length === 1 ? conds[0] : { and: conds };
}

export function isDynamic(w: Window | undefined): boolean {
  return !!w?.from && dependsOnRecord(w.from);
}

function aggregate(ir: Extract<IR, { k: 'agg' }>): Logic {
  if (ir.agg === 'exists') return { '>': [fold(ir, 'count'), 0] };
  if (ir.agg === 'all') return { '===': [fold(ir, 'count', true), 0] };
  return fold(ir, ir.agg);
}

/** A count, sum or max over a list, as one reduce (a pair-reduce when the window depends on the record). */
export function fold(ir: Extract<IR, { k: 'agg' }>, kind: 'count' | 'sum' | 'max', negateWhere = false): Logic {
  const list = v(ir.list);
  const dynamic = isDynamic(ir.window);
  const acc = dynamic ? v('accumulator.1') : v('accumulator');
  const item: ItemCtx = { prefix: 'current.', ...(dynamic ? { from: v('accumulator.0') } : {}) };
  const cond = itemCondition(ir, item, negateWhere);
  const take = ir.take ? toLogic(ir.take, item) : 1;
  let step: Logic;
  if (kind === 'max') step = cond === null ? { max: [acc, take] } : { if: [cond, { max: [acc, take] }, acc] };
  else {
    const amount = kind === 'count' ? 1 : take;
    step = { '+': [acc, cond === null ? amount : { if: [cond, amount, 0] }] };
  }
  if (!dynamic) return { reduce: [list, step, 0] };
  return pairFold(list, toLogic(ir.window!.from!), step, 0);
}

/**
 * Which list items an aggregation counts, for explanations (the same conditions as the fold): a text with one
 * character per item, "1" counted and "0" not. A text keeps the accumulator a scalar in every engine and names
 * the items by position, so no engine has to hand back the record's own item objects.
 */
export function matches(ir: Extract<IR, { k: 'agg' }>): Logic {
  const list = v(ir.list);
  const dynamic = isDynamic(ir.window);
  const acc = dynamic ? v('accumulator.1') : v('accumulator');
  const cond = itemCondition(ir, { prefix: 'current.', ...(dynamic ? { from: v('accumulator.0') } : {}) });
  const step = { cat: [acc, cond === null ? '1' : { if: [cond, '1', '0'] }] };
  return dynamic ? pairFold(list, toLogic(ir.window!.from!), step, '') : { reduce: [list, step, ''] };
}
