// Impact as a step of publishing: the summary an approver is shown (the draft against the version in force on
// the set's samples), its hash checked inside the approval's transaction and recorded with the approval and in
// the audit log.
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { eq } from 'drizzle-orm';
import { storeTest } from './harness.ts';
import { editFile, seed } from './fixture.ts';
import { approvals } from '../../src/lib/server/db/schema.ts';
import { getRevision, saveDraft } from '../../src/lib/server/revisions/index.ts';
import { approve, submit, unregisterApprovalStep } from '../../src/lib/server/publish/index.ts';
import { impactSummaryOf, registerImpactStep, summaryHash } from '../../src/lib/server/impact.ts';
import { listAudit } from '../../src/lib/server/audit/index.ts';

beforeAll(() => registerImpactStep());
afterAll(() => unregisterApprovalStep('impact'));

describe('impact as a step of publishing', () => {
	storeTest('the summary of a changed threshold; a wrong hash is refused; the right one is recorded and audited', async (store) => {
		const s = await seed(store);
		const base = (await getRevision(store.db, s.imported.id))!;
		// 副研究员 F 培训授课 32学时 → 33学时: a change no pinned sample sits on, so the version can be submitted.
		const content = editFile(base.content, '副研究员.std', (t) => t.replace('32学时', '33学时'));
		const saved = await saveDraft(store.db, s.users.hrEditor, { year: 2026, baseRevisionId: s.imported.id, content });
		if (!saved.ok) throw new Error('save');
		const sub = await submit(store.db, s.users.hrEditor, { year: 2026, revisionId: saved.revision.id });

		const shown = (await impactSummaryOf(store.db, 2026, saved.revision.id))!;
		expect(shown.summary.problem).toBeNull();
		expect(shown.summary.from).toMatchObject({ year: 2026, seq: 1, contentHash: base.contentHash });
		expect(shown.summary.to).toMatchObject({ seq: saved.revision.seq, contentHash: saved.revision.contentHash });
		expect(shown.summary.changes).toEqual([expect.stringMatching(/^副研究员 .*32学时.*33学时/)]);
		expect(shown.summary.levels.map((l) => l.level)).toEqual(['研究实习员', '助理研究员', '副研究员', '研究员']);
		expect(shown.summary.applicants).toBe(base.content.files.filter((f) => f.path.startsWith('samples/')).length);
		// the same summary always has the same hash; a different one another
		expect(summaryHash(structuredClone(shown.summary))).toBe(shown.hash);
		expect(summaryHash({ ...shown.summary, changes: [] })).not.toBe(shown.hash);

		await expect(
			approve(store.db, s.users.hrApprover, { submissionId: sub.id, contentHash: sub.contentHash, impactSummaryHash: 'e'.repeat(64) })
		).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('影响分析已有变化') });
		const ok = await approve(store.db, s.users.hrApprover, { submissionId: sub.id, contentHash: sub.contentHash, impactSummaryHash: shown.hash });
		expect(ok.approval.impactSummaryHash).toBe(shown.hash);
		const [row] = await store.db.select().from(approvals).where(eq(approvals.id, ok.approval.id));
		expect(row.impactSummaryHash).toBe(shown.hash);
		const audit = (await listAudit(store.db)).find((e) => e.action === '批准')!;
		expect(JSON.parse(String(audit.detail))).toMatchObject({ impactSummaryHash: shown.hash });
		// an approval that names no summary (a script on the JSON API) is recorded with none
		const st = await approve(store.db, s.users.stApprover, { submissionId: sub.id, contentHash: sub.contentHash });
		expect(st.approval.impactSummaryHash).toBeNull();
		expect(st.publication).not.toBeNull();
	});
});
