// The public pages read the store's publications: 现行 / 已被取代, date, the signed hash, who approved; the
// bundle served at /public/<year>/bundle.json (and, by the same handler, /api/public/<year>/bundle) verifies.
import { describe, expect } from 'vitest';
import { storeTest } from './harness.ts';
import { editFile, seed } from './fixture.ts';
import { useStore } from '../../src/lib/server/store.ts';
import { getRevision, saveDraft } from '../../src/lib/server/revisions/index.ts';
import { approve, submit } from '../../src/lib/server/publish/index.ts';
import { getPublished, listPublished } from '../../src/lib/server/public/published.ts';
import { publicKeys } from '../../src/lib/server/public/keys.ts';
import { verifyPublication } from '../../src/lib/core/signature/index.ts';
import * as pageRoute from '../../src/routes/public/[year]/bundle.json/+server.ts';
import * as apiRoute from '../../src/routes/api/public/[year]/bundle/+server.ts';

function event(path: string, year: string) {
	const url = new URL(`http://127.0.0.1${path}`);
	return { locals: { user: null, method: 'GET' }, url, params: { year }, request: new Request(url) } as never;
}

describe('public pages from the store', () => {
	storeTest('the imported set, then an approved revision: 现行 and 已被取代, dates, hashes, bureaus; served bundles verify', async (store) => {
		const s = await seed(store);
		const [first] = await listPublished(store.db);
		expect(first).toMatchObject({ year: 2026, version: 1, status: 'current', imported: true, approvedBy: [] });
		expect(first.signatures.map((x) => x.bureau).sort()).toEqual(first.issuers.slice().sort());
		expect(first.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
		expect(first.sources.map((f) => f.name)).not.toContain(expect.stringMatching(/samples/));

		const base = (await getRevision(store.db, s.imported.id))!;
		const saved = await saveDraft(store.db, s.users.stEditor, { year: 2026, baseRevisionId: s.imported.id, content: editFile(base.content, 'common.std', (t) => t + '\n// 公开页测试\n') });
		if (!saved.ok) throw new Error('save');
		const sub = await submit(store.db, s.users.stEditor, { year: 2026, revisionId: saved.revision.id });
		await approve(store.db, s.users.hrApprover, { submissionId: sub.id, contentHash: saved.revision.contentHash });
		await approve(store.db, s.users.stApprover, { submissionId: sub.id, contentHash: saved.revision.contentHash });

		const all = await listPublished(store.db);
		expect(all.map((v) => [v.version, v.status, v.sourcesHash])).toEqual([
			[2, 'current', saved.revision.contentHash],
			[1, 'superseded', s.imported.contentHash]
		]);
		expect(all[0].approvedBy.map((a) => a.bureau)).toEqual(['人社局', '科技局']);
		expect(all[0].contentHash).not.toBe(all[1].contentHash);
		expect((await getPublished(store.db, 2026, 1))!.status).toBe('superseded');
		expect(await getPublished(store.db, 2025)).toBeNull();

		useStore(store);
		try {
			const served = await pageRoute.GET(event('/public/2026/bundle.json', '2026'));
			const body = await served.text();
			expect(served.headers.get('content-disposition')).toContain('bundle-2026-v2.json');
			expect(verifyPublication(JSON.parse(body), publicKeys())).toMatchObject({ ok: true });
			expect(JSON.parse(body).publication.contentHash).toBe(all[0].contentHash);
			const old = await pageRoute.GET(event('/public/2026/bundle.json?version=1', '2026'));
			expect(verifyPublication(await old.json(), publicKeys())).toMatchObject({ ok: true });
			// the API address is the same handler
			expect(apiRoute.GET).toBe(pageRoute.GET);
			expect(await (await apiRoute.GET(event('/api/public/2026/bundle', '2026'))).text()).toBe(body);
		} finally {
			useStore(null);
		}
	}, 120_000);
});
