import { requireRole } from '$lib/server/guard';
import { versionOf } from './download';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'public');
	const v = await versionOf(event.params.year, event.url);
	return {
		year: v.year,
		version: v.version,
		status: v.status,
		publishedAt: v.publishedAt,
		contentHash: v.contentHash,
		sourcesHash: v.sourcesHash,
		imported: v.imported,
		approvedBy: v.approvedBy,
		signedBy: v.signatures.map((s) => ({ bureau: s.bureau, keyId: s.keyId, signedAt: s.signedAt ?? null })),
		sources: v.sources.map((s) => s.name),
		document: v.document
	};
};
