// The checked intermediate representation: what the checker produces and the compiler consumes.
// Definitions are inlined, constants folded, quantities normalised to base units (元, 学时, 分), enum
// orderings turned into sets, and time windows resolved against the 基准日.
import type { Span } from '../../../grammar/ast.ts';
import type { Type } from './check/types.ts';

export type Scalar = number | string | boolean | null;

interface Base {
  span: Span;
  type: Type;
  /** What an explanation calls this value (a definition's label, a field's Chinese label). */
  label?: string;
  /** How to print a money/hours value: the unit the author wrote next to it (万元 for 500万元). */
  display?: DisplayUnit;
  /** Set on the expansion of a parameterless definition: explanations show it as one named condition. */
  atomic?: boolean;
}

export interface DisplayUnit {
  unit: string;
  factor: number;
}

export interface Window {
  /** Inclusive first date; null: no lower bound. Evaluated in record scope; may depend on the record. */
  from: IR | null;
  /** Inclusive last date: always the 基准日. */
  to: string;
  label: string;
  span: Span;
}

export type AggKind = 'count' | 'sum' | 'max' | 'exists' | 'all';

export type IR = Base &
  (
    | { k: 'lit'; value: Scalar }
    | { k: 'field'; path: string; item: boolean }
    | { k: 'not'; arg: IR }
    | { k: 'and' | 'or'; args: IR[] }
    | { k: 'cmp'; op: '==' | '!=' | '<' | '<=' | '>' | '>='; left: IR; right: IR }
    | { k: 'in'; value: IR; set: Scalar[]; written?: string }
    | { k: 'startsWith'; value: IR; prefix: string }
    | { k: 'arith'; op: '+' | '-' | '*' | '/'; left: IR; right: IR }
    | { k: 'floor'; arg: IR }
    | { k: 'min'; args: IR[] }
    | { k: 'if'; cond: IR; then: IR; else: IR }
    | {
        k: 'agg';
        agg: AggKind;
        list: string;
        listLabel: string;
        dateField?: string;
        where?: IR;
        window?: Window;
        take?: IR;
      }
  );

export type IRKind = IR['k'];

/** True when the value depends on the applicant's record outside the current list item. */
export function dependsOnRecord(ir: IR): boolean {
  switch (ir.k) {
    case 'lit': return false;
    case 'field': return !ir.item;
    case 'not': return dependsOnRecord(ir.arg);
    case 'and': case 'or': case 'min': return ir.args.some(dependsOnRecord);
    case 'cmp': case 'arith': return dependsOnRecord(ir.left) || dependsOnRecord(ir.right);
    case 'in': case 'startsWith': return dependsOnRecord(ir.value);
    case 'floor': return dependsOnRecord(ir.arg);
    case 'if': return dependsOnRecord(ir.cond) || dependsOnRecord(ir.then) || dependsOnRecord(ir.else);
    case 'agg': return true;
    default: {
      const never: never = ir;
      return never;
    }
  }
}
