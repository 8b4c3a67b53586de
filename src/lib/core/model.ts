// The checked standard set: what the checker hands to the compiler. Expressions are IR.
import type { Span } from '../../../grammar/ast.ts';
import type { IR } from './ir.ts';

export interface RuleModel {
  id?: string;
  label: string;
  reason?: string;
  ir: IR;
  span: Span;
}

export interface ComponentModel {
  id: string;
  label: string;
  cap: number | null;
  ir: IR;
  span: Span;
}

export interface ProcedureParamModel {
  name: string;
  op?: string;
  value?: number;
  ratio?: [number, number];
  unit?: string;
  texts?: string[];
}

export interface CommitteeModel {
  name: string;
  label: string;
  params: ProcedureParamModel[];
  /** The source line of each parameter, params[i] at paramSpans[i]. */
  paramSpans: Span[];
  span: Span;
}

export interface LevelModel {
  name: string;
  code: string;
  tier: string;
  postGrades: [number, number];
  committee: string | null;
  methods: string[];
  gates: { label: string; rules: RuleModel[]; span: Span };
  regular: { label: string; lines: RuleModel[]; span: Span } | null;
  direct: { label: string; requires: RuleModel[]; lines: RuleModel[]; span: Span } | null;
  performance: { label: string; need: number; items: RuleModel[]; span: Span };
  scoring: { label: string; minimum: number; components: ComponentModel[]; span: Span };
  span: Span;
}

export interface StandardSetModel {
  meta: { name: string; year: number; referenceDate: string; issuers: string[] };
  /** The 标准集 header's span (title, 基准日, 发布单位). */
  headerSpan: Span;
  committees: CommitteeModel[];
  levels: LevelModel[];
}
