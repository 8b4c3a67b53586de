import { error } from '@sveltejs/kit';
import { getSourceFile } from '$lib/server/standards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const source = getSourceFile(params.year, params.file);
	if (!source) error(404, `标准集 ${params.year} 中没有文件 ${params.file}`);
	return source;
};
