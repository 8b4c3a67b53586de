// Plain data shapes that the server hands to the pages, and the Chinese labels the pages show.
// The pages never import the core: src/lib/server/standards.ts turns core results into these shapes.

export type Verdict = 'pass' | 'fail' | 'ineligible';
export type Route = 'regular' | 'direct' | null;
export type Status = 'pass' | 'fail' | 'info';
export type { Severity } from './core/diagnostics/index.ts';
import type { Diagnostic, Severity } from './core/diagnostics/index.ts';

/** A place in a source file of the standard set; `file` is relative to the set's folder. */
export interface SourceRef {
	file: string;
	line: number;
}

export interface ExplanationView {
	label: string;
	status: Status;
	text?: string;
	source?: SourceRef;
	/** Shown folded (供参考). */
	folded?: boolean;
	children?: ExplanationView[];
}

export interface LevelView {
	level: string;
	verdict: Verdict;
	route: Route;
	/** null when ineligible: no score is reported. */
	score: number | null;
	/** What the sample file says this level should give, when it differs from the computed result. */
	mismatch?: { verdict?: Verdict; route?: Route; score?: number | null };
}

export interface LevelDetail extends LevelView {
	explanation: ExplanationView;
}

export interface RecordIssue {
	path: string;
	message: string;
}

/** One sample applicant as the home table shows it (no explanations: they are large). */
export interface ApplicantView {
	id: string;
	name: string;
	targetLevel: string | null;
	description: string;
	sampleFile: string;
	errors: RecordIssue[];
	levels: LevelView[];
}

/** One sample applicant with the explanation of every level. */
export interface ApplicantDetail extends Omit<ApplicantView, 'levels'> {
	warnings: RecordIssue[];
	levels: LevelDetail[];
}

/** A diagnostic as pages show it (the file relative to the set's folder). */
export type DiagnosticView = Pick<Diagnostic, 'code' | 'severity' | 'message' | 'file' | 'line' | 'col'>;

export interface SourceFileSummary {
	file: string;
	lines: number;
}

export interface StandardSetMeta {
	name: string;
	year: number;
	referenceDate: string;
	issuers: string[];
}

/** The four levels in ascending order; these are the home table's columns. */
export const LEVELS = ['研究实习员', '助理研究员', '副研究员', '研究员'] as const;

export { VERDICT_LABEL, formatScore, routeText as routeLabel } from './core/evaluate/labels.ts';

export const SEVERITY_LABEL: Record<Severity, string> = {
	error: '错误',
	warning: '警告',
	info: '提示'
};

export function sourceHref(year: number | string, ref: SourceRef): string {
	return `/standards/${year}/${encodeURIComponent(ref.file)}#L${ref.line}`;
}

export function lineCount(text: string): number {
	if (text === '') return 0;
	const lines = text.split(/\r\n|\r|\n/);
	return text.endsWith('\n') ? lines.length - 1 : lines.length;
}

/** A time as the clerks read it: Beijing time, to the second ("2026/12/2 13:40:05"). */
export function formatTime(iso: string | null | undefined): string {
	if (!iso) return '';
	return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

/** How a revision came to be (src/lib/server/revisions/store.ts RevisionKind). */
export const REVISION_KIND_LABEL: Record<string, string> = {
	save: '保存',
	conflict: '冲突另存',
	import: '导入',
	'new-year': '新建年度'
};
