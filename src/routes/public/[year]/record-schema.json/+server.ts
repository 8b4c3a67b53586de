import { download, versionOf } from '../download';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) => {
	const v = versionOf(params.year, url);
	return download(JSON.stringify(v.bundle.recordSchema, null, 1) + '\n', `record-schema-${v.year}.json`, 'application/schema+json');
};
