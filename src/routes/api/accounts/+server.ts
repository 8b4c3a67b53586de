import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/guard';
import { getDb } from '$lib/server/store';
import { createAccount, listAccounts, type Role } from '$lib/server/auth';
import { answer, body } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	requireRole(event, 'admin');
	return json({ accounts: await listAccounts(await getDb()) });
};

/** { username, displayName?, role, bureau?, password } → 201 account. */
export const POST: RequestHandler = async (event) => {
	const user = requireRole(event, 'admin');
	const input = await body(event);
	return answer(async () =>
		json(
			await createAccount(await getDb(), user, {
				username: String(input.username ?? ''),
				displayName: typeof input.displayName === 'string' ? input.displayName : undefined,
				role: String(input.role ?? '') as Role,
				bureau: input.bureau === 'hr' || input.bureau === 'st' ? input.bureau : undefined,
				password: String(input.password ?? '')
			}),
			{ status: 201 }
		)
	);
};
