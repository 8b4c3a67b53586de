import { download, versionOf } from '../download';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) => {
	const v = versionOf(params.year, url);
	return download(JSON.stringify(v.bundle, null, 1) + '\n', `bundle-${v.year}-v${v.version}.json`, 'application/json');
};
