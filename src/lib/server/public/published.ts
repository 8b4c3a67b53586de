// The published standard sets the public pages show, read from the store's publications: per year, the
// version in force (现行) and the ones it replaced (已被取代), each with the content hash its signatures cover,
// publication date, the bureaus that approved and signed it, its document and downloads. Never any applicant
// data: only the `.std` sources, the bundle as published and what is generated from the model.
import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { approvals, publications, standardSets } from '../db/schema.ts';
import { BUREAUS, type Bureau } from '../auth/roles.ts';
import { getContent } from '../revisions/store.ts';
import { kindOf } from '../revisions/content.ts';
import { analyze, type SourceFile } from './compile';
import { generateDocument, type OfficialDocument } from '$lib/core/document';
import type { BureauSignature, Publication } from '$lib/core/signature';

export interface PublishedVersion {
	year: number;
	/** 1, 2, 3 … within the year, in order of publication. */
	version: number;
	status: 'current' | 'superseded';
	publishedAt: string;
	/** The hash both bureaus signed (the bundle's publication.contentHash, what `stdc verify` checks). */
	contentHash: string;
	/** The hash of the approved sources (meta.contentHash of the bundle). */
	sourcesHash: string;
	signatures: BureauSignature[];
	/** Who approved it: the bureaus' approvals, or none for the set imported at setup (signed by the server). */
	approvedBy: { bureau: string; approvedAt: string }[];
	imported: boolean;
	issuers: string[];
	title: string;
	/** The set's `.std` files, by name (common.std, 副研究员.std …). */
	sources: { name: string; text: string }[];
	/** The bundle as published: with its publication block and signatures. */
	bundle: Record<string, unknown>;
	document: OfficialDocument;
}

type Row = { p: typeof publications.$inferSelect; year: number };

/** What is generated from the sources, by the sources' content hash (the same sources give the same document). */
const generated = new Map<string, { title: string; issuers: string[]; sources: SourceFile[]; document: OfficialDocument } | null>();

async function fromSources(db: Db, p: Row['p']) {
	if (generated.has(p.contentHash)) return generated.get(p.contentHash)!;
	const sources = (await getContent(db, p.revisionId)).files.filter((f) => kindOf(f.path) === 'std');
	const a = analyze(sources);
	const g = a.model && a.ok ? { title: a.model.meta.name, issuers: [...a.model.meta.issuers], sources, document: generateDocument(a.model) } : null;
	if (generated.size > 50) generated.clear();
	generated.set(p.contentHash, g);
	return g;
}

async function build(db: Db, { p, year }: Row, version: number, status: PublishedVersion['status']): Promise<PublishedVersion | null> {
	const g = await fromSources(db, p);
	if (!g) return null;
	const bundle = p.bundle as Record<string, unknown> & { publication?: Publication };
	const approved = p.submissionId
		? await db.select().from(approvals).where(eq(approvals.submissionId, p.submissionId)).orderBy(asc(approvals.id))
		: [];
	return {
		year,
		version,
		status,
		publishedAt: p.publishedAt.toISOString(),
		contentHash: bundle.publication?.contentHash ?? '',
		sourcesHash: p.contentHash,
		signatures: bundle.publication?.signatures ?? [],
		approvedBy: approved.map((a) => ({ bureau: BUREAUS[a.bureau as Bureau] ?? a.bureau, approvedAt: a.approvedAt.toISOString() })),
		imported: p.submissionId === null,
		issuers: g.issuers,
		title: g.title,
		sources: g.sources.map((s) => ({ name: s.path.split('/').pop()!, text: s.text })),
		bundle,
		document: g.document
	};
}

async function rows(db: Db, year?: number): Promise<Row[]> {
	const q = db.select({ p: publications, year: standardSets.year }).from(publications).innerJoin(standardSets, eq(standardSets.id, publications.setId));
	return (year === undefined ? q : q.where(eq(standardSets.year, year))).orderBy(desc(standardSets.year), desc(publications.id));
}

/** The versions of the given rows (newest of a year first): numbered per year, the newest 现行. */
async function versionsOf(db: Db, all: Row[]): Promise<PublishedVersion[]> {
	const out: PublishedVersion[] = [];
	for (const year of [...new Set(all.map((r) => r.year))]) {
		const mine = all.filter((r) => r.year === year);
		for (const [i, r] of mine.entries()) {
			const v = await build(db, r, mine.length - i, i === 0 ? 'current' : 'superseded');
			if (v) out.push(v);
		}
	}
	return out;
}

/** Every published version, newest year first, the current version of a year before those it replaced. */
export async function listPublished(db: Db): Promise<PublishedVersion[]> {
	return versionsOf(db, await rows(db));
}

/** A year's current version, or the given version of it. */
export async function getPublished(db: Db, year: number, version?: number): Promise<PublishedVersion | null> {
	const all = await versionsOf(db, await rows(db, year));
	return all.find((v) => (version === undefined ? v.status === 'current' : v.version === version)) ?? null;
}
