import { error, fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/guard';
import { getDb } from '$lib/server/store';
import { can } from '$lib/server/auth/roles';
import { StoreError } from '$lib/server/errors';
import { assertYear, getRevision, headOf, samplesOf } from '$lib/server/revisions';
import { importApplicants } from '$lib/server/applicants/import';
import { DEFAULT_LIMITS } from '$lib/core/spreadsheet';
import type { Actions, PageServerLoad } from './$types';

/** The year's sample applicants, the results exports and (for editors) the import form. */
export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'read');
	const db = await getDb();
	const head = /^\d{4}$/.test(event.params.year) ? await headOf(db, Number(event.params.year)) : null;
	if (!head) error(404, `没有 ${event.params.year} 年度的标准集`);
	const samples = samplesOf((await getRevision(db, head.id))!.content).map((s) => {
		const r = (s.record ?? {}) as Record<string, unknown>;
		return { file: s.file, id: String(r.id ?? ''), name: String(r.name ?? ''), target: String(r.target_level ?? '') };
	});
	return { year: head.year, revisionId: head.id, revisionSeq: head.seq, samples, canEdit: can(user.role, 'edit'), maxMb: DEFAULT_LIMITS.maxFileBytes / 1024 / 1024 };
};

export const actions: Actions = {
	/** Upload sample applicants: the cell-by-cell report; the good rows become samples of a new draft revision. */
	import: async (event) => {
		const user = requireRole(event, 'edit');
		const form = await event.request.formData();
		const uploads = form.getAll('files').filter((f): f is File => f instanceof File && f.size > 0);
		if (!uploads.length) return fail(400, { message: '请选择要上传的文件（.xlsx、.csv、.json 或 .ndjson）' });
		const total = uploads.reduce((n, f) => n + f.size, 0);
		if (total > DEFAULT_LIMITS.maxFileBytes) return fail(413, { message: `上传文件超过 ${DEFAULT_LIMITS.maxFileBytes / 1024 / 1024} MB，已拒绝` });
		try {
			const files = await Promise.all(uploads.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
			const r = await importApplicants(await getDb(), user, { year: assertYear(event.params.year), baseRevisionId: Number(form.get('baseRevisionId')), files });
			if (r.save && !r.save.ok) {
				const c = r.save.conflict;
				return fail(409, { message: `第 ${c.head.seq} 版已由 ${c.head.author ?? '他人'} 保存，本次导入未写入草稿（已另存为第 ${c.kept.seq} 版）；请刷新页面后重新导入`, issues: r.issues, rejected: r.rejected, added: [] as string[] });
			}
			const saved = r.save?.ok ? r.save.revision.seq : null;
			return { message: saved ? `已导入 ${r.added.length} 名申报人，保存为第 ${saved} 版草稿` : '没有可导入的申报人', issues: r.issues, rejected: r.rejected, added: r.added };
		} catch (e) {
			if (e instanceof StoreError) return fail(e.status, { message: e.message });
			throw e;
		}
	}
};
