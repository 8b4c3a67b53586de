import { requireRole } from '$lib/server/guard';
import { getDb } from '$lib/server/store';
import { logout } from '$lib/server/auth/login';
import { clearSessionCookie } from '$lib/server/http/cookie';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
	const user = requireRole(event, 'signed-in');
	if (event.locals.sessionToken) await logout(await getDb(), user, event.locals.sessionToken);
	clearSessionCookie(event.cookies, event.url);
	return new Response(null, { status: 204 });
};
