// The one guard: every load, form action and endpoint calls requireRole with the capability it needs
// (src/lib/server/auth/roles.ts says which roles have which). Anonymous visitors of a page are sent to the
// log-in page; API calls get 401; signed-in people without the role get 403. The route×role test
// (test/server/routes.test.ts) checks that every route calls it and with what result.
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { can, ROLES, type Capability, type User } from './auth/roles.ts';

const NEEDS: Record<Capability, string> = {
	public: '',
	'signed-in': '登录',
	read: '登录',
	edit: `${ROLES.hr_editor.label}或${ROLES.st_editor.label}的角色`,
	approve: `${ROLES.hr_approver.label}或${ROLES.st_approver.label}的角色`,
	admin: `${ROLES.admin.label}的角色`
};

type Guarded = Pick<RequestEvent, 'locals' | 'url'>;

export function requireRole(event: Guarded, capability: 'public'): User | null;
export function requireRole(event: Guarded, capability: Exclude<Capability, 'public'>): User;
export function requireRole(event: Guarded, capability: Capability): User | null {
	event.locals.guard = capability;
	const user = event.locals.user ?? null;
	if (can(user?.role, capability)) return user;
	if (!user) {
		if (!event.url.pathname.startsWith('/api/') && event.locals.method === 'GET') redirect(303, `/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
		error(401, '请先登录');
	}
	error(403, `需要${NEEDS[capability]}才能进行此操作（当前：${user.roleLabel}）`);
}
