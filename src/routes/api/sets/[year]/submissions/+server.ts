import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/guard';
import { getDb } from '$lib/server/store';
import { submit } from '$lib/server/publish';
import { assertYear } from '$lib/server/revisions';
import { answer, body } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

/** Submit the head revision for approval: { revisionId } → 201 submission; 409 not the head / already pending. */
export const POST: RequestHandler = async (event) => {
	const user = requireRole(event, 'edit');
	const input = await body(event);
	return answer(async () => json(await submit(await getDb(), user, { year: assertYear(event.params.year), revisionId: Number(input.revisionId) }), { status: 201 }));
};
