import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/guard';
import { getDb } from '$lib/server/store';
import { assertYear, getRevision } from '$lib/server/revisions';
import type { PageServerLoad } from './$types';

/** One immutable revision: who saved it when, its content hash, and its files. */
export const load: PageServerLoad = async (event) => {
	requireRole(event, 'read');
	const id = Number(event.params.id);
	const revision = Number.isInteger(id) && id > 0 ? await getRevision(await getDb(), id) : null;
	let year: number | null = null;
	try {
		year = assertYear(event.params.year);
	} catch {
		year = null;
	}
	if (!revision || revision.year !== year) error(404, `${event.params.year} 年度没有编号为 ${event.params.id} 的版本`);
	const parent = revision.parentId ? await getRevision(await getDb(), revision.parentId) : null;
	const parentText = new Map(parent?.content.files.map((f) => [f.path, f.text]) ?? []);
	return {
		revision,
		parent: parent && { id: parent.id, seq: parent.seq },
		changed: revision.content.files.filter((f) => parentText.get(f.path) !== f.text).map((f) => f.path),
		removed: [...parentText.keys()].filter((p) => !revision.content.files.some((f) => f.path === p))
	};
};
