import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/guard';
import { getOverview } from '$lib/server/standards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'public');
	const overview = await getOverview();
	if (!overview) error(404, '还没有已发布的标准集');
	return overview;
};
