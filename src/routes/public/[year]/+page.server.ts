import { requireRole } from '$lib/server/guard';
import { error } from '@sveltejs/kit';
import { getPublished } from '$lib/server/public/published';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'public');
	const { params, url } = event;
	const version = url.searchParams.get('version');
	const v = /^\d{4}$/.test(params.year) ? getPublished(Number(params.year), version ? Number(version) : undefined) : null;
	if (!v) error(404, `没有 ${params.year} 年度已发布的标准集`);
	return {
		year: v.year,
		version: v.version,
		status: v.status,
		publishedAt: v.publishedAt,
		contentHash: v.contentHash,
		signedBy: v.signatures.map((s) => ({ bureau: s.bureau, keyId: s.keyId, signedAt: s.signedAt ?? null })),
		sources: v.sources.map((s) => s.name),
		document: v.document
	};
};
