// What the evaluator records: every part's value for one applicant and level. Typed data, no text.
export interface FigureTrace {
  value: unknown;
  target: unknown;
}

export interface MatchedItem {
  index: number;
  key: string;
  value?: unknown;
}

export interface ListTrace {
  items: MatchedItem[];
}

export interface RuleTrace {
  held: boolean;
  figures: FigureTrace[];
  lists: ListTrace[];
}

export interface ComponentTrace {
  raw: number;
  points: number;
  lists: ListTrace[];
}

export interface LevelTrace {
  verdict: 'pass' | 'fail' | 'ineligible';
  route: 'regular' | 'direct' | null;
  score: number | null;
  gates: RuleTrace[];
  regular: RuleTrace[];
  directRequires: RuleTrace[];
  directLines: RuleTrace[];
  items: RuleTrace[];
  met: number;
  components: ComponentTrace[];
}
