import { describe, expect } from 'vitest';
import { eq } from 'drizzle-orm';
import { storeTest } from './harness.ts';
import { editFile, seed, STANDARDS_2026 } from './fixture.ts';
import { revisions } from '../../src/lib/server/db/schema.ts';
import { contentHash, getRevision, headOf, listRevisions, newYear, readContentDir, saveDraft } from '../../src/lib/server/revisions/index.ts';
import { currentPublication } from '../../src/lib/server/publish/index.ts';
import { listAudit } from '../../src/lib/server/audit/index.ts';

const raise = (t: string) => t.replace('合同成交额 >= 500万元', '合同成交额 >= 800万元');

describe('revisions', () => {
	storeTest('first start imports standards/2026 as the published 2026 set, audited as 导入', async ({ db }) => {
		const { imported } = await seed({ db } as never);
		const disk = readContentDir(STANDARDS_2026);
		expect(imported.contentHash).toBe(contentHash(disk));
		const rev = (await getRevision(db, imported.id))!;
		expect(rev.content.files.map((f) => f.path)).toEqual(disk.files.map((f) => f.path));
		expect(rev.content.files.filter((f) => f.path.startsWith('samples/')).length).toBeGreaterThan(10);
		const pub = (await currentPublication(db, 2026))!;
		expect(pub.contentHash).toBe(imported.contentHash);
		expect((pub.bundle as { meta: { contentHash: string; year: number } }).meta).toMatchObject({ contentHash: imported.contentHash, year: 2026 });
		const [entry] = await listAudit(db, { action: '导入' });
		expect(entry).toMatchObject({ year: 2026, revisionId: imported.id, contentHash: imported.contentHash });
	});

	storeTest('the content hash is the same for the same content, whatever the order, line ends or sample formatting', async () => {
		const disk = readContentDir(STANDARDS_2026);
		const shuffled = { files: [...disk.files].reverse().map((f) => (f.path.endsWith('.json') ? { ...f, text: JSON.stringify(JSON.parse(f.text)) } : f)) };
		expect(contentHash(shuffled)).toBe(contentHash(disk));
		expect(contentHash(editFile(disk, 'common.std', (t) => t.replace(/\n/g, '\r\n')))).toBe(contentHash(disk));
		expect(contentHash(editFile(disk, 'common.std', (t) => t + ' '))).not.toBe(contentHash(disk));
	});

	storeTest('a save on the head becomes the new head, with author, parent and hash', async (store) => {
		const { users, imported } = await seed(store);
		const before = (await getRevision(store.db, imported.id))!;
		const content = editFile(before.content, '副研究员.std', raise);
		const r = await saveDraft(store.db, users.hrEditor, { year: 2026, baseRevisionId: imported.id, content });
		if (!r.ok) throw new Error('expected ok');
		expect(r.revision).toMatchObject({ seq: 2, parentId: imported.id, author: 'hr-editor', kind: 'save', contentHash: contentHash(content) });
		expect((await headOf(store.db, 2026))!.id).toBe(r.revision.id);
		const again = await saveDraft(store.db, users.hrEditor, { year: 2026, baseRevisionId: r.revision.id, content });
		expect(again).toMatchObject({ ok: true, unchanged: true, revision: { id: r.revision.id } });
	});

	storeTest('a stale save is refused as a conflict and the clerk’s text is kept as a revision of its own', async (store) => {
		const { users, imported } = await seed(store);
		const base = (await getRevision(store.db, imported.id))!;
		const hrText = editFile(base.content, '副研究员.std', raise);
		const stText = editFile(base.content, '研究员.std', (t) => t + '\n// 科技局的修改\n');
		const hr = await saveDraft(store.db, users.hrEditor, { year: 2026, baseRevisionId: imported.id, content: hrText });
		expect(hr.ok).toBe(true);
		const st = await saveDraft(store.db, users.stEditor, { year: 2026, baseRevisionId: imported.id, content: stText });
		if (st.ok) throw new Error('expected a conflict');
		expect(st.conflict.head).toMatchObject({ author: 'hr-editor', contentHash: contentHash(hrText) });
		expect(st.conflict.kept).toMatchObject({ author: 'st-editor', kind: 'conflict', parentId: imported.id, contentHash: contentHash(stText) });
		// Nothing lost: the kept revision holds every byte the S&T clerk sent, and the head is still HR's.
		const kept = (await getRevision(store.db, st.conflict.kept.id))!;
		expect(kept.content).toEqual(stText);
		expect((await headOf(store.db, 2026))!.contentHash).toBe(contentHash(hrText));
		// They merge and save on the head.
		const merged = editFile(hrText, '研究员.std', (t) => t + '\n// 科技局的修改\n');
		const ok = await saveDraft(store.db, users.stEditor, { year: 2026, baseRevisionId: st.conflict.head.id, content: merged });
		expect(ok).toMatchObject({ ok: true, revision: { parentId: st.conflict.head.id } });
		expect((await listRevisions(store.db, 2026)).map((r) => r.kind)).toEqual(['save', 'conflict', 'save', 'import']);
		expect((await listAudit(store.db, { action: '冲突另存' })).length).toBe(1);
	});

	storeTest('bad content is refused before anything is written', async (store) => {
		const { users, imported } = await seed(store);
		for (const content of [{ files: [{ path: '../x.std', text: '' }] }, { files: [{ path: 'samples/a.json', text: '{' }] }, { nope: 1 }]) {
			await expect(saveDraft(store.db, users.hrEditor, { year: 2026, baseRevisionId: imported.id, content })).rejects.toMatchObject({ code: 'invalid' });
		}
		expect((await store.db.select().from(revisions).where(eq(revisions.setId, 1))).length).toBe(1);
	});

	storeTest('新建年度 copies the set with 年度 and 基准日 set, and lists what still names the old years', async (store) => {
		const { users } = await seed(store);
		const { revision, mentions } = await newYear(store.db, users.hrEditor, { fromYear: 2026, toYear: 2027, referenceDate: '2027-09-30' });
		const rev = (await getRevision(store.db, revision.id))!;
		const common = rev.content.files.find((f) => f.path === 'common.std')!.text;
		expect(common).toMatch(/年度 2027/);
		expect(common).toMatch(/基准日 2027-09-30/);
		expect(common).toContain('（2027年度）"');
		expect(mentions.some((m) => m.path === '副研究员.std' && m.years.includes(2025) && m.text.includes('2024'))).toBe(true);
		expect(mentions.some((m) => /^\s*年度 /.test(m.text))).toBe(false);
		expect(await currentPublication(store.db, 2027)).toBeNull();
		await expect(newYear(store.db, users.hrEditor, { fromYear: 2026, toYear: 2027, referenceDate: '2027-09-30' })).rejects.toMatchObject({ code: 'conflict' });
	});
});
