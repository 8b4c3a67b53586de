// Sessions: a random 256-bit token in the browser's cookie, only its sha256 in the database; fixed expiry.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { accounts, sessions } from '../db/schema.ts';
import { toUser } from './accounts.ts';
import type { User } from './roles.ts';

export const SESSION_HOURS = 12;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Db, accountId: number, address: string | null): Promise<{ token: string; expiresAt: Date }> {
	const token = randomBytes(32).toString('base64url');
	const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
	await db.insert(sessions).values({ tokenHash: hashToken(token), accountId, expiresAt, address });
	// Expired sessions go when someone logs in; nothing else needs them.
	await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
	return { token, expiresAt };
}

/** The active account of a token, or null when the token is unknown, expired, or its account is inactive. */
export async function userOfSession(db: Db, token: string | undefined): Promise<User | null> {
	if (!token || token.length > 100) return null;
	const [row] = await db
		.select({ account: accounts })
		.from(sessions)
		.innerJoin(accounts, eq(accounts.id, sessions.accountId))
		.where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, new Date()), eq(accounts.active, true)));
	return row ? toUser(row.account) : null;
}

export async function endSession(db: Db, token: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}
