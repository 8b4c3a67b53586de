import { error, fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/guard';
import { yearParam } from '$lib/server/http/year';
import { getDb } from '$lib/server/store';
import { can, ROLES } from '$lib/server/auth/roles';
import { StoreError } from '$lib/server/errors';
import { compileContent, getContent, listRevisions } from '$lib/server/revisions';
import { approve, returnSubmission, setView, submit } from '$lib/server/publish';
import { impactSummaryOf } from '$lib/server/impact';
import type { Actions, PageServerLoad } from './$types';

/** A store refusal becomes the form's message; anything else is a bug and surfaces as one. */
async function attempt<T>(run: () => Promise<T>): Promise<T | ReturnType<typeof fail<{ message: string; failed: true }>>> {
	try {
		return await run();
	} catch (e) {
		if (e instanceof StoreError) return fail(e.status, { message: e.message, failed: true as const });
		throw e;
	}
}

/** A year's set: its state, versions (现行 / 已被取代), revisions, the submission waiting and its approvals. */
export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'read');
	const year = yearParam(event.params.year);
	const db = await getDb();
	const view = await setView(db, year);
	if (!view) error(404, `没有 ${year} 年度的标准集`);
	const revisions = await listRevisions(db, year);
	// Whether the head could be submitted: compiles clean, and every pinned sample expectation holds.
	let readiness: { errors: number; failures: { file: string; problems: string[] }[]; samples: number } | null = null;
	if (view.head) {
		const compiled = compileContent(await getContent(db, view.head.id));
		readiness = { errors: compiled.errors, failures: compiled.failures, samples: compiled.samples.length };
	}
	// The step of publishing that shows what the waiting version changes against the version in force.
	const impact = view.pending ? await impactSummaryOf(db, year, view.pending.revisionId) : null;
	const role = ROLES[user.role];
	return {
		year,
		view,
		revisions,
		readiness,
		impact,
		can: { edit: can(user.role, 'edit'), approve: can(user.role, 'approve') },
		me: { username: user.username, bureau: role.bureau }
	};
};

export const actions: Actions = {
	submit: async (event) => {
		const user = requireRole(event, 'edit');
		const year = yearParam(event.params.year);
		const revisionId = Number((await event.request.formData()).get('revisionId'));
		return attempt(async () => {
			const row = await submit(await getDb(), user, { year, revisionId });
			return { message: `已提交第 ${row.id} 号审批（内容哈希 ${row.contentHash.slice(0, 12)}…），等待人社局与科技局各一位审批人批准` };
		});
	},
	approve: async (event) => {
		const user = requireRole(event, 'approve');
		yearParam(event.params.year);
		const form = await event.request.formData();
		return attempt(async () => {
			const r = await approve(await getDb(), user, { submissionId: Number(form.get('submissionId')), contentHash: String(form.get('contentHash') ?? ''), impactSummaryHash: String(form.get('impactSummaryHash') ?? '') });
			return { message: r.publication ? `已批准；两局均已批准，已发布（内容哈希 ${r.publication.contentHash.slice(0, 12)}…）` : '已批准，等待另一局批准' };
		});
	},
	return: async (event) => {
		const user = requireRole(event, 'approve');
		yearParam(event.params.year);
		const form = await event.request.formData();
		return attempt(async () => {
			await returnSubmission(await getDb(), user, { submissionId: Number(form.get('submissionId')), reason: String(form.get('reason') ?? '') });
			return { message: '已退回，标准集回到草稿' };
		});
	}
};
