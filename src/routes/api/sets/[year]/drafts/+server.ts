import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/guard';
import { getDb } from '$lib/server/store';
import { assertYear, saveDraft } from '$lib/server/revisions';
import { answer, body } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

/** Save a draft: { baseRevisionId, content: { files }, message? } → 201 new revision, 200 unchanged, 409 conflict. */
export const POST: RequestHandler = async (event) => {
	const user = requireRole(event, 'edit');
	const input = await body(event);
	return answer(async () => {
		const r = await saveDraft(await getDb(), user, { year: assertYear(event.params.year), baseRevisionId: Number(input.baseRevisionId), content: input.content, message: typeof input.message === 'string' ? input.message : undefined });
		if (!r.ok) return json({ error: { code: 'conflict', message: `第 ${r.conflict.head.seq} 版已由 ${r.conflict.head.author ?? '他人'} 保存；你的文本已另存为第 ${r.conflict.kept.seq} 版，请合并后再保存` }, ...r.conflict }, { status: 409 });
		return json(r, { status: r.unchanged ? 200 : 201 });
	});
};
