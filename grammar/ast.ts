// The AST: plain data, a discriminated union on `kind`, every node with a source span. No methods.

export interface Span {
  file: string;
  start: number; // offset, inclusive
  end: number; // offset, exclusive
  line: number; // 1-based
  col: number; // 1-based
  endLine: number;
  endCol: number;
}

export interface Name {
  text: string;
  span: Span;
}

export interface Label {
  text: string;
  span: Span;
}

// ---------- expressions ----------

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';
export type ArithOp = '+' | '-' | '*' | '/';
export type AggregateKind = 'count' | 'sum' | 'max' | 'exists' | 'all';

export type Expr =
  | { kind: 'number'; value: number; text: string; span: Span }
  | { kind: 'quantity'; value: number; unit: string; text: string; span: Span }
  | { kind: 'date'; value: string; span: Span }
  | { kind: 'string'; value: string; span: Span }
  | { kind: 'boolean'; value: boolean; span: Span }
  | { kind: 'null'; span: Span }
  | { kind: 'referenceDate'; span: Span }
  | { kind: 'ref'; path: Name[]; span: Span }
  | { kind: 'call'; callee: Name; args: Expr[]; span: Span }
  | { kind: 'not'; arg: Expr; span: Span }
  | { kind: 'logical'; op: 'and' | 'or'; args: Expr[]; span: Span }
  | { kind: 'compare'; op: CompareOp; left: Expr; right: Expr; span: Span }
  | { kind: 'memberOf'; value: Expr; set: Expr[]; span: Span }
  | { kind: 'startsWith'; value: Expr; prefix: Expr; span: Span }
  | { kind: 'fullPeriod'; date: Expr; period: Expr; span: Span }
  | { kind: 'arith'; op: ArithOp; left: Expr; right: Expr; span: Span }
  | { kind: 'negate'; arg: Expr; span: Span }
  | { kind: 'floor'; arg: Expr; span: Span }
  | { kind: 'aggregate'; agg: AggregateKind; list: Name[]; where?: Expr; window?: Name; take?: Expr; span: Span }
  | { kind: 'case'; arms: { when: Expr; then: Expr; span: Span }[]; otherwise?: Expr; span: Span }
  | { kind: 'error'; span: Span };

export type ExprKind = Expr['kind'];

// ---------- windows ----------

export type WindowExpr =
  | { kind: 'recent'; period: Expr; span: Span }
  | { kind: 'since'; from: Expr; span: Span }
  | { kind: 'conditional'; cond: Expr; then: WindowExpr; else: WindowExpr; span: Span }
  | { kind: 'allTime'; span: Span };

// ---------- rules ----------

/** A labelled condition: a gate, a route line, a performance item. */
export interface Rule {
  id?: Name;
  label: Label;
  expr: Expr;
  reason?: Label;
  span: Span;
}

export interface ScoreComponent {
  id: Name;
  label: Label;
  cap?: Expr;
  expr: Expr;
  span: Span;
}

export interface ProcedureParam {
  name: Name;
  op?: CompareOp;
  value?: Expr;
  texts?: Label[];
  span: Span;
}

// ---------- declarations ----------

export type Decl =
  | { kind: 'import'; path: Label; span: Span }
  | { kind: 'header'; name: Label; year?: Expr; referenceDate?: Expr; issuers: Label[]; span: Span }
  | { kind: 'order'; field: Name[]; values: Name[]; span: Span }
  | { kind: 'dateField'; field: Name[]; span: Span }
  | { kind: 'const'; name: Name; label?: Label; value: Expr; span: Span }
  | { kind: 'define'; name: Name; params: Name[]; label?: Label; body: Expr; span: Span }
  | { kind: 'window'; name: Name; label?: Label; window: WindowExpr; span: Span }
  | { kind: 'gateGroup'; name: Name; label?: Label; gates: Rule[]; span: Span }
  | { kind: 'scoreTable'; name: Name; label?: Label; components: ScoreComponent[]; span: Span }
  | { kind: 'committee'; name: Name; label?: Label; params: ProcedureParam[]; span: Span }
  | { kind: 'level'; name: Name; entries: LevelEntry[]; span: Span };

export type LevelEntry =
  | { kind: 'code'; value: Label; span: Span }
  | { kind: 'tier'; value: Name; span: Span }
  | { kind: 'postGrades'; from: Expr; to: Expr; span: Span }
  | { kind: 'committeeRef'; name: Name; span: Span }
  | { kind: 'methods'; values: Label[]; span: Span }
  | { kind: 'gatesRef'; name: Name; span: Span }
  | { kind: 'regularRoute'; label: Label; lines: Rule[]; span: Span }
  | { kind: 'directRoute'; label: Label; waives: Name; requires: Rule[]; lines: Rule[]; span: Span }
  | { kind: 'performance'; label: Label; need: Expr; items: Rule[]; span: Span }
  | { kind: 'scoreRef'; table: Name; minimum: Expr; span: Span };

export interface SourceFileAst {
  kind: 'file';
  path: string;
  decls: Decl[];
  comments: { text: string; span: Span }[];
  span: Span;
}
