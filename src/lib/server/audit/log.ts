// Appending to and reading the audit log. Appends happen inside the transaction of the action they record,
// under a table lock, so the chain has one order even with several app processes on one PostgreSQL server.
import { and, asc, desc, eq, gt, lt, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { auditLog } from '../db/schema.ts';
import { entryHash, GENESIS, type ChainedFields } from './chain.ts';

/** What the log records, in the words the admin page shows. */
export const AUDIT_ACTIONS = [
	'登录',
	'登录失败',
	'登出',
	'导入',
	'保存',
	'冲突另存',
	'新建年度',
	'提交',
	'作废',
	'批准',
	'退回',
	'发布',
	'新建账户',
	'账户变更'
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface Actor {
	id: number;
	username: string;
}

export interface AuditInput {
	actor: Actor | null;
	action: AuditAction;
	year?: number | null;
	revisionId?: number | null;
	contentHash?: string | null;
	detail?: Record<string, unknown> | null;
	/** When the actor is unknown (a failed log-in), the name that was tried. */
	actorName?: string;
}

export type AuditRow = typeof auditLog.$inferSelect;

export async function appendAudit(tx: Tx, input: AuditInput): Promise<AuditRow> {
	await tx.execute(sql`LOCK TABLE audit_log IN EXCLUSIVE MODE`);
	const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
	const prevHash = last?.hash ?? GENESIS;
	const fields: ChainedFields = {
		at: new Date(),
		actorId: input.actor?.id ?? null,
		actorName: input.actor?.username ?? input.actorName ?? null,
		action: input.action,
		year: input.year ?? null,
		revisionId: input.revisionId ?? null,
		contentHash: input.contentHash ?? null,
		detail: input.detail ? JSON.stringify(input.detail) : null
	};
	const [row] = await tx
		.insert(auditLog)
		.values({ ...fields, prevHash, hash: entryHash(prevHash, fields) })
		.returning();
	return row;
}

/** An entry in a transaction of its own (log-ins, log-outs). */
export function audit(db: Db, input: AuditInput): Promise<AuditRow> {
	return db.transaction((tx) => appendAudit(tx, input));
}

export interface AuditFilter {
	action?: string;
	actor?: string;
	year?: number;
	limit?: number;
	/** entries before this id (paging backwards from the newest) */
	before?: number;
}

export async function listAudit(db: Db, filter: AuditFilter = {}): Promise<AuditRow[]> {
	const where: SQL[] = [];
	if (filter.action) where.push(eq(auditLog.action, filter.action));
	if (filter.actor) where.push(eq(auditLog.actorName, filter.actor));
	if (filter.year) where.push(eq(auditLog.year, filter.year));
	if (filter.before) where.push(lt(auditLog.id, filter.before));
	return db
		.select()
		.from(auditLog)
		.where(where.length ? and(...where) : undefined)
		.orderBy(desc(auditLog.id))
		.limit(Math.min(filter.limit ?? 200, 1000));
}


export interface ChainReport {
	ok: boolean;
	entries: number;
	/** the first entry whose stored hashes do not match, and why */
	broken?: { id: number; reason: string };
}

/** Recomputes the whole chain, in pages, from the first entry. */
export async function verifyAudit(db: Db): Promise<ChainReport> {
	let prev = GENESIS;
	let lastId = 0;
	let entries = 0;
	for (;;) {
		const page = await db.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(1000);
		if (page.length === 0) break;
		for (const row of page) {
			entries++;
			if (row.prevHash !== prev) return { ok: false, entries, broken: { id: row.id, reason: '与前一条的哈希不相接（有条目被删除、插入或改动）' } };
			if (entryHash(prev, row) !== row.hash) return { ok: false, entries, broken: { id: row.id, reason: '内容与其哈希不符（条目被改动）' } };
			prev = row.hash;
			lastId = row.id;
		}
	}
	return { ok: true, entries };
}
