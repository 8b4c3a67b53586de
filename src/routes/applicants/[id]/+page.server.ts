import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/guard';
import { getApplicant } from '$lib/server/standards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'public');
	const found = await getApplicant(event.params.id);
	if (!found) error(404, `没有编号为 ${event.params.id} 的样例申报人`);
	return found;
};
