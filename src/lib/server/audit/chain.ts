// The hash chain of the audit log: each entry's hash covers the previous entry's hash and the entry itself,
// so changing, removing or inserting a row anywhere breaks every hash after it.
import { createHash } from 'node:crypto';

export const GENESIS = '0'.repeat(64);

export interface ChainedFields {
	at: Date;
	actorId: number | null;
	actorName: string | null;
	action: string;
	year: number | null;
	revisionId: number | null;
	contentHash: string | null;
	detail: string | null;
}

export function entryHash(prevHash: string, e: ChainedFields): string {
	const canonical = JSON.stringify([
		e.at.toISOString(),
		e.actorId,
		e.actorName,
		e.action,
		e.year,
		e.revisionId,
		e.contentHash,
		e.detail
	]);
	return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}
