import { describe, expect } from 'vitest';
import { eq } from 'drizzle-orm';
import { storeTest } from './harness.ts';
import { seed } from './fixture.ts';
import { sessions } from '../../src/lib/server/db/schema.ts';
import { createAccount, DEMO_PASSWORD, login, logout, THROTTLE, updateAccount, userOfSession } from '../../src/lib/server/auth/index.ts';
import { listAudit } from '../../src/lib/server/audit/index.ts';

describe('accounts and sessions', () => {
	storeTest('log-in gives a 256-bit token stored only as its hash; log-out ends it; both audited', async (store) => {
		await seed(store);
		const { token, user } = await login(store.db, { username: 'HR-Editor ', password: DEMO_PASSWORD, address: '10.0.0.1' });
		expect(Buffer.from(token, 'base64url').length).toBe(32);
		const rows = await store.db.select().from(sessions);
		expect(rows).toHaveLength(1);
		expect(rows[0].tokenHash).not.toContain(token);
		expect(rows[0].tokenHash).toMatch(/^[0-9a-f]{64}$/);
		expect(await userOfSession(store.db, token)).toMatchObject({ username: 'hr-editor', roleLabel: '人社局经办', bureau: 'hr' });
		expect(await userOfSession(store.db, token + 'x')).toBeNull();
		await logout(store.db, user, token);
		expect(await userOfSession(store.db, token)).toBeNull();
		expect((await listAudit(store.db)).slice(0, 2).map((e) => e.action)).toEqual(['登出', '登录']);
	});

	storeTest('an expired session or a deactivated account signs nobody in', async (store) => {
		const { users } = await seed(store);
		const { token } = await login(store.db, { username: 'reviewer', password: DEMO_PASSWORD, address: null });
		await store.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) });
		expect(await userOfSession(store.db, token)).toBeNull();
		const again = await login(store.db, { username: 'reviewer', password: DEMO_PASSWORD, address: null });
		await updateAccount(store.db, users.admin, users.reviewer.id, { active: false });
		expect(await userOfSession(store.db, again.token)).toBeNull();
		await expect(login(store.db, { username: 'reviewer', password: DEMO_PASSWORD, address: null })).rejects.toMatchObject({ code: 'unauthenticated' });
	});

	storeTest('failed log-ins are audited and throttled per account and per address', async (store) => {
		await seed(store);
		for (let i = 0; i < THROTTLE.perAccount; i++)
			await expect(login(store.db, { username: 'st-editor', password: 'wrong', address: `10.0.1.${i}` })).rejects.toMatchObject({ code: 'unauthenticated', message: '用户名或密码错误' });
		// Even the right password is refused while the account is throttled.
		await expect(login(store.db, { username: 'st-editor', password: DEMO_PASSWORD, address: '10.0.2.1' })).rejects.toMatchObject({ code: 'throttled', status: 429 });
		// Another account from a fresh address still logs in.
		await login(store.db, { username: 'st-approver', password: DEMO_PASSWORD, address: '10.0.2.2' });
		// One address trying many names is throttled too.
		for (let i = 0; i < THROTTLE.perAddress; i++) await login(store.db, { username: `nobody${i}`, password: 'x', address: '10.9.9.9' }).catch(() => {});
		await expect(login(store.db, { username: 'st-approver', password: DEMO_PASSWORD, address: '10.9.9.9' })).rejects.toMatchObject({ code: 'throttled' });
		expect((await listAudit(store.db, { action: '登录失败' })).length).toBeGreaterThanOrEqual(THROTTLE.perAccount + THROTTLE.perAddress);
	}, 120_000);

	storeTest('accounts: names, roles and password length are checked; changes are audited and end sessions', async (store) => {
		const { users } = await seed(store);
		await expect(createAccount(store.db, users.admin, { username: 'Bad Name', role: 'admin', password: 'long-enough-1' })).rejects.toMatchObject({ code: 'invalid' });
		await expect(createAccount(store.db, users.admin, { username: 'short', role: 'admin', password: 'x' })).rejects.toMatchObject({ code: 'invalid' });
		await expect(createAccount(store.db, users.admin, { username: 'hr-editor', role: 'admin', password: 'long-enough-1' })).rejects.toMatchObject({ code: 'conflict' });
		await expect(createAccount(store.db, users.admin, { username: 'x2', role: 'st_editor', bureau: 'hr', password: 'long-enough-1' })).rejects.toMatchObject({ code: 'invalid' });
		const u = await createAccount(store.db, users.admin, { username: 'new.person', role: 'st_editor', password: 'long-enough-1' });
		expect(u).toMatchObject({ bureau: 'st', roleLabel: '科技局经办' });
		const { token } = await login(store.db, { username: 'new.person', password: 'long-enough-1', address: null });
		await updateAccount(store.db, users.admin, u.id, { password: 'another-long-1' });
		expect(await store.db.select().from(sessions).where(eq(sessions.accountId, u.id))).toEqual([]);
		expect(await userOfSession(store.db, token)).toBeNull();
		expect((await listAudit(store.db, { action: '账户变更' }))[0].detail).toContain('已重设');
	});
});
