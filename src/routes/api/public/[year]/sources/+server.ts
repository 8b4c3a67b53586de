import { error, json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/guard';
import { getDb } from '$lib/server/store';
import { currentPublication } from '$lib/server/publish';
import { getContent } from '$lib/server/revisions';
import type { RequestHandler } from './$types';

/** The sources of the year's current published version, for `stdc pull`. No log-in. */
export const GET: RequestHandler = async (event) => {
	requireRole(event, 'public');
	const db = await getDb();
	const p = /^\d{4}$/.test(event.params.year) ? await currentPublication(db, Number(event.params.year)) : null;
	if (!p) error(404, `${event.params.year} 年度没有已发布的标准集`);
	return json({ year: Number(event.params.year), contentHash: p.contentHash, publishedAt: p.publishedAt.toISOString(), files: (await getContent(db, p.revisionId)).files });
};
