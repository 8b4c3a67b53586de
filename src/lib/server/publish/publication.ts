// A publication: the revision both bureaus approved (or the imported set), with its bundle compiled now,
// carrying the sources' content hash and the bureaus' signatures (its `publication` block). Nothing is
// published unless that file passes the same check as `stdc verify`: a valid signature of every issuing
// bureau over its content hash. Publication rows are immutable (database triggers, drizzle/0001).
import { desc, eq } from 'drizzle-orm';
import type { Bundle } from '../../core/index.ts';
import { publish, verifyPublication, type BureauSignature, type Publication } from '../../core/signature/index.ts';
import { publicKeys } from '../public/keys.ts';
import type { Db, Tx } from '../db/client.ts';
import { publications, standardSets } from '../db/schema.ts';
import { StoreError } from '../errors.ts';
import { compileContent } from '../revisions/compile.ts';
import type { SetContent } from '../revisions/content.ts';

/** The bundle as published: the compiled bundle with the content hash of the sources in its meta, and its signatures. */
export type PublishedBundle = Bundle & { meta: Bundle['meta'] & { contentHash: string; publishedAt: string }; publication: Publication };

/** What the bureaus sign (through its content hash): the bundle with the sources' hash, without the date. */
export function contentToPublish(bundle: Bundle, sourcesHash: string): Record<string, unknown> {
	return { ...bundle, meta: { ...bundle.meta, contentHash: sourcesHash } } as unknown as Record<string, unknown>;
}

export type PublicationRow = typeof publications.$inferSelect;

export async function insertPublication(
	tx: Tx,
	input: { setId: number; year: number; revisionId: number; submissionId: number | null; contentHash: string; content: SetContent; signatures: BureauSignature[] }
): Promise<PublicationRow> {
	const compiled = compileContent(input.content);
	if (!compiled.bundle) throw new StoreError('not-ready', `无法发布：编译有 ${compiled.errors} 个错误`);
	const publishedAt = new Date();
	const content = contentToPublish(compiled.bundle, input.contentHash);
	const dated = { ...content, meta: { ...(content.meta as object), publishedAt: publishedAt.toISOString() } };
	const bundle = publish(dated, input.year, input.signatures) as unknown as PublishedBundle;
	const verified = verifyPublication(bundle, publicKeys());
	if (!verified.ok)
		throw new StoreError('not-ready', `无法发布：签名不全或无效（${verified.checks.filter((c) => !c.ok).map((c) => c.text).join('；')}）`);
	const [row] = await tx
		.insert(publications)
		.values({ setId: input.setId, revisionId: input.revisionId, submissionId: input.submissionId, contentHash: input.contentHash, bundle, publishedAt })
		.returning();
	return row;
}

/** The year's 现行 version: its latest publication. */
export async function currentPublication(db: Db | Tx, year: number): Promise<PublicationRow | null> {
	const [row] = await db
		.select({ p: publications })
		.from(publications)
		.innerJoin(standardSets, eq(standardSets.id, publications.setId))
		.where(eq(standardSets.year, year))
		.orderBy(desc(publications.id))
		.limit(1);
	return row?.p ?? null;
}

/** Years that have a published version, newest first. */
export async function publishedYears(db: Db): Promise<number[]> {
	const rows = await db.selectDistinct({ year: standardSets.year }).from(publications).innerJoin(standardSets, eq(standardSets.id, publications.setId)).orderBy(desc(standardSets.year));
	return rows.map((r) => r.year);
}
