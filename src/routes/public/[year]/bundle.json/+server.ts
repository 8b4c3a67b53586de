import { requireRole } from '$lib/server/guard';
import { download, versionOf } from '../download';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	requireRole(event, 'public');
	const { params, url } = event;
	const v = versionOf(params.year, url);
	return download(JSON.stringify(v.bundle, null, 1) + '\n', `bundle-${v.year}-v${v.version}.json`, 'application/json');
};
