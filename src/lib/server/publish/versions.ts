// What a year's set looks like from outside: its state, its published versions (现行 / 已被取代),
// the submission waiting for approval with its approvals, and past submissions.
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { accounts, approvals, publications, revisions, submissions } from '../db/schema.ts';
import { BUREAUS, type Bureau } from '../auth/roles.ts';
import { findSet, headOf, listSetRows, type RevisionSummary } from '../revisions/store.ts';

export const STATE_LABELS = { draft: '草稿', pending: '待审批', published: '已发布', superseded: '已被取代' } as const;
export type SetState = keyof typeof STATE_LABELS;
export const SUBMISSION_LABELS = { pending: '待审批', returned: '已退回', voided: '已作废', published: '已发布' } as const;

export interface ApprovalView {
	bureau: Bureau;
	bureauLabel: string;
	approver: string;
	approvedAt: string;
	contentHash: string;
	signature: string | null;
	impactSummaryHash: string | null;
}

export interface SubmissionView {
	id: number;
	revisionId: number;
	revisionSeq: number;
	contentHash: string;
	submittedBy: string;
	submittedAt: string;
	status: keyof typeof SUBMISSION_LABELS;
	statusLabel: string;
	reason: string | null;
	approvals: ApprovalView[];
}

export interface VersionView {
	publicationId: number;
	revisionId: number;
	revisionSeq: number;
	contentHash: string;
	publishedAt: string;
	state: 'published' | 'superseded';
	stateLabel: string;
	current: boolean;
}

export interface SetView {
	year: number;
	/** the draft line's state: 待审批 while a submission waits, else 草稿 (已发布 when the head is the current version) */
	state: SetState;
	stateLabel: string;
	head: RevisionSummary | null;
	current: VersionView | null;
	versions: VersionView[];
	pending: SubmissionView | null;
	submissions: SubmissionView[];
}

export async function listSubmissions(db: Db, setId: number): Promise<SubmissionView[]> {
	const rows = await db
		.select({ s: submissions, seq: revisions.seq, by: accounts.username })
		.from(submissions)
		.innerJoin(revisions, eq(revisions.id, submissions.revisionId))
		.innerJoin(accounts, eq(accounts.id, submissions.submittedBy))
		.where(eq(submissions.setId, setId))
		.orderBy(desc(submissions.id));
	const ids = rows.map((r) => r.s.id);
	const apps = ids.length
		? await db.select({ a: approvals, who: accounts.username }).from(approvals).innerJoin(accounts, eq(accounts.id, approvals.approverId)).where(inArray(approvals.submissionId, ids)).orderBy(asc(approvals.id))
		: [];
	return rows.map(({ s, seq, by }) => ({
		id: s.id,
		revisionId: s.revisionId,
		revisionSeq: seq,
		contentHash: s.contentHash,
		submittedBy: by,
		submittedAt: s.submittedAt.toISOString(),
		status: s.status as SubmissionView['status'],
		statusLabel: SUBMISSION_LABELS[s.status as SubmissionView['status']] ?? s.status,
		reason: s.reason,
		approvals: apps
			.filter(({ a }) => a.submissionId === s.id)
			.map(({ a, who }) => ({
				bureau: a.bureau as Bureau,
				bureauLabel: BUREAUS[a.bureau as Bureau] ?? a.bureau,
				approver: who,
				approvedAt: a.approvedAt.toISOString(),
				contentHash: a.contentHash,
				signature: a.signature,
				impactSummaryHash: a.impactSummaryHash
			}))
	}));
}

export async function listVersions(db: Db, setId: number): Promise<VersionView[]> {
	const rows = await db
		.select({ p: publications, seq: revisions.seq })
		.from(publications)
		.innerJoin(revisions, eq(revisions.id, publications.revisionId))
		.where(eq(publications.setId, setId))
		.orderBy(desc(publications.id));
	return rows.map(({ p, seq }, i) => ({
		publicationId: p.id,
		revisionId: p.revisionId,
		revisionSeq: seq,
		contentHash: p.contentHash,
		publishedAt: p.publishedAt.toISOString(),
		state: i === 0 ? 'published' : 'superseded',
		stateLabel: i === 0 ? '已发布（现行）' : STATE_LABELS.superseded,
		current: i === 0
	}));
}

export async function setView(db: Db, year: number): Promise<SetView | null> {
	const set = await findSet(db, year);
	if (!set) return null;
	const [head, versions, subs] = [await headOf(db, year), await listVersions(db, set.id), await listSubmissions(db, set.id)];
	const pending = subs.find((s) => s.status === 'pending') ?? null;
	const current = versions[0] ?? null;
	const state: SetState = pending ? 'pending' : current && head && current.revisionId === head.id ? 'published' : 'draft';
	return { year, state, stateLabel: STATE_LABELS[state], head, current, versions, pending, submissions: subs };
}

export async function listSetViews(db: Db): Promise<SetView[]> {
	const out: SetView[] = [];
	for (const s of await listSetRows(db)) {
		const v = await setView(db, s.year);
		if (v) out.push(v);
	}
	return out;
}

