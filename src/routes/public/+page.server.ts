import { requireRole } from '$lib/server/guard';
import { listPublished } from '$lib/server/public/published';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => (requireRole(event, 'public'), {
	sets: listPublished().map((v) => ({
		year: v.year,
		version: v.version,
		status: v.status,
		title: v.title,
		publishedAt: v.publishedAt,
		contentHash: v.contentHash,
		issuers: v.issuers,
		signedBy: v.signatures.map((s) => s.bureau)
	}))
});
