// The published standard sets the public pages show: per year, the version in force (现行) and the ones it
// replaced (已被取代), each with its content hash, publication date, approving bureaus, document and downloads.
// Never any applicant data: only the sources, the compiled bundle and what is generated from the model.
import fs from 'node:fs';
import path from 'node:path';
import { analyze, compileBundleFromModel, type SourceFile } from './compile';
import { generateDocument, type OfficialDocument } from '$lib/core/document';
import { contentHash, publish, type BureauSignature } from '$lib/core/signature';

export interface PublishedVersion {
	year: number;
	version: number;
	status: 'current' | 'superseded';
	publishedAt: string | null;
	contentHash: string;
	/** Bureaus whose valid signature the bundle carries. */
	signatures: BureauSignature[];
	issuers: string[];
	title: string;
	/** The set's files, by name (common.std, 副研究员.std …). */
	sources: { name: string; text: string }[];
	/** The bundle as published: with its publication block and signatures. */
	bundle: Record<string, unknown>;
	document: OfficialDocument;
}

/** One publication as stored: the sources both bureaus approved and their signatures. */
export interface StoredPublication {
	year: number;
	version: number;
	publishedAt: string | null;
	sources: SourceFile[];
	signatures: BureauSignature[];
}

type Source = () => StoredPublication[];

let source: Source = repositorySets;

/** The storage room (src/lib/server/publish) registers where publications come from. */
export function setPublicationSource(s: Source): void {
	source = s;
	cache.clear();
}

/** Until publications are stored, the repository's reference sets (standards/<year>/), unsigned. */
function repositorySets(): StoredPublication[] {
	const root = path.resolve(process.cwd(), 'standards');
	if (!fs.existsSync(root)) return [];
	return fs
		.readdirSync(root)
		.filter((y) => /^\d{4}$/.test(y))
		.map((y) => {
			const dir = path.join(root, y);
			const sources = fs
				.readdirSync(dir)
				.filter((f) => f.endsWith('.std'))
				.sort()
				.map((f) => ({ path: `${f}`, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
			return { year: Number(y), version: 1, publishedAt: null, sources, signatures: [] };
		});
}

const cache = new Map<string, PublishedVersion | null>();

function build(p: StoredPublication, status: PublishedVersion['status']): PublishedVersion | null {
	const key = `${p.year}:${p.version}:${status}:${p.signatures.map((s) => s.signature).join()}:${p.sources.map((s) => s.text.length).join()}`;
	if (cache.has(key)) return cache.get(key)!;
	const a = analyze(p.sources);
	const bundle = a.model && a.ok ? compileBundleFromModel(a.model) : null;
	if (!a.model || !bundle) {
		cache.set(key, null);
		return null;
	}
	const published = publish(bundle, p.year, p.signatures);
	const v: PublishedVersion = {
		year: p.year,
		version: p.version,
		status,
		publishedAt: p.publishedAt,
		contentHash: contentHash(bundle),
		signatures: p.signatures,
		issuers: [...a.model.meta.issuers],
		title: a.model.meta.name,
		sources: p.sources.map((s) => ({ name: s.path.split('/').pop()!, text: s.text })),
		bundle: published,
		document: generateDocument(a.model)
	};
	cache.set(key, v);
	return v;
}

/** Every published version, newest year first, the current version of a year before those it replaced. */
export function listPublished(): PublishedVersion[] {
	const all = source();
	const out: PublishedVersion[] = [];
	const years = [...new Set(all.map((p) => p.year))].sort((a, b) => b - a);
	for (const y of years) {
		const versions = all.filter((p) => p.year === y).sort((a, b) => b.version - a.version);
		versions.forEach((p, i) => {
			const v = build(p, i === 0 ? 'current' : 'superseded');
			if (v) out.push(v);
		});
	}
	return out;
}

export function getPublished(year: number, version?: number): PublishedVersion | null {
	return listPublished().find((v) => v.year === year && (version === undefined ? v.status === 'current' : v.version === version)) ?? null;
}
