import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/guard';
import { getDb } from '$lib/server/store';
import { returnSubmission } from '$lib/server/publish';
import { answer, body, intParam } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

/** 退回: { reason } → 200 submission. */
export const POST: RequestHandler = async (event) => {
	const user = requireRole(event, 'approve');
	const input = await body(event);
	const submissionId = intParam(event.params.id, '提交');
	return answer(async () => json(await returnSubmission(await getDb(), user, { submissionId, reason: String(input.reason ?? '') })));
};
