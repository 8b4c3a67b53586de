import { error, json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/guard';
import { getDb } from '$lib/server/store';
import { setView } from '$lib/server/publish';
import { listRevisions } from '$lib/server/revisions';
import type { RequestHandler } from './$types';

/** One year's set with its revisions (newest first). */
export const GET: RequestHandler = async (event) => {
	requireRole(event, 'read');
	const db = await getDb();
	const year = Number(event.params.year);
	const view = /^\d{4}$/.test(event.params.year) ? await setView(db, year) : null;
	if (!view) error(404, `没有 ${event.params.year} 年度的标准集`);
	return json({ ...view, revisions: await listRevisions(db, year) });
};
