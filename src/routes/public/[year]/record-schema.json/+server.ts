import { requireRole } from '$lib/server/guard';
import { download, versionOf } from '../download';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	requireRole(event, 'public');
	const { params, url } = event;
	const v = await versionOf(params.year, url);
	return download(JSON.stringify(v.bundle.recordSchema, null, 1) + '\n', `record-schema-${v.year}.json`, 'application/schema+json');
};
