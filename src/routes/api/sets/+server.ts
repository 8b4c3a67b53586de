import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/guard';
import { getDb } from '$lib/server/store';
import { listSetViews } from '$lib/server/publish';
import { assertYear, newYear } from '$lib/server/revisions';
import { answer, body } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

/** Every year's set: state, head revision, versions, submissions. */
export const GET: RequestHandler = async (event) => {
	requireRole(event, 'read');
	return json({ sets: await listSetViews(await getDb()) });
};

/** 新建年度: { fromYear, toYear, referenceDate } → 201 { revision, mentions }. */
export const POST: RequestHandler = async (event) => {
	const user = requireRole(event, 'edit');
	const input = await body(event);
	return answer(async () => {
		const r = await newYear(await getDb(), user, { fromYear: assertYear(input.fromYear), toYear: assertYear(input.toYear), referenceDate: String(input.referenceDate ?? '') });
		return json(r, { status: 201 });
	});
};
