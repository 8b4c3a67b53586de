import { requireRole } from '$lib/server/guard';
import { getDb } from '$lib/server/store';
import { listPublished } from '$lib/server/public/published';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'public');
	return {
		sets: (await listPublished(await getDb())).map((v) => ({
			year: v.year,
			version: v.version,
			status: v.status,
			title: v.title,
			publishedAt: v.publishedAt,
			contentHash: v.contentHash,
			issuers: v.issuers,
			signedBy: v.signatures.map((s) => s.bureau),
			imported: v.imported
		}))
	};
};
