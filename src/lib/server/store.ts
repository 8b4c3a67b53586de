// The app's database: opened on first use (never at import time), migrated, and on a new database the
// 2026 set imported as published; in demo mode (STDC_DEMO=1, the `npm start` path) demo accounts for every
// role. PGlite in DATA_DIR (default ./data) unless DATABASE_URL points at a PostgreSQL server. Every approval
// signs with the approving bureau's key (DATA_DIR/keys, created at setup).
import fs from 'node:fs';
import path from 'node:path';
import { ensureDemoAccounts } from './auth/accounts.ts';
import { migrateStore, openStore, type Db, type Store } from './db/index.ts';
import { listSetRows } from './revisions/store.ts';
import { importPublishedSet } from './revisions/import.ts';
import { enableSigning } from './publish/signing.ts';
import { registerImpactStep } from './impact.ts';

/** The folder whose standards/<year> sets are imported as published on a new database. */
const SEED_DIR = path.resolve(process.env.STDC_STANDARDS ?? 'standards');

let opening: Promise<Store> | null = null;

export function demoMode(): boolean {
	return process.env.STDC_DEMO === '1';
}

async function bootstrap(store: Store): Promise<void> {
	// The steps every approval runs (src/lib/server/publish/steps.ts): the impact summary's check, the signature.
	registerImpactStep();
	enableSigning();
	await migrateStore(store);
	if ((await listSetRows(store.db)).length === 0 && fs.existsSync(SEED_DIR)) {
		for (const name of fs.readdirSync(SEED_DIR).sort()) {
			if (/^\d{4}$/.test(name) && fs.statSync(path.join(SEED_DIR, name)).isDirectory()) await importPublishedSet(store.db, Number(name), { dir: path.join(SEED_DIR, name) });
		}
	}
	if (demoMode()) await ensureDemoAccounts(store.db);
}

export function getStore(): Promise<Store> {
	opening ??= (async () => {
		const store = await openStore(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir: process.env.DATA_DIR ?? 'data' });
		try {
			await bootstrap(store);
		} catch (e) {
			await store.close().catch(() => {});
			throw e;
		}
		return store;
	})();
	opening.catch(() => (opening = null));
	return opening;
}

export async function getDb(): Promise<Db> {
	return (await getStore()).db;
}

/** Tests hand in a store of their own. */
export function useStore(store: Store | null): void {
	opening = store ? Promise.resolve(store) : null;
}

export async function closeStore(): Promise<void> {
	const current = opening;
	opening = null;
	if (current) await (await current).close();
}
