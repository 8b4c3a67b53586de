import { requireRole } from '$lib/server/guard';
import { keyFile } from '$lib/server/public/keys';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	(requireRole(event, 'public'),
	new Response(JSON.stringify(keyFile(), null, 1) + '\n', {
		headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': "attachment; filename=keys.json" }
	}));
