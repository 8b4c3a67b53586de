import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/guard';
import { getDb } from '$lib/server/store';
import { approve } from '$lib/server/publish';
import { answer, body, intParam } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

/** Approve for the approver's bureau: { contentHash } → 200 { approval, publication | null }. */
export const POST: RequestHandler = async (event) => {
	const user = requireRole(event, 'approve');
	const input = await body(event);
	const submissionId = intParam(event.params.id, '提交');
	return answer(async () => {
		const r = await approve(await getDb(), user, { ...input, submissionId, contentHash: String(input.contentHash ?? '') });
		return json({ approval: r.approval, published: r.publication && { publicationId: r.publication.id, revisionId: r.publication.revisionId, contentHash: r.publication.contentHash } });
	});
};
