// Saving a draft: the clerk names the revision they started from. If that is still the head, the save
// becomes the new head; if someone saved in between, the save is refused as a conflict, and the clerk's
// text is kept as a revision of its own (kind 'conflict', parent = their base) so nothing typed is lost.
import type { Db } from '../db/client.ts';
import { appendAudit, type Actor } from '../audit/log.ts';
import { StoreError } from '../errors.ts';
import { voidPending } from '../publish/void.ts';
import { contentHash, normalizeContent } from './content.ts';
import { getRevisionSummary, insertRevision, lockSet, setHead, type RevisionSummary } from './store.ts';

export interface SaveInput {
	year: number;
	baseRevisionId: number;
	content: unknown;
	message?: string;
}

export type SaveResult =
	| { ok: true; revision: RevisionSummary; unchanged: boolean; voidedSubmission: number | null }
	| { ok: false; conflict: { head: RevisionSummary; kept: RevisionSummary } };

export async function saveDraft(db: Db, actor: Actor, input: SaveInput): Promise<SaveResult> {
	const content = normalizeContent(input.content);
	const hash = contentHash(content);
	return db.transaction(async (tx) => {
		const set = await lockSet(tx, input.year);
		const base = await getRevisionSummary(tx, input.baseRevisionId);
		if (!base || base.year !== input.year) throw new StoreError('invalid', `基准版本 ${input.baseRevisionId} 不属于 ${input.year} 年度`);
		const head = set.headRevisionId ? await getRevisionSummary(tx, set.headRevisionId) : null;
		if (!head) throw new StoreError('not-found', `${input.year} 年度还没有版本`);
		const strip = ({ authorId: _, ...s }: RevisionSummary & { authorId: number | null }): RevisionSummary => s;
		if (head.id !== base.id) {
			const kept = await insertRevision(tx, set, { parentId: base.id, authorId: actor.id, kind: 'conflict', content, message: input.message ?? `与第 ${head.seq} 版冲突，另存` });
			await appendAudit(tx, { actor, action: '冲突另存', year: set.year, revisionId: kept.id, contentHash: kept.contentHash, detail: { base: base.id, head: head.id } });
			return { ok: false as const, conflict: { head: strip(head), kept: strip(kept) } };
		}
		if (head.contentHash === hash) return { ok: true as const, revision: strip(head), unchanged: true, voidedSubmission: null };
		const revision = await insertRevision(tx, set, { parentId: head.id, authorId: actor.id, kind: 'save', content, message: input.message });
		await setHead(tx, set.id, revision.id);
		const voided = await voidPending(tx, set, actor, `提交后又保存了第 ${revision.seq} 版`);
		await appendAudit(tx, { actor, action: '保存', year: set.year, revisionId: revision.id, contentHash: revision.contentHash, detail: { parent: head.id } });
		return { ok: true as const, revision: strip(revision), unchanged: false, voidedSubmission: voided };
	});
}
