// The two versions an impact analysis compares: a year's latest revision (the draft both bureaus work on) against
// the version in force — the year's current publication, or, for a new year that has none yet, the latest
// publication of an earlier year. Both come from the store, so every clerk and approver sees the same pair.
import { createHash } from 'node:crypto';
import { desc, eq, lt } from 'drizzle-orm';
import { analyze, hasErrors } from '../core/index.ts';
import { compileBundle } from '../core/compile/bundle.ts';
import { compareVersions, type Counts, type Flip } from '../core/impact/compare.ts';
import { changeList } from '../core/impact/changes.ts';
import type { Db, Tx } from './db/client.ts';
import { StoreError } from './errors.ts';
import { registerApprovalStep } from './publish/steps.ts';
import { canonicalJson } from './revisions/content.ts';
import { publications, standardSets } from './db/schema.ts';
import { getRevision, headOf, type Revision } from './revisions/index.ts';
import { editorContent, type EditorContent } from './drafts.ts';

export interface ImpactSide extends EditorContent {
	year: number;
	revisionId: number;
	seq: number;
	contentHash: string;
}

export interface ImpactPair {
	draft: ImpactSide;
	/** null when nothing of this year or before has been published */
	current: ImpactSide | null;
}

function side(rev: Revision): ImpactSide {
	return { year: rev.year, revisionId: rev.id, seq: rev.seq, contentHash: rev.contentHash, ...editorContent(rev.content) };
}

/** The revision in force for `year`: its latest publication, else the latest of an earlier year. */
async function inForce(db: Db | Tx, year: number): Promise<number | null> {
	for (const where of [eq(standardSets.year, year), lt(standardSets.year, year)]) {
		const [row] = await db
			.select({ revisionId: publications.revisionId })
			.from(publications)
			.innerJoin(standardSets, eq(standardSets.id, publications.setId))
			.where(where)
			.orderBy(desc(standardSets.year), desc(publications.id))
			.limit(1);
		if (row) return row.revisionId;
	}
	return null;
}

/** The draft (the year's head revision) and the version in force; null when the year has no set. */
export async function impactPair(db: Db | Tx, year: number, draftRevisionId?: number): Promise<ImpactPair | null> {
	const head = draftRevisionId ?? (await headOf(db, year))?.id;
	if (!head) return null;
	const draft = await getRevision(db, head);
	if (!draft || draft.year !== year) return null;
	const currentId = await inForce(db, year);
	const current = currentId ? await getRevision(db, currentId) : null;
	return { draft: side(draft), current: current ? side(current) : null };
}

/** What an approver is shown before approving, and what their approval records the hash of. */
export interface ImpactSummary {
	from: { year: number; seq: number; contentHash: string } | null;
	to: { year: number; seq: number; contentHash: string };
	/** the draft's sample applicants */
	applicants: number;
	levels: { level: string; old: Counts | null; new: Counts | null; flips: Record<Flip, number> }[];
	/** the change list of the standard itself, generated from the two checked models */
	changes: string[];
	/** why there is no comparison (nothing published yet, a version that does not compile) */
	problem: string | null;
}

function build(files: { path: string; text: string }[]) {
	const a = analyze(files);
	if (!a.model || hasErrors(a.diagnostics)) return null;
	return { model: a.model, bundle: compileBundle(a.model) };
}

const ref = (s: ImpactSide) => ({ year: s.year, seq: s.seq, contentHash: s.contentHash });

/** The draft against the version in force on the draft's samples: counts per level, flips, the change list. */
export function summarize(pair: ImpactPair): ImpactSummary {
	const out: ImpactSummary = { from: pair.current && ref(pair.current), to: ref(pair.draft), applicants: pair.draft.samples.length, levels: [], changes: [], problem: null };
	if (!pair.current) return { ...out, problem: '尚无已发布的版本可供对比' };
	const [before, after] = [build(pair.current.files), build(pair.draft.files)];
	if (!before || !after) return { ...out, problem: !before ? '现行版本无法编译' : '草稿有错误，无法编译' };
	const impact = compareVersions(before.bundle, after.bundle, pair.draft.samples.map((s) => s.record), { keep: 'changed' });
	out.levels = impact.levels.map((l) => ({ level: l.level, old: l.old, new: l.new, flips: l.flips }));
	out.changes = changeList(before.model, after.model).map((c) => c.text);
	return out;
}

/** sha256 of the summary's canonical JSON: the same summary always has the same hash. */
export function summaryHash(summary: ImpactSummary): string {
	return createHash('sha256').update('stdc-impact-summary@1\n').update(canonicalJson(summary)).digest('hex');
}

/** The summary of a revision (a submission's) against the version in force, with its hash. */
export async function impactSummaryOf(db: Db | Tx, year: number, revisionId: number): Promise<{ summary: ImpactSummary; hash: string } | null> {
	const pair = await impactPair(db, year, revisionId);
	if (!pair) return null;
	const summary = summarize(pair);
	return { summary, hash: summaryHash(summary) };
}

/**
 * Impact is a step of publishing: an approval names the hash of the impact summary its approver was shown; it
 * is checked against the summary recomputed inside the approval's transaction (so a change of the version in
 * force meanwhile is caught) and recorded with the approval and in the audit log. An approval that names no
 * summary (a script on the JSON API) is recorded with none.
 */
export function registerImpactStep(): void {
	registerApprovalStep('impact', async ({ tx, year, revisionId, input }) => {
		const seen = input.impactSummaryHash;
		if (seen === undefined || seen === null || seen === '') return { impactSummaryHash: null };
		const now = await impactSummaryOf(tx, year, revisionId);
		if (!now || now.hash !== seen) throw new StoreError('conflict', '影响分析已有变化（现行版本或样例已更新），请刷新页面，重新查看影响分析后再批准');
		return { impactSummaryHash: now.hash };
	});
}
