import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/guard';
import { getDb } from '$lib/server/store';
import { listAudit, verifyAudit } from '$lib/server/audit';
import type { RequestHandler } from './$types';

/** The audit log (newest first; ?action=&actor=&year=&before=&limit=) and whether its chain verifies. */
export const GET: RequestHandler = async (event) => {
	requireRole(event, 'admin');
	const q = event.url.searchParams;
	const db = await getDb();
	const entries = await listAudit(db, { action: q.get('action') || undefined, actor: q.get('actor') || undefined, year: Number(q.get('year')) || undefined, before: Number(q.get('before')) || undefined, limit: Number(q.get('limit')) || undefined });
	return json({ chain: await verifyAudit(db), entries });
};
