import { describe, expect } from 'vitest';
import { eq } from 'drizzle-orm';
import { storeTest } from './harness.ts';
import { editFile, seed } from './fixture.ts';
import { approvals, publications, submissions } from '../../src/lib/server/db/schema.ts';
import { getRevision, saveDraft, type SetContent } from '../../src/lib/server/revisions/index.ts';
import { approve, currentPublication, registerApprovalStep, returnSubmission, setView, submit, unregisterApprovalStep } from '../../src/lib/server/publish/index.ts';
import { updateAccount } from '../../src/lib/server/auth/index.ts';
import { listAudit } from '../../src/lib/server/audit/index.ts';
import type { Store } from '../../src/lib/server/db/index.ts';
import type { Seeded } from './fixture.ts';

const raise = (t: string) => t.replace('合同成交额 >= 500万元', '合同成交额 >= 800万元');

/** HR saves a changed threshold (keeping every sample's pinned result) and submits it. */
async function savedAndSubmitted(store: Store, s: Seeded) {
	const base = (await getRevision(store.db, s.imported.id))!;
	// A comment-only change keeps all pinned sample expectations.
	const content = editFile(base.content, '副研究员.std', (t) => t + '\n// 2026 修订\n');
	const saved = await saveDraft(store.db, s.users.hrEditor, { year: 2026, baseRevisionId: s.imported.id, content });
	if (!saved.ok) throw new Error('save failed');
	const submission = await submit(store.db, s.users.hrEditor, { year: 2026, revisionId: saved.revision.id });
	return { content, revision: saved.revision, submission };
}

