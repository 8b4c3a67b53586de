import { redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/guard';
import { getDb } from '$lib/server/store';
import { logout } from '$lib/server/auth/login';
import { clearSessionCookie } from '$lib/server/http/cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'public');
	redirect(303, '/login');
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'public');
		if (event.locals.sessionToken) await logout(await getDb(), user, event.locals.sessionToken);
		clearSessionCookie(event.cookies, event.url);
		redirect(303, '/login');
	}
};
