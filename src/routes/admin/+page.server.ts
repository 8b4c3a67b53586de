import { fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/guard';
import { getDb } from '$lib/server/store';
import { ALL_ROLES, createAccount, isRole, listAccounts, ROLES, updateAccount } from '$lib/server/auth';
import { AUDIT_ACTIONS, listAudit, verifyAudit } from '$lib/server/audit';
import { StoreError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const db = await getDb();
	const q = event.url.searchParams;
	const filter = { action: q.get('action') || undefined, actor: q.get('actor') || undefined, year: Number(q.get('year')) || undefined };
	return {
		accounts: (await listAccounts(db)).map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
		roles: ALL_ROLES.map((r) => ({ value: r, label: ROLES[r].label })),
		actions: [...AUDIT_ACTIONS],
		filter,
		chain: await verifyAudit(db),
		entries: (await listAudit(db, filter)).map((e) => ({ ...e, at: e.at.toISOString() }))
	};
};

const refusal = (e: unknown) => {
	if (e instanceof StoreError) return fail(e.status, { message: e.message });
	throw e;
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireRole(event, 'admin');
		const f = await event.request.formData();
		const role = String(f.get('role') ?? '');
		if (!isRole(role)) return fail(422, { message: '请选择角色' });
		const bureau = f.get('bureau') === 'st' ? 'st' : 'hr';
		try {
			const created = await createAccount(await getDb(), user, { username: String(f.get('username') ?? ''), displayName: String(f.get('displayName') ?? '') || undefined, role, bureau, password: String(f.get('password') ?? '') });
			return { message: `已创建账户 ${created.username}` };
		} catch (e) {
			return refusal(e);
		}
	},
	update: async (event) => {
		const user = requireRole(event, 'admin');
		const f = await event.request.formData();
		const id = Number(f.get('id'));
		const role = String(f.get('role') ?? '');
		const password = String(f.get('password') ?? '');
		try {
			const changed = await updateAccount(await getDb(), user, id, {
				...(f.has('active') && { active: f.get('active') === '1' }),
				...(isRole(role) && { role }),
				...(password && { password })
			});
			return { message: `已更新账户 ${changed.username}` };
		} catch (e) {
			return refusal(e);
		}
	}
};
