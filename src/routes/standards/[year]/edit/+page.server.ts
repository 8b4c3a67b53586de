import { error, fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/guard';
import { yearParam } from '$lib/server/http/year';
import { getDb } from '$lib/server/store';
import { can } from '$lib/server/auth/roles';
import { StoreError } from '$lib/server/errors';
import { getContent, getRevision, headOf, saveDraft } from '$lib/server/revisions';
import { contentFromEditor, editorContent } from '$lib/server/drafts';
import { getOverview } from '$lib/server/standards';
import { formatTime } from '$lib/view';
import type { Actions, PageServerLoad } from './$types';

/** The editor gets the year's latest revision (the head); editors save on top of it, others only read. */
export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'read');
	const year = yearParam(event.params.year);
	const db = await getDb();
	const head = await headOf(db, year);
	if (!head) error(404, `没有 ${year} 年度的标准集`);
	const { content } = (await getRevision(db, head.id))!;
	const setName = (await getOverview(year))?.meta?.name ?? null;
	return {
		year,
		setName,
		revisionId: head.id,
		revisionSeq: head.seq,
		contentHash: head.contentHash,
		canEdit: can(user.role, 'edit'),
		...editorContent(content)
	};
};

export const actions: Actions = {
	/** Autosave: { baseRevisionId, files, samples } as JSON in the form field "payload". */
	save: async (event) => {
		const user = requireRole(event, 'edit');
		const year = yearParam(event.params.year);
		const form = await event.request.formData();
		let payload: { baseRevisionId?: unknown; files?: unknown; samples?: unknown };
		try {
			payload = JSON.parse(String(form.get('payload') ?? ''));
		} catch {
			return fail(400, { message: '保存的内容不是有效的 JSON' });
		}
		const baseRevisionId = Number(payload.baseRevisionId);
		if (!Number.isInteger(baseRevisionId)) return fail(400, { message: '缺少基准版本' });
		const db = await getDb();
		try {
			const base = await getContent(db, baseRevisionId);
			const content = contentFromEditor(base, payload);
			const result = await saveDraft(db, user, { year, baseRevisionId, content });
			if (result.ok) return { saved: result.revision, unchanged: result.unchanged, voidedSubmission: result.voidedSubmission };
			const head = (await getRevision(db, result.conflict.head.id))!;
			return fail(409, {
				message: `保存被拒绝：${head.author ?? '他人'}已在 ${formatTime(head.createdAt)} 保存了第 ${head.seq} 版，您的修改基于更早的版本。您的文本已另存为第 ${result.conflict.kept.seq} 版，请对照合并后再保存。`,
				conflict: { head: result.conflict.head, kept: result.conflict.kept, theirs: editorContent(head.content) }
			});
		} catch (e) {
			if (e instanceof StoreError) return fail(e.status, { message: e.message });
			if (e instanceof TypeError) return fail(400, { message: `保存的内容有误：${e.message}` });
			throw e;
		}
	}
};
