import { requireRole } from '$lib/server/guard';
import { error } from '@sveltejs/kit';
import { download, versionOf } from '../../download';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	requireRole(event, 'public');
	const { params, url } = event;
	const v = await versionOf(params.year, url);
	const f = v.sources.find((s) => s.name === params.file);
	if (!f) error(404, `没有文件 ${params.file}`);
	return download(f.text, f.name, 'text/plain');
};
