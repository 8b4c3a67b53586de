// First start: a set's folder (standards/2026) becomes that year's published set, audited as 导入. It has
// no approvers: the server signs it with each issuing bureau's key, so its bundle verifies like any other.
import type { Db } from '../db/client.ts';
import { appendAudit } from '../audit/log.ts';
import { StoreError } from '../errors.ts';
import { insertPublication } from '../publish/publication.ts';
import { signAsIssuers } from '../publish/signing.ts';
import { compileContent } from './compile.ts';
import { readContentDir, type SetContent } from './content.ts';
import { createSet, findSet, insertRevision, setHead, type RevisionSummary } from './store.ts';

/** Imports the content as the year's published set, unless the year already has a set. */
export async function importPublishedSet(db: Db, year: number, source: { dir: string } | { content: SetContent }): Promise<RevisionSummary | null> {
	if (await findSet(db, year)) return null;
	const content = 'dir' in source ? readContentDir(source.dir) : source.content;
	return db.transaction(async (tx) => {
		const set = await createSet(tx, year);
		const { authorId: _, ...revision } = await insertRevision(tx, set, { parentId: null, authorId: null, kind: 'import', content, message: 'dir' in source ? `导入 ${source.dir}` : '导入' });
		await setHead(tx, set.id, revision.id);
		const compiled = compileContent(content);
		if (!compiled.bundle) throw new StoreError('not-ready', `无法导入：编译有 ${compiled.errors} 个错误`);
		const signatures = signAsIssuers(compiled.bundle, year, revision.contentHash);
		const publication = await insertPublication(tx, { setId: set.id, year, revisionId: revision.id, submissionId: null, contentHash: revision.contentHash, content, signatures });
		await appendAudit(tx, {
			actor: null,
			actorName: '系统',
			action: '导入',
			year,
			revisionId: revision.id,
			contentHash: revision.contentHash,
			detail: { publication: publication.id, files: content.files.length, signedBy: signatures.map((s) => `${s.bureau}（密钥 ${s.keyId}，由服务器导入时签名）`) }
		});
		return revision;
	});
}
