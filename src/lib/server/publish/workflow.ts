// 草稿 → 待审批 → 已发布 → 已被取代, and 退回. Every step locks the year's set row first, so a save, a
// submission and approvals of one year happen one after another: an approval sees either the submission
// it approves still pending with the same content hash, or it is refused; publication needs both bureaus'
// approvals of that submission's exact content hash, checked under the same lock.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { approvals, revisions, standardSets, submissions } from '../db/schema.ts';
import { appendAudit } from '../audit/log.ts';
import { BUREAUS, ROLES, type Bureau, type User } from '../auth/roles.ts';
import { StoreError } from '../errors.ts';
import { compileContent } from '../revisions/compile.ts';
import { getContent, getRevisionSummary, lockSet } from '../revisions/store.ts';
import { insertPublication, type PublicationRow } from './publication.ts';
import { runApprovalSteps } from './steps.ts';
import { signaturesOf } from './signing.ts';

export const REQUIRED_BUREAUS: Bureau[] = ['hr', 'st'];

export type SubmissionRow = typeof submissions.$inferSelect;

function requireKind(user: User, kind: 'editor' | 'approver'): Bureau {
	const role = ROLES[user.role];
	if (role.kind !== kind || !role.bureau) throw new StoreError('forbidden', kind === 'editor' ? '只有经办人员可以提交' : '只有审批人员可以审批或退回');
	return role.bureau;
}

/** Puts the year's head revision forward for approval: only when it compiles clean and every pinned sample holds. */
export async function submit(db: Db, actor: User, input: { year: number; revisionId: number }): Promise<SubmissionRow> {
	requireKind(actor, 'editor');
	return db.transaction(async (tx) => {
		const set = await lockSet(tx, input.year);
		if (set.headRevisionId !== input.revisionId) throw new StoreError('conflict', '只能提交最新保存的版本；请先合并他人的修改并保存');
		const [pending] = await tx.select().from(submissions).where(and(eq(submissions.setId, set.id), eq(submissions.status, 'pending')));
		if (pending) throw new StoreError('conflict', pending.revisionId === input.revisionId ? '这个版本已在待审批中' : '本年度已有待审批的提交');
		const revision = (await getRevisionSummary(tx, input.revisionId))!;
		const compiled = compileContent(await getContent(tx, revision.id));
		if (!compiled.bundle || compiled.errors > 0)
			throw new StoreError('not-ready', `不能提交：编译有 ${compiled.errors} 个错误`, { diagnostics: compiled.diagnostics.filter((d) => d.severity === 'error') });
		if (compiled.failures.length)
			throw new StoreError('not-ready', `不能提交：${compiled.failures.length} 个样例与固定的预期不符`, { failures: compiled.failures });
		const [row] = await tx.insert(submissions).values({ setId: set.id, revisionId: revision.id, contentHash: revision.contentHash, submittedBy: actor.id }).returning();
		await appendAudit(tx, { actor, action: '提交', year: set.year, revisionId: revision.id, contentHash: revision.contentHash, detail: { submission: row.id } });
		return row;
	});
}

async function pendingSubmission(db: Db, submissionId: number) {
	const [row] = await db.select().from(submissions).where(eq(submissions.id, submissionId));
	if (!row) throw new StoreError('not-found', `没有编号为 ${submissionId} 的提交`);
	return row;
}

const yearOfSet = async (db: Db, setId: number) =>
	(await db.select({ year: standardSets.year }).from(standardSets).where(eq(standardSets.id, setId)))[0].year;

export interface ApproveResult {
	approval: typeof approvals.$inferSelect;
	publication: PublicationRow | null;
}

