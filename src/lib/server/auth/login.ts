// Log-in with throttling per account name and per address; every attempt is audited.
import { and, count, eq, gt, inArray, lt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { loginFailures } from '../db/schema.ts';
import { audit } from '../audit/log.ts';
import { StoreError } from '../errors.ts';
import { findAccount, toUser } from './accounts.ts';
import { burnVerify, verifyPassword } from './passwords.ts';
import { createSession, endSession } from './sessions.ts';
import type { User } from './roles.ts';

export const THROTTLE = { windowMinutes: 15, perAccount: 5, perAddress: 20 } as const;

async function failuresSince(db: Db, key: string, since: Date): Promise<number> {
	const [row] = await db.select({ n: count() }).from(loginFailures).where(and(eq(loginFailures.key, key), gt(loginFailures.at, since)));
	return Number(row?.n ?? 0);
}

export interface LoginResult {
	user: User;
	token: string;
	expiresAt: Date;
}

export async function login(db: Db, input: { username: string; password: string; address: string | null }): Promise<LoginResult> {
	const username = input.username.trim().toLowerCase();
	const userKey = `user:${username}`;
	const addrKey = `addr:${input.address ?? '?'}`;
	const since = new Date(Date.now() - THROTTLE.windowMinutes * 60_000);
	if ((await failuresSince(db, userKey, since)) >= THROTTLE.perAccount || (await failuresSince(db, addrKey, since)) >= THROTTLE.perAddress) {
		await audit(db, { actor: null, actorName: username, action: '登录失败', detail: { reason: '尝试过多，已暂停', address: input.address } });
		throw new StoreError('throttled', `登录失败次数过多，请 ${THROTTLE.windowMinutes} 分钟后再试`);
	}
	const account = await findAccount(db, username);
	const ok = account ? account.active && (await verifyPassword(account.passwordHash, input.password)) : (await burnVerify(input.password), false);
	if (!account || !ok) {
		await db.insert(loginFailures).values([{ key: userKey }, { key: addrKey }]);
		await db.delete(loginFailures).where(lt(loginFailures.at, since));
		await audit(db, { actor: null, actorName: username, action: '登录失败', detail: { reason: account && !account.active ? '账户已停用' : '用户名或密码错误', address: input.address } });
		throw new StoreError('unauthenticated', '用户名或密码错误');
	}
	await db.delete(loginFailures).where(inArray(loginFailures.key, [userKey]));
	const session = await createSession(db, account.id, input.address);
	const user = toUser(account);
	await audit(db, { actor: user, action: '登录', detail: { address: input.address } });
	return { user, ...session };
}

export async function logout(db: Db, user: User | null, token: string): Promise<void> {
	await endSession(db, token);
	if (user) await audit(db, { actor: user, action: '登出' });
}
