import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/guard';
import { recordSchema } from '$lib/core/records/schema';
import type { RequestHandler } from './$types';

/** The applicant record's JSON Schema (draft 2020-12, with Chinese labels and units). No log-in. */
export const GET: RequestHandler = (event) => {
	requireRole(event, 'public');
	return json(recordSchema);
};
