// Accounts: creating, listing, activating, changing passwords. Every change is audited.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { accounts, sessions } from '../db/schema.ts';
import { appendAudit, type Actor } from '../audit/log.ts';
import { StoreError } from '../errors.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords.ts';
import { BUREAUS, isRole, ROLES, type Bureau, type Role, type User } from './roles.ts';

export type AccountRow = typeof accounts.$inferSelect;

export function toUser(row: AccountRow): User {
	const role = row.role as Role;
	return {
		id: row.id,
		username: row.username,
		displayName: row.displayName,
		role,
		roleLabel: ROLES[role]?.label ?? row.role,
		bureau: (row.bureau as Bureau) ?? null,
		demo: row.demo
	};
}

export interface NewAccount {
	username: string;
	displayName?: string;
	role: Role;
	/** the person's bureau; editors and approvers have their role's bureau */
	bureau?: Bureau;
	password: string;
	demo?: boolean;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,31}$/;

export async function createAccount(db: Db, actor: Actor | null, input: NewAccount): Promise<User> {
	if (!USERNAME.test(input.username)) throw new StoreError('invalid', '用户名须为 2–32 位小写字母、数字、点、下划线或连字符');
	if (!isRole(input.role)) throw new StoreError('invalid', `未知角色：${String(input.role)}`);
	if (input.password.length < MIN_PASSWORD_LENGTH) throw new StoreError('invalid', `密码至少 ${MIN_PASSWORD_LENGTH} 位`);
	const roleBureau = ROLES[input.role].bureau;
	const bureau = roleBureau ?? input.bureau ?? 'hr';
	if (roleBureau && input.bureau && input.bureau !== roleBureau) throw new StoreError('invalid', `角色“${ROLES[input.role].label}”属于${BUREAUS[roleBureau]}`);
	const passwordHash = await hashPassword(input.password);
	return db.transaction(async (tx) => {
		const existing = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, input.username));
		if (existing.length) throw new StoreError('conflict', `用户名 ${input.username} 已存在`);
		const [row] = await tx
			.insert(accounts)
			.values({ username: input.username, displayName: input.displayName ?? input.username, role: input.role, bureau, passwordHash, demo: !!input.demo })
			.returning();
		await appendAudit(tx, { actor, action: '新建账户', detail: { username: row.username, role: row.role, bureau, demo: row.demo } });
		return toUser(row);
	});
}

export async function listAccounts(db: Db): Promise<(User & { active: boolean; createdAt: Date })[]> {
	const rows = await db.select().from(accounts).orderBy(asc(accounts.id));
	return rows.map((r) => ({ ...toUser(r), active: r.active, createdAt: r.createdAt }));
}

export async function findAccount(db: Db, username: string): Promise<AccountRow | null> {
	const [row] = await db.select().from(accounts).where(eq(accounts.username, username));
	return row ?? null;
}

export interface AccountChange {
	active?: boolean;
	role?: Role;
	password?: string;
}

export async function updateAccount(db: Db, actor: Actor, accountId: number, change: AccountChange): Promise<User> {
	if (change.role !== undefined && !isRole(change.role)) throw new StoreError('invalid', `未知角色：${String(change.role)}`);
	if (change.password !== undefined && change.password.length < MIN_PASSWORD_LENGTH) throw new StoreError('invalid', `密码至少 ${MIN_PASSWORD_LENGTH} 位`);
	if (actor.id === accountId && change.active === false) throw new StoreError('invalid', '不能停用自己的账户');
	const passwordHash = change.password !== undefined ? await hashPassword(change.password) : undefined;
	return db.transaction(async (tx) => {
		const [current] = await tx.select().from(accounts).where(eq(accounts.id, accountId)).for('update');
		if (!current) throw new StoreError('not-found', '没有这个账户');
		const values: Partial<AccountRow> = {};
		if (change.active !== undefined) values.active = change.active;
		if (change.role !== undefined) {
			values.role = change.role;
			values.bureau = ROLES[change.role].bureau ?? current.bureau;
		}
		if (passwordHash) values.passwordHash = passwordHash;
		const [row] = await tx.update(accounts).set(values).where(eq(accounts.id, accountId)).returning();
		// A changed password, role or deactivation ends the account's sessions.
		await tx.delete(sessions).where(eq(sessions.accountId, accountId));
		await appendAudit(tx, {
			actor,
			action: '账户变更',
			detail: { username: row.username, ...(change.active !== undefined && { active: change.active }), ...(change.role && { role: change.role }), ...(passwordHash && { password: '已重设' }) }
		});
		return toUser(row);
	});
}

/** Demo accounts, one per role, all with the password DEMO_PASSWORD. Only for the `npm start` demo. */
export const DEMO_PASSWORD = 'demo-password';
export const DEMO_ACCOUNTS: { username: string; displayName: string; role: Role; bureau: Bureau }[] = [
	{ username: 'hr-editor', displayName: '人社局经办（演示）', role: 'hr_editor', bureau: 'hr' },
	{ username: 'st-editor', displayName: '科技局经办（演示）', role: 'st_editor', bureau: 'st' },
	{ username: 'hr-approver', displayName: '人社局审批（演示）', role: 'hr_approver', bureau: 'hr' },
	{ username: 'st-approver', displayName: '科技局审批（演示）', role: 'st_approver', bureau: 'st' },
	{ username: 'reviewer', displayName: '审阅（演示）', role: 'reviewer', bureau: 'hr' },
	{ username: 'admin', displayName: '管理员（演示）', role: 'admin', bureau: 'hr' }
];

export async function ensureDemoAccounts(db: Db): Promise<void> {
	for (const a of DEMO_ACCOUNTS) {
		if (await findAccount(db, a.username)) continue;
		await createAccount(db, null, { ...a, password: DEMO_PASSWORD, demo: true });
	}
}