describe('publishing', () => {
	storeTest('only a revision that compiles clean and keeps every pinned sample can be submitted', async (store) => {
		const s = await seed(store);
		const base = (await getRevision(store.db, s.imported.id))!;
		const broken = await saveDraft(store.db, s.users.hrEditor, { year: 2026, baseRevisionId: s.imported.id, content: editFile(base.content, 'common.std', (t) => t + '\n级别 {\n') });
		if (!broken.ok) throw new Error('save');
		await expect(submit(store.db, s.users.hrEditor, { year: 2026, revisionId: broken.revision.id })).rejects.toMatchObject({ code: 'not-ready', message: expect.stringMatching(/编译有 \d+ 个错误/) });
		// 800万元 changes verdicts that samples pin.
		const changed = await saveDraft(store.db, s.users.hrEditor, { year: 2026, baseRevisionId: broken.revision.id, content: editFile(base.content, '副研究员.std', raise) });
		if (!changed.ok) throw new Error('save');
		await expect(submit(store.db, s.users.hrEditor, { year: 2026, revisionId: changed.revision.id })).rejects.toMatchObject({ code: 'not-ready', message: expect.stringMatching(/样例与固定的预期不符/) });
		await expect(submit(store.db, s.users.hrApprover, { year: 2026, revisionId: changed.revision.id })).rejects.toMatchObject({ code: 'forbidden' });
		expect(await store.db.select().from(submissions)).toEqual([]);
	});

	storeTest('published only when one approver of each bureau approved that exact content hash', async (store) => {
		const s = await seed(store);
		const { content, revision, submission } = await savedAndSubmitted(store, s);
		expect((await setView(store.db, 2026))!.stateLabel).toBe('待审批');
		await expect(approve(store.db, s.users.hrApprover, { submissionId: submission.id, contentHash: 'f'.repeat(64) })).rejects.toMatchObject({ code: 'conflict' });
		const first = await approve(store.db, s.users.hrApprover, { submissionId: submission.id, contentHash: revision.contentHash });
		expect(first.publication).toBeNull();
		await expect(approve(store.db, s.users.hrApprover, { submissionId: submission.id, contentHash: revision.contentHash })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('人社局已批准') });
		expect((await currentPublication(store.db, 2026))!.revisionId).toBe(s.imported.id);
		const second = await approve(store.db, s.users.stApprover, { submissionId: submission.id, contentHash: revision.contentHash });
		expect(second.publication).toMatchObject({ revisionId: revision.id, contentHash: revision.contentHash });
		expect((second.publication!.bundle as { meta: { contentHash: string } }).meta.contentHash).toBe(revision.contentHash);
		const view = (await setView(store.db, 2026))!;
		expect(view.versions.map((v) => [v.revisionId, v.stateLabel])).toEqual([[revision.id, '已发布（现行）'], [s.imported.id, '已被取代']]);
		expect(view.state).toBe('published');
		expect((await listAudit(store.db)).map((e) => e.action).slice(0, 4)).toEqual(['发布', '批准', '批准', '提交']);
		expect(content.files.length).toBeGreaterThan(5);
	});

	storeTest('a save after submission voids every approval; the old hash can no longer be approved', async (store) => {
		const s = await seed(store);
		const { content, revision, submission } = await savedAndSubmitted(store, s);
		await approve(store.db, s.users.hrApprover, { submissionId: submission.id, contentHash: revision.contentHash });
		const late = await saveDraft(store.db, s.users.stEditor, { year: 2026, baseRevisionId: revision.id, content: editFile(content, '研究员.std', (t) => t + '\n// 晚到的修改\n') });
		expect(late).toMatchObject({ ok: true, voidedSubmission: submission.id });
		await expect(approve(store.db, s.users.stApprover, { submissionId: submission.id, contentHash: revision.contentHash })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('作废') });
		expect((await currentPublication(store.db, 2026))!.revisionId).toBe(s.imported.id);
		const view = (await setView(store.db, 2026))!;
		expect(view.stateLabel).toBe('草稿');
		expect(view.submissions[0]).toMatchObject({ statusLabel: '已作废' });
		expect((await listAudit(store.db, { action: '作废' }))[0]).toMatchObject({ contentHash: revision.contentHash });
	});

	storeTest('an approver cannot approve a revision they authored', async (store) => {
		const s = await seed(store);
		const { revision, submission } = await savedAndSubmitted(store, s);
		// The HR editor who wrote it becomes an approver.
		const promoted = await updateAccount(store.db, s.users.admin, s.users.hrEditor.id, { role: 'hr_approver' });
		await expect(approve(store.db, promoted, { submissionId: submission.id, contentHash: revision.contentHash })).rejects.toMatchObject({ code: 'forbidden', message: '不能批准自己编写的版本' });
		await expect(approve(store.db, s.users.hrEditor, { submissionId: submission.id, contentHash: revision.contentHash })).rejects.toMatchObject({ code: 'forbidden' });
		await expect(approve(store.db, s.users.admin, { submissionId: submission.id, contentHash: revision.contentHash })).rejects.toMatchObject({ code: 'forbidden' });
		expect(await store.db.select().from(approvals)).toEqual([]);
	});

	storeTest('退回 needs a reason and makes the set a draft again', async (store) => {
		const s = await seed(store);
		const { revision, submission } = await savedAndSubmitted(store, s);
		await expect(returnSubmission(store.db, s.users.stApprover, { submissionId: submission.id, reason: ' ' })).rejects.toMatchObject({ code: 'invalid' });
		await returnSubmission(store.db, s.users.stApprover, { submissionId: submission.id, reason: '门槛调整需再议' });
		expect((await setView(store.db, 2026))!).toMatchObject({ stateLabel: '草稿', submissions: [{ statusLabel: '已退回', reason: '门槛调整需再议' }] });
		await expect(approve(store.db, s.users.hrApprover, { submissionId: submission.id, contentHash: revision.contentHash })).rejects.toMatchObject({ code: 'conflict' });
		// It can be submitted again.
		await submit(store.db, s.users.hrEditor, { year: 2026, revisionId: revision.id });
	});

	storeTest('approval steps store what they produce with the approval (signature, impact summary hash)', async (store) => {
		const s = await seed(store);
		const { revision, submission } = await savedAndSubmitted(store, s);
		registerApprovalStep('test-sign', (ctx) => ({ signature: `sig:${ctx.contentHash.slice(0, 8)}:${ctx.approver.username}`, signatureKeyId: 'k1', impactSummaryHash: String(ctx.input.impactSummaryHash ?? '') || null }));
		try {
			await approve(store.db, s.users.hrApprover, { submissionId: submission.id, contentHash: revision.contentHash, impactSummaryHash: 'abc' });
		} finally {
			unregisterApprovalStep('test-sign');
		}
		const [a] = await store.db.select().from(approvals);
		expect(a).toMatchObject({ signature: `sig:${revision.contentHash.slice(0, 8)}:hr-approver`, signatureKeyId: 'k1', impactSummaryHash: 'abc' });
	});

	storeTest('racing approvals, late edits and submissions never publish content both bureaus did not approve', async (store, backend) => {
		const s = await seed(store);
		let base = (await getRevision(store.db, s.imported.id))!;
		let content: SetContent = base.content;
		let outcomes = { published: 0, refused: 0 };
		for (let round = 0; round < 6; round++) {
			const { revision, submission, content: submitted } = await savedAndSubmitted(store, { ...s, imported: { ...s.imported, id: (await setView(store.db, 2026))!.head!.id } } as Seeded).catch(async () => {
				throw new Error('submit failed');
			});
			content = submitted;
			const edited = editFile(content, '研究员.std', (t) => t + `\n// 第 ${round} 轮的晚到修改\n`);
			const results = await Promise.allSettled([
				approve(store.db, s.users.hrApprover, { submissionId: submission.id, contentHash: revision.contentHash }),
				saveDraft(store.db, s.users.stEditor, { year: 2026, baseRevisionId: revision.id, content: edited }),
				approve(store.db, s.users.stApprover, { submissionId: submission.id, contentHash: revision.contentHash }),
				submit(store.db, s.users.stEditor, { year: 2026, revisionId: revision.id })
			]);
			const pubs = await store.db.select().from(publications).where(eq(publications.submissionId, submission.id));
			if (pubs.length) outcomes.published++;
			else outcomes.refused++;
			for (const p of pubs) {
				// Whatever won, a publication is of the submission's content, approved by both bureaus with that hash,
				// and its submission was not voided.
				expect(p.contentHash).toBe(revision.contentHash);
				const apps = await store.db.select().from(approvals).where(eq(approvals.submissionId, submission.id));
				expect(new Set(apps.filter((a) => a.contentHash === p.contentHash).map((a) => a.bureau))).toEqual(new Set(['hr', 'st']));
				const [sub] = await store.db.select().from(submissions).where(eq(submissions.id, submission.id));
				expect(sub.status).toBe('published');
			}
			const [sub] = await store.db.select().from(submissions).where(eq(submissions.id, submission.id));
			if (sub.status === 'voided') expect(pubs).toEqual([]);
			// The late save either voided the submission (before publication) or built on the published head.
			const saved = results[1];
			expect(saved.status).toBe('fulfilled');
			// Move the head on for the next round (so it starts from a fresh draft).
			base = (await getRevision(store.db, (await setView(store.db, 2026))!.head!.id))!;
			const pending = (await setView(store.db, 2026))!.pending;
			if (pending) await returnSubmission(store.db, s.users.hrApprover, { submissionId: pending.id, reason: '下一轮' });
			s.imported = { ...s.imported, id: base.id };
		}
		expect(outcomes.published + outcomes.refused).toBe(6);
		void backend;
	}, 120_000);
});
