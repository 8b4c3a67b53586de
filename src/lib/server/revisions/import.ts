// First start: a set's folder (standards/2026) becomes that year's published set, audited as 导入.
import type { Db } from '../db/client.ts';
import { appendAudit } from '../audit/log.ts';
import { insertPublication } from '../publish/publication.ts';
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
		const publication = await insertPublication(tx, { setId: set.id, revisionId: revision.id, submissionId: null, contentHash: revision.contentHash, content });
		await appendAudit(tx, { actor: null, actorName: '系统', action: '导入', year, revisionId: revision.id, contentHash: revision.contentHash, detail: { publication: publication.id, files: content.files.length } });
		return revision;
	});
}
