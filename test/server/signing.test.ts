// Signing at approval: each approval carries its bureau's Ed25519 signature over the content hash; the
// publication's bundle carries both and passes the same check as `stdc verify`; the imported 2026 set is
// signed by both bureaus; one changed byte, one missing signature or a wrong key is refused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect } from 'vitest';
import { storeTest } from './harness.ts';
import { editFile, seed, type Seeded } from './fixture.ts';
import { approvals } from '../../src/lib/server/db/schema.ts';
import type { Store } from '../../src/lib/server/db/index.ts';
import { getRevision, saveDraft } from '../../src/lib/server/revisions/index.ts';
import { approve, currentPublication, registerApprovalStep, submit, unregisterApprovalStep } from '../../src/lib/server/publish/index.ts';
import { signaturesOf } from '../../src/lib/server/publish/signing.ts';
import { keyFile, publicKeys } from '../../src/lib/server/public/keys.ts';
import { listAudit } from '../../src/lib/server/audit/index.ts';
import { generateBureauKey, statement, verifyPublication } from '../../src/lib/core/signature/index.ts';
import { createPublicKey, verify } from 'node:crypto';

const HR = '杭州市人力资源和社会保障局';
const ST = '杭州市科学技术局';

async function submitted(store: Store, s: Seeded) {
	const base = (await getRevision(store.db, s.imported.id))!;
	const content = editFile(base.content, '研究员.std', (t) => t + '\n// 2026 修订（签名测试）\n');
	const saved = await saveDraft(store.db, s.users.hrEditor, { year: 2026, baseRevisionId: s.imported.id, content });
	if (!saved.ok) throw new Error('save failed');
	return { revision: saved.revision, submission: await submit(store.db, s.users.hrEditor, { year: 2026, revisionId: saved.revision.id }) };
}

function stdcVerify(bundle: unknown, keys: unknown): { code: number; out: string } {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stdc-sign-'));
	fs.writeFileSync(path.join(dir, 'bundle.json'), JSON.stringify(bundle));
	fs.writeFileSync(path.join(dir, 'keys.json'), JSON.stringify(keys));
	try {
		return { code: 0, out: execFileSync(process.execPath, ['bin/stdc.js', 'verify', path.join(dir, 'bundle.json'), '--keys', path.join(dir, 'keys.json')], { encoding: 'utf8', stdio: 'pipe' }) };
	} catch (e) {
		const err = e as { status: number; stdout: string; stderr: string };
		return { code: err.status, out: err.stdout + err.stderr };
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

describe('signing at approval', () => {
	storeTest('the imported 2026 set is published signed by both bureaus, audited as 导入, and passes stdc verify', async (store) => {
		await seed(store);
		const p = (await currentPublication(store.db, 2026))!;
		const bundle = p.bundle as { publication: { signatures: { bureau: string }[] } };
		expect(bundle.publication.signatures.map((x) => x.bureau).sort()).toEqual([HR, ST].sort());
		expect(verifyPublication(p.bundle, publicKeys())).toMatchObject({ ok: true });
		const imported = (await listAudit(store.db, { action: '导入' }))[0];
		expect(imported.detail).toContain('由服务器导入时签名');
		const r = stdcVerify(p.bundle, keyFile());
		expect(r.code, r.out).toBe(0);
		expect(r.out).toContain('验证通过');
	});

	storeTest('an approval records its bureau’s signature, which verifies with that bureau’s published key', async (store) => {
		const s = await seed(store);
		const { revision, submission } = await submitted(store, s);
		await approve(store.db, s.users.stApprover, { submissionId: submission.id, contentHash: revision.contentHash });
		const [row] = await store.db.select().from(approvals);
		const [sig] = signaturesOf([row]);
		expect(sig).toMatchObject({ bureau: ST, algorithm: 'Ed25519', keyId: row.signatureKeyId });
		const key = publicKeys().find((k) => k.bureau === ST)!;
		expect(key.keyId).toBe(sig.keyId);
		// The private key is not in what is published.
		expect(JSON.stringify(keyFile())).not.toContain('PRIVATE');
		// It signs the hash of the bundle as it will be published: verify it after publication.
		await approve(store.db, s.users.hrApprover, { submissionId: submission.id, contentHash: revision.contentHash });
		const published = (await currentPublication(store.db, 2026))!.bundle as { publication: { contentHash: string } };
		expect(verify(null, statement(2026, published.publication.contentHash), createPublicKey(key.publicKey), Buffer.from(sig.signature, 'base64'))).toBe(true);
	});

	storeTest('the publication carries both approvals’ signatures; stdc verify passes it and refuses it tampered', async (store) => {
		const s = await seed(store);
		const { revision, submission } = await submitted(store, s);
		await approve(store.db, s.users.hrApprover, { submissionId: submission.id, contentHash: revision.contentHash });
		const { publication } = await approve(store.db, s.users.stApprover, { submissionId: submission.id, contentHash: revision.contentHash });
		expect(publication!.revisionId).toBe(revision.id);
		// read back from the database (jsonb reorders keys: the canonical hash does not care)
		const bundle = (await currentPublication(store.db, 2026))!.bundle as Record<string, any>;
		const rows = await store.db.select().from(approvals);
		expect(bundle.publication.signatures).toEqual(signaturesOf(rows));
		expect(bundle.publication.signatures.map((x: { bureau: string }) => x.bureau).sort()).toEqual([HR, ST].sort());
		expect(bundle.meta.contentHash).toBe(revision.contentHash);
		const keys = keyFile();
		const good = stdcVerify(bundle, keys);
		expect(good.code, good.out).toBe(0);

		const tampered = structuredClone(bundle);
		tampered.meta.name = tampered.meta.name + ' ';
		const t = stdcVerify(tampered, keys);
		expect(t.code, t.out).toBe(1);
		expect(t.out).toContain('内容哈希不符');

		const one = structuredClone(bundle);
		one.publication.signatures = one.publication.signatures.filter((x: { bureau: string }) => x.bureau === HR);
		const o = stdcVerify(one, keys);
		expect(o.code, o.out).toBe(1);
		expect(o.out).toContain(`缺少“${ST}”的签名`);

		const stranger = { format: 'stdc-keys@1', keys: keys.keys.map((k) => (k.bureau === HR ? generateBureauKey(HR).entry : k)) };
		const w = stdcVerify(bundle, stranger);
		expect(w.code, w.out).toBe(1);
		expect(w.out).toContain(`“${HR}”的签名无效`);
	}, 120_000);

	storeTest('without a valid signature of each bureau nothing is published', async (store) => {
		const s = await seed(store);
		const { revision, submission } = await submitted(store, s);
		// A step that replaces the signature by something that is not one: publication must refuse.
		registerApprovalStep('zz-forge', () => ({ signature: 'not a signature', signatureKeyId: 'x' }));
		try {
			await approve(store.db, s.users.hrApprover, { submissionId: submission.id, contentHash: revision.contentHash });
			await expect(approve(store.db, s.users.stApprover, { submissionId: submission.id, contentHash: revision.contentHash })).rejects.toMatchObject({
				code: 'not-ready',
				message: expect.stringContaining('签名不全或无效')
			});
		} finally {
			unregisterApprovalStep('zz-forge');
		}
		expect((await currentPublication(store.db, 2026))!.revisionId).toBe(s.imported.id);
	});
});
