// What the checker knows while it elaborates expressions: the declarations of every file, the 基准日,
// and the diagnostics found so far.
import type * as A from '../../../../grammar/ast.ts';
import { diag, type Diagnostic, type MessageId } from '../diagnostics/index.ts';
import type { FieldInfo } from '../records/fields.ts';
import type { IR, Window } from '../ir.ts';

export interface Declared<D> {
  decl: D;
  used: boolean;
}

export interface CheckContext {
  referenceDate: string;
  consts: Map<string, Declared<Extract<A.Decl, { kind: 'const' }>> & { value?: IR; busy?: boolean }>;
  defs: Map<string, Declared<Extract<A.Decl, { kind: 'define' }>>>;
  windows: Map<string, Declared<Extract<A.Decl, { kind: 'window' }>> & { value?: Window | null; busy?: boolean }>;
  /** Ordered enumerations by field path (education.degree → college < … < doctor). */
  orders: Map<string, string[]>;
  /** The date field of each list, by list path (achievements.contracts → signed_on). */
  dateFields: Map<string, string>;
  diagnostics: Diagnostic[];
  /** Steps taken so far (see LIMITS.checkSteps); once exhausted, the rest is not checked. */
  steps: number;
  exhausted: boolean;
}

export interface Scope {
  /** Inside 其中/取 of an aggregation: the list item's field info. */
  item: FieldInfo | null;
  list?: string;
}

export interface Env {
  ctx: CheckContext;
  scope: Scope;
  params: Map<string, IR>;
  /** Definitions being expanded, to catch recursion. */
  stack: string[];
}

export function report(env: Env | CheckContext, id: MessageId, span: A.Span, args: Record<string, string | number> = {}, suggestions?: string[]): void {
  const ctx = 'ctx' in env ? env.ctx : env;
  ctx.diagnostics.push(diag(id, span, args, suggestions));
}
