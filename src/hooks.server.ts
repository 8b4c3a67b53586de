import type { Handle } from '@sveltejs/kit';
import { userOfSession } from '$lib/server/auth/sessions';
import { SESSION_COOKIE } from '$lib/server/http/cookie';
import { closeStore, getDb } from '$lib/server/store';

// adapter-node emits this on SIGINT/SIGTERM once requests are done.
process.on('sveltekit:shutdown', () => {
	void closeStore();
});

export const handle: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE) ?? null;
	event.locals.sessionToken = token;
	event.locals.method = event.request.method;
	event.locals.user = token ? await userOfSession(await getDb(), token) : null;
	return resolve(event);
};
