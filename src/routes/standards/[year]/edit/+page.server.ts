import { createHash } from 'node:crypto';
import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/guard';
import { getDb } from '$lib/server/store';
import { getRevision, headOf, samplesOf } from '$lib/server/revisions';
import { getOverview } from '$lib/server/standards';
import type { EditorSample, Outcome, SourceText } from '$lib/editor/protocol';
import type { PageServerLoad } from './$types';

/** The editor gets the files and samples of the year's latest revision; edits stay in the browser for now. */
export const load: PageServerLoad = async (event) => {
	// Public for now, as before: saving to the server (and the 'read' capability here) comes with the editor's move.
	requireRole(event, 'public');
	const year = event.params.year;
	const db = await getDb();
	const head = /^\d{4}$/.test(year) ? await headOf(db, Number(year)) : null;
	if (!head) error(404, `没有 ${year} 年度的标准集`);
	const { content } = (await getRevision(db, head.id))!;
	const files: SourceText[] = content.files.filter((f) => f.path.endsWith('.std')).map((f) => ({ path: f.path, text: f.text }));
	const samples: EditorSample[] = samplesOf(content).map((s) => ({
		key: (s.file.split('/').pop() ?? s.file).replace(/\.json$/i, ''),
		file: s.file,
		description: s.description,
		record: s.record,
		expected: s.expected as Record<string, Outcome>
	}));
	const fingerprint = createHash('sha256').update(JSON.stringify({ files, samples })).digest('hex').slice(0, 16);
	const setName = (await getOverview(Number(year)))?.meta?.name ?? null;
	return { year: Number(year), setName, revisionId: head.id, contentHash: head.contentHash, files, samples, fingerprint };
};
