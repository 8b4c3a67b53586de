import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/guard';
import { getSourceFile } from '$lib/server/standards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'public');
	const { year, file } = event.params;
	const source = await getSourceFile(year, file);
	if (!source) error(404, `标准集 ${year} 中没有文件 ${file}`);
	return source;
};
