import { error } from '@sveltejs/kit';
import { getApplicant, getNearestPaths } from '$lib/server/standards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const found = getApplicant(params.id);
	if (!found) error(404, `没有编号为 ${params.id} 的样例申报人`);
	return { ...found, nearest: getNearestPaths(params.id) };
};
