// Published versions and the audit log are protected by the database itself: raw SQL, bypassing the app.
import { describe, expect } from 'vitest';
import { storeTest } from './harness.ts';
import { seed } from './fixture.ts';
import { saveDraft, getRevision } from '../../src/lib/server/revisions/index.ts';
import { listAudit, verifyAudit } from '../../src/lib/server/audit/index.ts';

const refused = /stdc: (UPDATE|DELETE|TRUNCATE) of/;

describe('immutability in the database', () => {
	storeTest('UPDATE, DELETE and TRUNCATE of a published revision, its files and its bundle are refused', async (store) => {
		const { imported } = await seed(store);
		const id = imported.id;
		for (const statement of [
			`UPDATE revisions SET content_hash = 'x' WHERE id = ${id}`,
			`DELETE FROM revisions WHERE id = ${id}`,
			`UPDATE revision_files SET text = 'x' WHERE revision_id = ${id}`,
			`DELETE FROM revision_files WHERE revision_id = ${id}`,
			`UPDATE publications SET bundle = '{}'::jsonb WHERE revision_id = ${id}`,
			`DELETE FROM publications WHERE revision_id = ${id}`,
			'TRUNCATE revision_files CASCADE',
			'TRUNCATE publications CASCADE',
			'TRUNCATE revisions CASCADE'
		]) {
			await expect(store.query(statement), statement).rejects.toThrow(refused);
		}
		const [{ n }] = await store.query<{ n: number }>(`SELECT count(*)::int AS n FROM revision_files WHERE revision_id = ${id}`);
		expect(n).toBeGreaterThan(5);
		expect((await getRevision(store.db, id))!.contentHash).toBe(imported.contentHash);
	});

	storeTest('a draft revision is never updated, but only a published one is protected from DELETE', async (store) => {
		const { users, imported } = await seed(store);
		const base = (await getRevision(store.db, imported.id))!;
		const r = await saveDraft(store.db, users.hrEditor, { year: 2026, baseRevisionId: imported.id, content: { files: base.content.files.slice(0, 5) } });
		if (!r.ok) throw new Error('save');
		await expect(store.query(`UPDATE revision_files SET text = 'x' WHERE revision_id = ${r.revision.id}`)).rejects.toThrow(refused);
		// An unpublished draft's file can be deleted by a maintainer (the app never does).
		await store.query(`DELETE FROM revision_files WHERE revision_id = ${r.revision.id} AND path = 'common.std'`);
	});

	storeTest('the audit log refuses UPDATE, DELETE and TRUNCATE', async (store) => {
		await seed(store);
		for (const statement of ["UPDATE audit_log SET action = '保存'", 'DELETE FROM audit_log', 'TRUNCATE audit_log']) {
			await expect(store.query(statement), statement).rejects.toThrow(refused);
		}
	});

	storeTest('the audit chain verifies, and detects a row changed, removed or inserted outside the app', async (store) => {
		const { users, imported } = await seed(store);
		const base = (await getRevision(store.db, imported.id))!;
		for (let i = 0; i < 3; i++) {
			const head = (await listAudit(store.db, { action: '保存' }))[0]?.revisionId ?? imported.id;
			await saveDraft(store.db, users.hrEditor, { year: 2026, baseRevisionId: head, content: { files: [...base.content.files, { path: 'x.std', text: `// ${i}\n` }] } });
		}
		const good = await verifyAudit(store.db);
		expect(good).toMatchObject({ ok: true });
		expect(good.entries).toBe(4); // 导入 and three saves
		const entries = await listAudit(store.db);
		const victim = entries[2];
		// Someone with the database's owner rights switches the trigger off and edits a row.
		await store.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
		await store.query(`UPDATE audit_log SET actor_name = 'someone-else' WHERE id = ${victim.id}`);
		expect(await verifyAudit(store.db)).toMatchObject({ ok: false, broken: { id: victim.id, reason: expect.stringContaining('改动') } });
		await store.query(`UPDATE audit_log SET actor_name = $1 WHERE id = ${victim.id}`, [victim.actorName]);
		expect(await verifyAudit(store.db)).toMatchObject({ ok: true });
		await store.query(`DELETE FROM audit_log WHERE id = ${victim.id}`);
		expect(await verifyAudit(store.db)).toMatchObject({ ok: false, broken: { id: entries[1].id } });
		await store.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
	});
});
