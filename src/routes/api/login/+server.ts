import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/guard';
import { getDb } from '$lib/server/store';
import { login } from '$lib/server/auth/login';
import { answer, body } from '$lib/server/http/json';
import { setSessionCookie } from '$lib/server/http/cookie';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
	requireRole(event, 'public');
	const input = await body<{ username?: unknown; password?: unknown }>(event);
	return answer(async () => {
		const s = await login(await getDb(), { username: String(input.username ?? ''), password: String(input.password ?? ''), address: event.getClientAddress() });
		setSessionCookie(event.cookies, event.url, s.token, s.expiresAt);
		return json({ user: s.user, expiresAt: s.expiresAt.toISOString() });
	});
};
