// The messages between the editor page and its web worker (src/lib/editor/worker.ts). Plain data only:
// everything here crosses postMessage by structured clone.
import type { Diagnostic } from '../core/diagnostics/index.ts';
import type { Clause, CompletionItem, OutlineItem, Range, SemanticToken } from '../core/language/index.ts';
import type { ExplanationNode } from '../core/evaluate/explain.ts';
export type { ExplanationNode };

export type Verdict = 'pass' | 'fail' | 'ineligible';
export type Route = 'regular' | 'direct' | null;

/** Verdict, route and score of one applicant at one level. */
export interface Outcome {
	verdict: Verdict;
	route: Route;
	/** null when ineligible (no score is reported). */
	score: number | null;
}

export interface SourceText {
	path: string;
	text: string;
}

/** A sample applicant as the editor keeps it: the record plus the results pinned as expected. */
export interface EditorSample {
	/** Stable key: the sample file's stem, or a generated one for samples added in the editor. */
	key: string;
	/** Where it came from ("samples/01-junior-minimal-pass.json"), or "" for a new sample. */
	file: string;
	description: string;
	record: unknown;
	/** Pinned expected results by level name; levels without an entry are not checked. */
	expected: Record<string, Outcome>;
}

export interface RecordIssue {
	path: string;
	message: string;
}

export interface PreviewCell extends Outcome {
	level: string;
	/** The result under the last saved version (standard and sample), when there was one. */
	saved: Outcome | null;
	/** The pinned expectation, when there is one. */
	expected: Outcome | null;
}

export interface PreviewRow {
	key: string;
	id: string;
	name: string;
	description: string;
	targetLevel: string | null;
	errors: RecordIssue[];
	warnings: RecordIssue[];
	/** Empty when the record is invalid or no version of the standard has compiled yet. */
	cells: PreviewCell[];
}

export interface ExplainResult {
	key: string;
	level: string;
	/** True when the current text does not compile and the last compiled version was used. */
	stale: boolean;
	outcome: Outcome | null;
	summary: string;
	reasons: string[];
	explanation: ExplanationNode | null;
	errors: RecordIssue[];
	/** For a failing level: the smallest change in the applicant's achievements that would make them pass. */
	nearest?: NearestSummary | null;
}

/** The nearest qualifying path, as it is shown (core/impact/nearest.ts computes it). */
export interface NearestSummary {
	status: 'passes' | 'path' | 'unreachable' | 'beyond';
	text: string;
	alternatives: string[];
}


export interface ClauseOutcome {
	key: string;
	id: string;
	name: string;
	/** Gates, route lines and items: whether the clause holds. */
	held?: boolean;
	/** Score components: the points (before the cap of the table is applied to the total). */
	points?: number;
}

export interface ClauseReport {
	clause: Omit<Clause, 'logic'>;
	/** The clause's JSON Logic, pretty-printed. */
	logic: string;
	outcomes: ClauseOutcome[];
	/** Valid samples only; invalid records are left out. */
	skipped: number;
}

// ---------- page → worker ----------

export type ToWorker =
	| { type: 'init'; files: SourceText[]; samples: EditorSample[]; saved: { files: SourceText[]; samples: EditorSample[] } }
	| { type: 'update'; path: string; text: string; seq: number }
	| { type: 'setSample'; sample: EditorSample; seq: number }
	| { type: 'removeSample'; key: string; seq: number }
	| { type: 'save' }
	| { type: 'request'; id: number; method: keyof Methods; args: unknown[] };

/** What the page can ask; every answer reflects all edits posted before the question. */
export interface Methods {
	completions(path: string, line: number, col: number): CompletionItem[];
	hover(path: string, line: number, col: number): { markdown: string; range: Range } | null;
	definition(path: string, line: number, col: number): Range | null;
	references(path: string, line: number, col: number): Range[];
	outline(path: string): OutlineItem[];
	format(path: string): string;
	semanticTokens(path: string): SemanticToken[];
	clause(path: string, line: number, col: number): ClauseReport | null;
	explain(key: string, level: string): ExplainResult | null;
}

// ---------- worker → page ----------

export type FromWorker =
	| { type: 'ready' }
	| { type: 'failure'; message: string }
	| { type: 'diagnostics'; seq: number; diagnostics: Diagnostic[]; ms: number }
	| { type: 'preview'; seq: number; compiled: boolean; rows: PreviewRow[]; levels: string[]; ms: number }
	| { type: 'response'; id: number; result?: unknown; error?: string };

export type { Diagnostic, CompletionItem, OutlineItem, Range, SemanticToken, Clause };
