// The two versions an impact analysis compares: a year's latest revision (the draft both bureaus work on) against
// the version in force — the year's current publication, or, for a new year that has none yet, the latest
// publication of an earlier year. Both come from the store, so every clerk and approver sees the same pair.
import { desc, eq, lt } from 'drizzle-orm';
import type { Db } from './db/client.ts';
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
async function inForce(db: Db, year: number): Promise<number | null> {
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
export async function impactPair(db: Db, year: number, draftRevisionId?: number): Promise<ImpactPair | null> {
	const head = draftRevisionId ?? (await headOf(db, year))?.id;
	if (!head) return null;
	const draft = await getRevision(db, head);
	if (!draft || draft.year !== year) return null;
	const currentId = await inForce(db, year);
	const current = currentId ? await getRevision(db, currentId) : null;
	return { draft: side(draft), current: current ? side(current) : null };
}
