// storeTest(name, fn): the test runs on PGlite, and again on the PostgreSQL server when TEST_DATABASE_URL is
// set. Each run gets a schema of its own, created by the repository's migrations (drizzle/*.sql, applied to
// that schema) and dropped afterwards. On PGlite the schemas live in one instance per test worker, loaded
// from the dumped data directory that global-setup.ts built, so a test database costs one schema's DDL.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { beforeAll, inject, test } from 'vitest';
import { openStore, type Store } from '../../src/lib/server/db/index.ts';
import { MIGRATIONS_DIR } from '../../src/lib/server/db/migrate.ts';

export type Backend = 'pglite' | 'postgres';

/** The migrations' statements, with "public". removed so that they create everything in the current schema. */
function migrationStatements(): string[] {
	const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
	return journal.entries.flatMap((e) =>
		fs
			.readFileSync(path.join(MIGRATIONS_DIR, `${e.tag}.sql`), 'utf8')
			.split('--> statement-breakpoint')
			.map((s) => s.replaceAll('"public".', '').trim())
			.filter(Boolean)
	);
}
let statements: string[] | null = null;

let lite: Promise<import('@electric-sql/pglite').PGlite> | null = null;
function workerPglite() {
	lite ??= (async () => {
		const { PGlite } = await import('@electric-sql/pglite');
		const pg = new PGlite({ loadDataDir: new Blob([fs.readFileSync(inject('pgliteTemplate'))]) });
		await pg.waitReady;
		return pg;
	})();
	return lite;
}

let admin: import('pg').Pool | null = null;
async function serverAdmin() {
	const { default: pg } = await import('pg');
	admin ??= new pg.Pool({ connectionString: process.env.TEST_DATABASE_URL, max: 2 });
	return admin;
}

/** A fresh, migrated schema on the back end; `drop` closes the store and drops the schema. */
export async function freshStore(backend: Backend): Promise<{ store: Store; drop: () => Promise<void> }> {
	const schema = `t_${randomBytes(6).toString('hex')}`;
	statements ??= migrationStatements();
	const ddl = [`CREATE SCHEMA ${schema}`, `SET search_path TO ${schema}`, ...statements].join(';\n');
	if (backend === 'pglite') {
		const pg = await workerPglite();
		await pg.exec(ddl);
		const store = await openStore({ pglite: pg, schema, keepOpen: true });
		return { store, drop: async () => (await store.close(), void (await pg.exec(`DROP SCHEMA ${schema} CASCADE`))) };
	}
	const a = await serverAdmin();
	const client = await a.connect();
	try {
		await client.query(ddl);
		await client.query('RESET search_path');
	} finally {
		client.release();
	}
	const store = await openStore({ url: process.env.TEST_DATABASE_URL, schema });
	return { store, drop: async () => (await store.close(), void (await a.query(`DROP SCHEMA ${schema} CASCADE`))) };
}

export async function withStore<T>(backend: Backend, fn: (store: Store) => Promise<T>): Promise<T> {
	const { store, drop } = await freshStore(backend);
	try {
		return await fn(store);
	} finally {
		await drop();
	}
}

/** One test per back end: "name [pglite]" always, "name [postgres]" when the server is configured. */
export function storeTest(name: string, fn: (store: Store, backend: Backend) => Promise<void>, timeout = 60_000): void {
	// Starting the worker's PGlite (seconds on a busy machine) is not part of any test's time.
	beforeAll(async () => {
		await workerPglite();
	}, 300_000);
	test(`${name} [pglite]`, () => withStore('pglite', (s) => fn(s, 'pglite')), timeout);
	test.skipIf(!process.env.TEST_DATABASE_URL)(`${name} [postgres]`, () => withStore('postgres', (s) => fn(s, 'postgres')), timeout);
}
