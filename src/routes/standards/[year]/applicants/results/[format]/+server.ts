import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/guard';
import { getDb } from '$lib/server/store';
import { StoreError } from '$lib/server/errors';
import { resultsFile } from '$lib/server/applicants/results';
import { download } from '$lib/server/http/download';
import type { RequestHandler } from './$types';

/** The results of the year's head (or ?revision=<id>) on its sample applicants, as csv (with BOM) or xlsx. */
export const GET: RequestHandler = async (event) => {
	requireRole(event, 'read');
	const { year, format } = event.params;
	if (!/^\d{4}$/.test(year) || (format !== 'csv' && format !== 'xlsx')) error(404, '没有这种导出格式（csv 或 xlsx）');
	const rev = event.url.searchParams.get('revision');
	try {
		const f = await resultsFile(await getDb(), Number(year), rev && /^\d+$/.test(rev) ? Number(rev) : null, format);
		return download(f.body, f.name, f.type);
	} catch (e) {
		if (e instanceof StoreError) error(e.status, e.message);
		throw e;
	}
};
