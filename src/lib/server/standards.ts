// The one place where the web app calls the core. Everything the pages show comes through here,
// turned into the plain shapes of $lib/view so that no page depends on the core's types.
// What is published comes from the database: a year's current publication (src/lib/server/publish).
import { evaluateRecord } from '$lib/core';
import { nearestPath } from '$lib/core/impact/nearest';
import type { NearestSummary } from '$lib/editor/protocol';
import {
	LEVELS,
	lineCount,
	type ApplicantDetail,
	type ApplicantView,
	type DiagnosticView,
	type ExplanationView,
	type LevelDetail,
	type LevelView,
	type SourceFileSummary,
	type StandardSetMeta
} from '$lib/view';
import { compileContent, type ContentSample } from './revisions/compile.ts';
import { getContent } from './revisions/store.ts';
import { kindOf } from './revisions/content.ts';
import { currentPublication, publishedYears } from './publish/publication.ts';
import { getDb } from './store.ts';

interface StandardSet {
	files: { path: string; text: string }[];
	bundle: ReturnType<typeof compileContent>['bundle'];
	diagnostics: ReturnType<typeof compileContent>['diagnostics'];
}
type Bundle = NonNullable<StandardSet['bundle']>;
type Sample = ContentSample;
type Evaluation = ReturnType<typeof evaluateRecord>;
type CoreLevelResult = NonNullable<Evaluation['results']>[number];
type CoreExplanation = NonNullable<CoreLevelResult['explanation']>;

/** The year whose standard set the home page shows when nothing newer is published. */
export const CURRENT_YEAR = 2026;

// ---------- loading the published set, cached by its content hash ----------

interface Loaded {
	dir: string;
	set: StandardSet;
	samples: Sample[];
	overview: Overview;
	contentHash: string;
}

const cache = new Map<number, Loaded>();

async function load(year: number | string): Promise<Loaded | null> {
	const y = String(year);
	if (!/^\d{4}$/.test(y)) return null;
	const db = await getDb();
	const publication = await currentPublication(db, Number(y));
	if (!publication) return null;
	const hit = cache.get(Number(y));
	if (hit && hit.contentHash === publication.contentHash) return hit;
	const content = await getContent(db, publication.revisionId);
	const compiled = compileContent(content);
	const set: StandardSet = { files: content.files.filter((f) => kindOf(f.path) === 'std'), bundle: compiled.bundle, diagnostics: compiled.diagnostics };
	const dir = '';
	const overview = buildOverview(Number(y), dir, set, compiled.samples);
	const loaded = { dir, set, samples: compiled.samples, overview, contentHash: publication.contentHash };
	cache.set(Number(y), loaded);
	return loaded;
}

/** The newest year with a published set (the home page's). */
export async function currentYear(): Promise<number> {
	return (await publishedYears(await getDb()))[0] ?? CURRENT_YEAR;
}

// ---------- turning core results into view data ----------

/** Paths in the database are already relative to the set's folder ("common.std", "samples/01-….json"). */
function relativeToSet(_dir: string, file: string): string {
	return file;
}

function toExplanation(dir: string, node: CoreExplanation): ExplanationView {
	return {
		label: node.label,
		status: node.status,
		text: node.text,
		source: node.file && node.line ? { file: relativeToSet(dir, node.file), line: node.line } : undefined,
		...(node.folded ? { folded: true } : {}),
		children: node.children?.map((child) => toExplanation(dir, child))
	};
}

/** Core levels may come as Chinese names, generic words or level codes; the table wants the names. */
const LEVEL_ALIASES: Record<string, string> = {
	junior: '研究实习员',
	intermediate: '助理研究员',
	associate_senior: '副研究员',
	senior: '研究员',
	'064': '研究实习员',
	'063': '助理研究员',
	'062': '副研究员',
	'061': '研究员'
};

const levelName = (level: string): string => LEVEL_ALIASES[level] ?? level;

function levelRank(name: string): number {
	const i = (LEVELS as readonly string[]).indexOf(name);
	return i < 0 ? LEVELS.length : i;
}

function toLevel(result: CoreLevelResult, expected: Sample['expected']): LevelView {
	const level = levelName(result.level);
	const view: LevelView = { level, verdict: result.verdict, route: result.route, score: result.score };
	const want = expected?.[result.level] ?? expected?.[level];
	if (want) {
		const mismatch: NonNullable<LevelView['mismatch']> = {};
		if (want.verdict !== undefined && want.verdict !== result.verdict) mismatch.verdict = want.verdict as LevelView['verdict'];
		if (want.route !== undefined && want.route !== result.route) mismatch.route = want.route as LevelView['route'];
		const sameScore = want.score === null || result.score === null ? want.score === result.score : Math.abs(want.score - result.score) <= 1e-9;
		if (want.score !== undefined && !sameScore) mismatch.score = want.score;
		if (Object.keys(mismatch).length > 0) view.mismatch = mismatch;
	}
	return view;
}

function toLevelDetail(dir: string, result: CoreLevelResult, expected: Sample['expected']): LevelDetail {
	const view = toLevel(result, expected);
	const explanation: ExplanationView = result.explanation
		? toExplanation(dir, result.explanation)
		: { label: `${view.level}：核心未给出逐条说明`, status: 'info' };
	return { ...view, explanation };
}

