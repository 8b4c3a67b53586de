// Standard sets and their immutable revisions: reading, and the one way to write a revision.
import { asc, desc, eq, max } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { accounts, revisionFiles, revisions, standardSets } from '../db/schema.ts';
import { StoreError } from '../errors.ts';
import { contentHash, kindOf, type SetContent } from './content.ts';

export type SetRow = typeof standardSets.$inferSelect;
export type RevisionKind = 'save' | 'conflict' | 'import' | 'new-year';

export interface RevisionSummary {
	id: number;
	year: number;
	seq: number;
	parentId: number | null;
	author: string | null;
	createdAt: string;
	contentHash: string;
	kind: RevisionKind;
	message: string | null;
}

export interface Revision extends RevisionSummary {
	content: SetContent;
}

export function assertYear(year: unknown): number {
	const y = Number(year);
	if (!Number.isInteger(y) || y < 2000 || y > 2999) throw new StoreError('invalid', `年度须为四位数字：${String(year)}`);
	return y;
}

/** The set's row, locked until the transaction ends: every change of a year's set takes this lock first. */
export async function lockSet(tx: Tx, year: number): Promise<SetRow> {
	const [row] = await tx.select().from(standardSets).where(eq(standardSets.year, year)).for('update');
	if (!row) throw new StoreError('not-found', `没有 ${year} 年度的标准集`);
	return row;
}

export async function findSet(db: Db | Tx, year: number): Promise<SetRow | null> {
	const [row] = await db.select().from(standardSets).where(eq(standardSets.year, year));
	return row ?? null;
}

export async function createSet(tx: Tx, year: number): Promise<SetRow> {
	if (await findSet(tx, year)) throw new StoreError('conflict', `${year} 年度的标准集已存在`);
	const [row] = await tx.insert(standardSets).values({ year }).returning();
	return row;
}

export async function setHead(tx: Tx, setId: number, revisionId: number): Promise<void> {
	await tx.update(standardSets).set({ headRevisionId: revisionId }).where(eq(standardSets.id, setId));
}

/** Writes a revision and its files. The caller holds the set's lock (the next seq depends on it). */
export async function insertRevision(
	tx: Tx,
	set: SetRow,
	input: { parentId: number | null; authorId: number | null; kind: RevisionKind; content: SetContent; message?: string | null }
): Promise<RevisionSummary & { authorId: number | null }> {
	const [{ last }] = await tx.select({ last: max(revisions.seq) }).from(revisions).where(eq(revisions.setId, set.id));
	const hash = contentHash(input.content);
	const [row] = await tx
		.insert(revisions)
		.values({ setId: set.id, seq: (last ?? 0) + 1, parentId: input.parentId, authorId: input.authorId, contentHash: hash, kind: input.kind, message: input.message ?? null })
		.returning();
	if (input.content.files.length)
		await tx.insert(revisionFiles).values(input.content.files.map((f) => ({ revisionId: row.id, path: f.path, kind: kindOf(f.path)!, text: f.text })));
	const author = input.authorId ? ((await tx.select({ u: accounts.username }).from(accounts).where(eq(accounts.id, input.authorId)))[0]?.u ?? null) : null;
	return { ...summaryOf(row, set.year, author), authorId: row.authorId };
}

function summaryOf(row: typeof revisions.$inferSelect, year: number, author: string | null): RevisionSummary {
	return {
		id: row.id,
		year,
		seq: row.seq,
		parentId: row.parentId,
		author,
		createdAt: row.createdAt.toISOString(),
		contentHash: row.contentHash,
		kind: row.kind as RevisionKind,
		message: row.message
	};
}

const summaryColumns = { rev: revisions, year: standardSets.year, author: accounts.username };

export async function getRevisionSummary(db: Db | Tx, id: number): Promise<(RevisionSummary & { authorId: number | null }) | null> {
	const [r] = await db
		.select(summaryColumns)
		.from(revisions)
		.innerJoin(standardSets, eq(standardSets.id, revisions.setId))
		.leftJoin(accounts, eq(accounts.id, revisions.authorId))
		.where(eq(revisions.id, id));
	return r ? { ...summaryOf(r.rev, r.year, r.author), authorId: r.rev.authorId } : null;
}

export async function getContent(db: Db | Tx, revisionId: number): Promise<SetContent> {
	const rows = await db.select({ path: revisionFiles.path, text: revisionFiles.text }).from(revisionFiles).where(eq(revisionFiles.revisionId, revisionId)).orderBy(asc(revisionFiles.path));
	return { files: rows };
}

export async function getRevision(db: Db | Tx, id: number): Promise<Revision | null> {
	const summary = await getRevisionSummary(db, id);
	if (!summary) return null;
	const { authorId: _, ...rest } = summary;
	return { ...rest, content: await getContent(db, id) };
}

/** A year's revisions, newest first. */
export async function listRevisions(db: Db, year: number, limit = 200): Promise<RevisionSummary[]> {
	const rows = await db
		.select(summaryColumns)
		.from(revisions)
		.innerJoin(standardSets, eq(standardSets.id, revisions.setId))
		.leftJoin(accounts, eq(accounts.id, revisions.authorId))
		.where(eq(standardSets.year, year))
		.orderBy(desc(revisions.seq))
		.limit(limit);
	return rows.map((r) => summaryOf(r.rev, r.year, r.author));
}

export async function listSetRows(db: Db): Promise<SetRow[]> {
	return db.select().from(standardSets).orderBy(desc(standardSets.year));
}

export async function headOf(db: Db | Tx, year: number): Promise<RevisionSummary | null> {
	const set = await findSet(db, year);
	if (!set?.headRevisionId) return null;
	const s = await getRevisionSummary(db, set.headRevisionId);
	if (!s) return null;
	const { authorId: _, ...rest } = s;
	return rest;
}

