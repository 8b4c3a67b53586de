// Two checked expressions side by side: what changed inside a clause that kept its place. Walks both trees
// together; where their shapes agree it names the leaf that differs (a threshold, a window, a set of values, an
// operator), and where they do not it says the condition was rewritten.
import type { IR } from '../ir.ts';
import { labelOf, unitOf } from '../compile/bundle.ts';
import { formatValue } from '../evaluate/format.ts';

export type LeafKind = 'threshold' | 'points' | 'window' | 'values' | 'operator' | 'rewritten';

export interface LeafChange {
  kind: LeafKind;
  /** What the changed leaf measures: "促成技术合同成交额". */
  subject: string;
  old: string;
  new: string;
}

const OP: Record<string, string> = { '==': '=', '!=': '≠', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

/** An IR node's content without positions and display names: equal when two versions compute the same. */
export function irKey(ir: unknown): string {
  return JSON.stringify(ir, (k, v) => (k === 'span' || k === 'label' || k === 'atomic' || k === 'listLabel' ? undefined : v));
}

function litText(ir: Extract<IR, { k: 'lit' }>, context: IR[]): string {
  const unit = ir.display ? { name: ir.display.unit, factor: ir.display.factor } : unitOf(ir, ...context);
  const enumLabels = ir.type.t === 'enum' ? ir.type.labels : undefined;
  return formatValue(ir.value, { kind: typeof ir.value === 'number' ? 'number' : 'string', unit, enumLabels });
}

function setText(ir: Extract<IR, { k: 'in' }>): string {
  const labels = ir.value.type.t === 'enum' ? ir.value.type.labels : undefined;
  return ir.set.map((x) => formatValue(x, { kind: typeof x === 'number' ? 'number' : 'string', enumLabels: labels })).join('、');
}

/** The leaves that differ between two versions of an expression; [] when they compute the same. */
export function diffIr(a: IR, b: IR, subject: string, context: IR[] = []): LeafChange[] {
  if (irKey(a) === irKey(b)) return [];
  const rewritten = (): LeafChange[] => [{ kind: 'rewritten', subject, old: '', new: '' }];
  if (a.k !== b.k) return rewritten();
  switch (a.k) {
    case 'lit': {
      const y = b as typeof a;
      const points = a.type.t === 'number' && a.type.dim === 'points';
      return [{ kind: points ? 'points' : 'threshold', subject, old: litText(a, context), new: litText(y, context) }];
    }
    case 'field': return rewritten();
    case 'cmp': {
      const y = b as typeof a;
      const s = labelOf(a.left.k === 'lit' ? a.right : a.left);
      const out: LeafChange[] = a.op !== y.op ? [{ kind: 'operator', subject: s, old: OP[a.op], new: OP[y.op] }] : [];
      return [...out, ...diffIr(a.left, y.left, s, [a.right]), ...diffIr(a.right, y.right, s, [a.left])];
    }
    case 'in': {
      const y = b as typeof a;
      const inner = diffIr(a.value, y.value, subject);
      if (irKey(a.set) === irKey(y.set)) return inner;
      return [...inner, { kind: 'values', subject: labelOf(a.value), old: setText(a), new: setText(y) }];
    }
    case 'startsWith': {
      const y = b as typeof a;
      const inner = diffIr(a.value, y.value, subject);
      return a.prefix === y.prefix ? inner : [...inner, { kind: 'threshold', subject: labelOf(a.value), old: `“${a.prefix}”`, new: `“${y.prefix}”` }];
    }
    case 'not': case 'floor': return diffIr(a.arg, (b as typeof a).arg, subject, context);
    case 'and': case 'or': case 'min': {
      const y = b as typeof a;
      if (a.k !== y.k || a.args.length !== y.args.length) return rewritten();
      return a.args.flatMap((x, i) => diffIr(x, y.args[i], x.label ?? subject, context));
    }
    case 'arith': {
      const y = b as typeof a;
      if (a.op !== y.op) return rewritten();
      return [...diffIr(a.left, y.left, subject, [a.right]), ...diffIr(a.right, y.right, subject, [a.left])];
    }
    case 'if': {
      const y = b as typeof a;
      return [...diffIr(a.cond, y.cond, subject), ...diffIr(a.then, y.then, subject, context), ...diffIr(a.else, y.else, subject, context)];
    }
    case 'agg': {
      const y = b as typeof a;
      if (a.agg !== y.agg || a.list !== y.list || !!a.where !== !!y.where || !!a.take !== !!y.take || !!a.window !== !!y.window) return rewritten();
      const s = labelOf(a);
      const out: LeafChange[] = [];
      if (a.window && y.window && (a.window.label !== y.window.label || irKey(a.window) !== irKey(y.window))) {
        out.push({ kind: 'window', subject: s, old: a.window.label, new: a.window.label === y.window.label ? `${y.window.label}（起算已改）` : y.window.label });
      }
      if (a.where) out.push(...diffIr(a.where, y.where!, s));
      if (a.take) out.push(...diffIr(a.take, y.take!, s));
      return out;
    }
    default: {
      const never: never = a;
      return never;
    }
  }
}
