import { requireRole } from '$lib/server/guard';
import { download, versionOf } from '../download';
import type { RequestHandler } from './$types';

/**
 * The bundle as published (with both bureaus' signatures), for `stdc verify`. The one implementation: the
 * API's /api/public/[year]/bundle (what `stdc pull` reads) is this same handler.
 */
export const GET: RequestHandler = async (event) => {
	requireRole(event, 'public');
	const v = await versionOf(event.params.year, event.url);
	return download(JSON.stringify(v.bundle, null, 1) + '\n', `bundle-${v.year}-v${v.version}.json`, 'application/json', {
		etag: `"${v.sourcesHash}"`,
		'x-content-hash': v.sourcesHash
	});
};
