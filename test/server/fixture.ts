// A store with the 2026 set imported as published (signed by both bureaus' keys) and one account per role.
import path from 'node:path';
import { accounts } from '../../src/lib/server/db/schema.ts';
import type { Store } from '../../src/lib/server/db/index.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, toUser, type User } from '../../src/lib/server/auth/index.ts';
import { hashPassword } from '../../src/lib/server/auth/passwords.ts';
import { importPublishedSet, type RevisionSummary } from '../../src/lib/server/revisions/index.ts';
import { enableSigning } from '../../src/lib/server/publish/signing.ts';

export const STANDARDS_2026 = path.resolve('standards/2026');

let demoHash: Promise<string> | null = null;

export interface Seeded {
	users: Record<'hrEditor' | 'stEditor' | 'hrApprover' | 'stApprover' | 'reviewer' | 'admin', User>;
	imported: RevisionSummary;
}

/** Accounts are inserted with one precomputed hash (Argon2 per account would cost 50 ms each). */
export async function seed(store: Store): Promise<Seeded> {
	// as where the server opens its store: every approval signs with its bureau's key
	enableSigning();
	demoHash ??= hashPassword(DEMO_PASSWORD);
	const passwordHash = await demoHash;
	const rows = await store.db
		.insert(accounts)
		.values(DEMO_ACCOUNTS.map((a) => ({ username: a.username, displayName: a.displayName, role: a.role, bureau: a.bureau, passwordHash })))
		.returning();
	const by = (name: string) => toUser(rows.find((r) => r.username === name)!);
	const imported = (await importPublishedSet(store.db, 2026, { dir: STANDARDS_2026 }))!;
	return {
		users: { hrEditor: by('hr-editor'), stEditor: by('st-editor'), hrApprover: by('hr-approver'), stApprover: by('st-approver'), reviewer: by('reviewer'), admin: by('admin') },
		imported
	};
}

/** The content with one file's text changed by `edit`. */
export function editFile<T extends { files: { path: string; text: string }[] }>(content: T, file: string, edit: (text: string) => string): T {
	let found = false;
	const files = content.files.map((f) => (f.path === file ? ((found = true), { ...f, text: edit(f.text) }) : f));
	if (!found) throw new Error(`no file ${file}`);
	return { ...content, files };
}