function field(record: unknown, key: string): string | null {
	if (record && typeof record === 'object' && key in record) {
		const value = (record as Record<string, unknown>)[key];
		if (typeof value === 'string' && value !== '') return value;
	}
	return null;
}

/** What the table and the detail page share: who, which level, which sample file. */
function applicantBase(dir: string, sample: Sample, evaluation: Evaluation | null) {
	const fileStem = (sample.file.split('/').pop() ?? sample.file).replace(/\.json$/i, '');
	return {
		id: evaluation?.id ?? field(sample.record, 'id') ?? fileStem,
		name: field(sample.record, 'name') ?? '',
		targetLevel: field(sample.record, 'target_level'),
		description: sample.description ?? '',
		sampleFile: relativeToSet(dir, sample.file),
		errors: evaluation?.errors ?? []
	};
}

function toApplicant(dir: string, bundle: Bundle | null, sample: Sample): ApplicantView {
	// The table needs no explanations; evaluating without them is much faster.
	const evaluation = bundle ? evaluateRecord(bundle, sample.record, { explain: false }) : null;
	const levels = (evaluation?.results ?? []).map((r) => toLevel(r, sample.expected));
	return { ...applicantBase(dir, sample, evaluation), levels: levels.sort((a, b) => levelRank(a.level) - levelRank(b.level)) };
}

function toApplicantDetail(dir: string, bundle: Bundle | null, sample: Sample): ApplicantDetail {
	const evaluation = bundle ? evaluateRecord(bundle, sample.record) : null;
	const levels = (evaluation?.results ?? []).map((r) => toLevelDetail(dir, r, sample.expected));
	return {
		...applicantBase(dir, sample, evaluation),
		warnings: evaluation?.warnings ?? [],
		levels: levels.sort((a, b) => levelRank(a.level) - levelRank(b.level))
	};
}

function toDiagnostic(dir: string, d: StandardSet['diagnostics'][number]): DiagnosticView {
	return { code: d.code, severity: d.severity, message: d.message, file: relativeToSet(dir, d.file), line: d.line, col: d.col };
}

function toMeta(bundle: Bundle | null): StandardSetMeta | null {
	if (!bundle) return null;
	const { name, year, referenceDate, issuers } = bundle.meta;
	return { name, year, referenceDate, issuers: [...issuers] };
}

// ---------- what the routes call ----------

export interface Overview {
	year: number;
	meta: StandardSetMeta | null;
	files: SourceFileSummary[];
	diagnostics: DiagnosticView[];
	applicants: ApplicantView[];
}

function buildOverview(year: number, dir: string, set: StandardSet, samples: Sample[]): Overview {
	return {
		year,
		meta: toMeta(set.bundle),
		files: set.files.map((f) => ({ file: relativeToSet(dir, f.path), lines: lineCount(f.text) })),
		diagnostics: set.diagnostics.map((d) => toDiagnostic(dir, d)),
		applicants: samples.map((s) => toApplicant(dir, set.bundle, s))
	};
}

/** Everything the home page shows: the set, its files and diagnostics, and the evaluated samples. */
export async function getOverview(year?: number): Promise<Overview | null> {
	const loaded = await load(year ?? (await currentYear()));
	return loaded?.overview ?? null;
}

/** One sample applicant with the explanation of every level, or null when no sample has this id. */
export async function getApplicant(
	id: string,
	year?: number
): Promise<{ year: number; setName: string | null; applicant: ApplicantDetail } | null> {
	year ??= await currentYear();
	const loaded = await load(year);
	if (!loaded) return null;
	const index = loaded.overview.applicants.findIndex((a) => a.id === id);
	if (index < 0) return null;
	return {
		year,
		setName: loaded.overview.meta?.name ?? null,
		applicant: toApplicantDetail(loaded.dir, loaded.set.bundle, loaded.samples[index])
	};
}

/** The text of one source file of a year's set, with the diagnostics that point into it. */
export async function getSourceFile(
	year: string,
	file: string
): Promise<{ year: number; setName: string | null; file: string; text: string; diagnostics: DiagnosticView[] } | null> {
	const loaded = await load(year);
	if (!loaded) return null;
	const { dir, set, overview } = loaded;
	// Look the file up among the files the core loaded; never build a path from the URL.
	const found = set.files.find((f) => relativeToSet(dir, f.path) === file);
	if (!found) return null;
	return {
		year: Number(year),
		setName: overview.meta?.name ?? null,
		file,
		text: found.text,
		diagnostics: overview.diagnostics.filter((d) => d.file === file)
	};
}

/** For each level a sample applicant fails (not for ineligibility), the least achievements to add to pass it. */
export async function getNearestPaths(id: string, year?: number): Promise<Record<string, NearestSummary>> {
	const loaded = await load(year ?? (await currentYear()));
	const index = loaded?.overview.applicants.findIndex((a) => a.id === id) ?? -1;
	const bundle = loaded?.set.bundle;
	if (!loaded || !bundle || index < 0) return {};
	const applicant = loaded.overview.applicants[index];
	const out: Record<string, NearestSummary> = {};
	for (const l of applicant.levels) {
		if (l.verdict !== 'fail') continue;
		const p = nearestPath(bundle, l.level, loaded.samples[index].record as Record<string, unknown>);
		out[l.level] = { text: p.text, status: p.status, alternatives: p.alternatives.map((a) => a.text) };
	}
	return out;
}