/** Approves a submission's exact content hash for the approver's bureau; publishes once both bureaus have. */
export async function approve(
	db: Db,
	actor: User,
	input: { submissionId: number; contentHash: string; [key: string]: unknown }
): Promise<ApproveResult> {
	const bureau = requireKind(actor, 'approver');
	const year = await yearOfSet(db, (await pendingSubmission(db, input.submissionId)).setId);
	return db.transaction(async (tx) => {
		const set = await lockSet(tx, year);
		const [sub] = await tx.select().from(submissions).where(eq(submissions.id, input.submissionId));
		if (sub.status !== 'pending') throw new StoreError('conflict', sub.status === 'voided' ? '提交后又有保存，这次提交已作废' : '这次提交已不在待审批中');
		if (input.contentHash !== sub.contentHash) throw new StoreError('conflict', '所批准的内容哈希与待审批的版本不一致');
		const [rev] = await tx.select().from(revisions).where(eq(revisions.id, sub.revisionId));
		if (rev.contentHash !== sub.contentHash || set.headRevisionId !== rev.id) throw new StoreError('conflict', '待审批的版本已不是最新版本');
		if (rev.authorId === actor.id) throw new StoreError('forbidden', '不能批准自己编写的版本');
		const [already] = await tx.select().from(approvals).where(and(eq(approvals.submissionId, sub.id), eq(approvals.bureau, bureau)));
		if (already) throw new StoreError('conflict', `${BUREAUS[bureau]}已批准过这次提交`);
		const extras = await runApprovalSteps({ tx, approver: actor, year, submissionId: sub.id, revisionId: rev.id, contentHash: sub.contentHash, input });
		const [approval] = await tx.insert(approvals).values({ submissionId: sub.id, approverId: actor.id, bureau, contentHash: sub.contentHash, ...extras }).returning();
		await appendAudit(tx, { actor, action: '批准', year, revisionId: rev.id, contentHash: sub.contentHash, detail: { submission: sub.id, bureau, impactSummaryHash: extras.impactSummaryHash ?? null } });
		const all = await tx.select().from(approvals).where(eq(approvals.submissionId, sub.id));
		const approved = REQUIRED_BUREAUS.every((b) => all.some((a) => a.bureau === b && a.contentHash === sub.contentHash));
		if (!approved) return { approval, publication: null };
		const publication = await insertPublication(tx, {
			setId: set.id,
			year,
			revisionId: rev.id,
			submissionId: sub.id,
			contentHash: sub.contentHash,
			content: await getContent(tx, rev.id),
			signatures: signaturesOf(all.filter((a) => a.contentHash === sub.contentHash))
		});
		await tx.update(submissions).set({ status: 'published', closedAt: new Date(), closedBy: actor.id }).where(eq(submissions.id, sub.id));
		await appendAudit(tx, { actor, action: '发布', year, revisionId: rev.id, contentHash: sub.contentHash, detail: { submission: sub.id, publication: publication.id, approvals: all.map((a) => a.id) } });
		return { approval, publication };
	});
}

/** Sends a submission back to its authors with a reason; the set is a draft again. */
export async function returnSubmission(db: Db, actor: User, input: { submissionId: number; reason: string }): Promise<SubmissionRow> {
	requireKind(actor, 'approver');
	const reason = (input.reason ?? '').trim();
	if (!reason) throw new StoreError('invalid', '退回须写明理由');
	const year = await yearOfSet(db, (await pendingSubmission(db, input.submissionId)).setId);
	return db.transaction(async (tx) => {
		await lockSet(tx, year);
		const [sub] = await tx.select().from(submissions).where(eq(submissions.id, input.submissionId));
		if (sub.status !== 'pending') throw new StoreError('conflict', '这次提交已不在待审批中');
		const [row] = await tx.update(submissions).set({ status: 'returned', closedAt: new Date(), closedBy: actor.id, reason }).where(eq(submissions.id, sub.id)).returning();
		await appendAudit(tx, { actor, action: '退回', year, revisionId: sub.revisionId, contentHash: sub.contentHash, detail: { submission: sub.id, reason } });
		return row;
	});
}
