import { fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/guard';
import { getDb, demoMode } from '$lib/server/store';
import { login } from '$lib/server/auth/login';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, ROLES } from '$lib/server/auth';
import { StoreError } from '$lib/server/errors';
import { setSessionCookie } from '$lib/server/http/cookie';
import type { Actions, PageServerLoad } from './$types';

/** Only same-site paths: never send the browser elsewhere after log-in. */
const safeNext = (next: string | null) => (next && next.startsWith('/') && !next.startsWith('//') ? next : '/');

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'public');
	return {
		user,
		next: safeNext(event.url.searchParams.get('next')),
		demo: demoMode() ? { password: DEMO_PASSWORD, accounts: DEMO_ACCOUNTS.map((a) => ({ username: a.username, role: ROLES[a.role].label })) } : null
	};
};

export const actions: Actions = {
	default: async (event) => {
		requireRole(event, 'public');
		const form = await event.request.formData();
		const username = String(form.get('username') ?? '');
		const password = String(form.get('password') ?? '');
		try {
			const session = await login(await getDb(), { username, password, address: event.getClientAddress() });
			setSessionCookie(event.cookies, event.url, session.token, session.expiresAt);
		} catch (e) {
			if (e instanceof StoreError) return fail(e.status, { username, message: e.message });
			throw e;
		}
		redirect(303, safeNext(String(form.get('next') ?? '/')));
	}
};
