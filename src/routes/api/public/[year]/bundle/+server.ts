import { error, json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/guard';
import { getDb } from '$lib/server/store';
import { currentPublication } from '$lib/server/publish';
import type { RequestHandler } from './$types';

/** The year's current published bundle (meta.contentHash is what both bureaus approved). No log-in. */
export const GET: RequestHandler = async (event) => {
	requireRole(event, 'public');
	const p = /^\d{4}$/.test(event.params.year) ? await currentPublication(await getDb(), Number(event.params.year)) : null;
	if (!p) error(404, `${event.params.year} 年度没有已发布的标准集`);
	return json(p.bundle, { headers: { etag: `"${p.contentHash}"`, 'x-content-hash': p.contentHash } });
};
