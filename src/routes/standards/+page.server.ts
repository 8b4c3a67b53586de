import { fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/guard';
import { getDb } from '$lib/server/store';
import { can } from '$lib/server/auth/roles';
import { StoreError } from '$lib/server/errors';
import { newYear } from '$lib/server/revisions';
import { listSetViews } from '$lib/server/publish';
import type { Actions, PageServerLoad } from './$types';

/** Every year's set with its state, and 新建年度 for editors. */
export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'read');
	const sets = await listSetViews(await getDb());
	return { sets, canEdit: can(user.role, 'edit') };
};

export const actions: Actions = {
	/** 新建年度: a copy of another year's set with 年度 and 基准日 set; lists what still names the old years. */
	newYear: async (event) => {
		const user = requireRole(event, 'edit');
		const form = await event.request.formData();
		const fromYear = Number(form.get('fromYear'));
		const toYear = Number(form.get('toYear'));
		const referenceDate = String(form.get('referenceDate') ?? '').trim();
		const values = { fromYear, toYear, referenceDate };
		if (!Number.isInteger(toYear) || toYear < 2000 || toYear > 2999) return fail(422, { ...values, message: '新年度须为四位数字' });
		try {
			const { revision, mentions } = await newYear(await getDb(), user, { fromYear, toYear, referenceDate });
			return { ...values, created: { year: toYear, revisionId: revision.id, seq: revision.seq }, mentions };
		} catch (e) {
			if (e instanceof StoreError) return fail(e.status, { ...values, message: e.message });
			throw e;
		}
	}
};

