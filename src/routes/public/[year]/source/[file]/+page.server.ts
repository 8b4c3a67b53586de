import { requireRole } from '$lib/server/guard';
import { error } from '@sveltejs/kit';
import { versionOf } from '../../download';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'public');
	const v = await versionOf(event.params.year, event.url);
	const f = v.sources.find((s) => s.name === event.params.file);
	if (!f) error(404, `没有 ${event.params.year} 年度已发布的文件 ${event.params.file}`);
	return { year: v.year, file: f.name, lines: f.text.split('\n') };
};
