import { requireRole } from '$lib/server/guard';
import { error } from '@sveltejs/kit';
import { getPublished } from '$lib/server/public/published';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'public');
	const { params, url } = event;
	const version = url.searchParams.get('version');
	const v = /^\d{4}$/.test(params.year) ? getPublished(Number(params.year), version ? Number(version) : undefined) : null;
	const f = v?.sources.find((s) => s.name === params.file);
	if (!v || !f) error(404, `没有 ${params.year} 年度已发布的文件 ${params.file}`);
	return { year: v.year, file: f.name, lines: f.text.split('\n') };
};
