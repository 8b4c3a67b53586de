// A save after submission voids the submission and every approval of it: the set is a draft again.
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { submissions } from '../db/schema.ts';
import { appendAudit, type Actor } from '../audit/log.ts';

/** Voids the year's pending submission, if any; the caller holds the set's lock. Returns its id. */
export async function voidPending(tx: Tx, set: { id: number; year: number }, actor: Actor, reason: string): Promise<number | null> {
	const [pending] = await tx
		.update(submissions)
		.set({ status: 'voided', closedAt: new Date(), closedBy: actor.id, reason })
		.where(and(eq(submissions.setId, set.id), eq(submissions.status, 'pending')))
		.returning();
	if (!pending) return null;
	await appendAudit(tx, { actor, action: '作废', year: set.year, revisionId: pending.revisionId, contentHash: pending.contentHash, detail: { submission: pending.id, reason } });
	return pending.id;
}
