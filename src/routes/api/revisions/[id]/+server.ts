import { error, json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/guard';
import { getDb } from '$lib/server/store';
import { getRevision } from '$lib/server/revisions';
import { intParam } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

/** A revision with all its files. */
export const GET: RequestHandler = async (event) => {
	requireRole(event, 'read');
	const revision = await getRevision(await getDb(), intParam(event.params.id, '版本'));
	if (!revision) error(404, '没有这个版本');
	return json(revision);
};
