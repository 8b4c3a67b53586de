// What the language service answers with. Positions are 1-based (line, col), end column exclusive,
// like diagnostics and like Monaco.
export interface Range {
  file: string;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

export type CompletionKind =
  | 'keyword' | 'field' | 'list' | 'enum' | 'definition' | 'constant' | 'window' | 'unit' | 'level' | 'committee'
  | 'gateGroup' | 'scoreTable' | 'snippet';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  detail?: string;
  documentation?: string;
  insertText?: string;
  /** What typing matches (the Chinese name and the code, so that typing either finds it); the label when absent. */
  filterText?: string;
  /** The word being typed, which the completion replaces. */
  range?: Range;
}

export type OutlineKind =
  | 'header' | 'level' | 'gateGroup' | 'gate' | 'route' | 'item' | 'scoreTable' | 'component' | 'definition'
  | 'constant' | 'window' | 'committee' | 'order' | 'dateField';

export interface OutlineItem {
  name: string;
  kind: OutlineKind;
  range: Range;
  selection: Range;
  children?: OutlineItem[];
}

export interface Clause {
  label: string;
  kind: 'gate' | 'route' | 'item' | 'component';
  range: Range;
  /** JSON Logic over an applicant record: a boolean for gates, route lines and items, points for components. */
  logic: unknown;
  levels: string[];
}

export type SymbolKind = 'field' | 'list' | 'enum' | 'definition' | 'parameter' | 'constant' | 'window' | 'level' | 'gateGroup' | 'scoreTable' | 'committee';

export interface SemanticToken {
  line: number;
  col: number;
  length: number;
  type: SymbolKind;
}
