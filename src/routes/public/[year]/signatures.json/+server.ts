import { requireRole } from '$lib/server/guard';
import { download, versionOf } from '../download';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	requireRole(event, 'public');
	const { params, url } = event;
	const v = await versionOf(params.year, url);
	const body = { year: v.year, version: v.version, contentHash: v.contentHash, signatures: v.signatures };
	return download(JSON.stringify(body, null, 1) + '\n', `signatures-${v.year}-v${v.version}.json`, 'application/json');
};
