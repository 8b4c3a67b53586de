// 影响分析: the year's latest draft revision on the server against the version in force, on the draft's samples
// (or a cohort the clerk imports in the page). Everyone who may read drafts sees the same pair.
import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/guard';
import { yearParam } from '$lib/server/http/year';
import { getDb } from '$lib/server/store';
import { impactPair } from '$lib/server/impact';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'read');
	const year = yearParam(event.params.year);
	const pair = await impactPair(await getDb(), year);
	if (!pair) error(404, `没有 ${year} 年度的标准集`);
	return { year, ...pair };
};
