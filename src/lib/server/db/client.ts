// One database interface over two back ends: PGlite (embedded PostgreSQL in a data directory, the default)
// and a PostgreSQL server (node-postgres) when a URL is given. Nothing above this file knows which one runs.
import fs from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Store {
	db: Db;
	kind: 'pglite' | 'postgres';
	/** Plain SQL, for tests and maintenance; the app uses `db`. */
	query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
	close(): Promise<void>;
}

export interface OpenOptions {
	/** postgres://… — use a PostgreSQL server. */
	url?: string;
	/** PGlite's data directory (created when missing); ignored when `url` or `pglite` is given. */
	dataDir?: string;
	/** A PGlite instance built by the caller (tests load one from a dumped template). */
	pglite?: import('@electric-sql/pglite').PGlite;
	/** Tables live in this schema instead of public (tests: one schema per test). */
	schema?: string;
	/** For a caller-built PGlite: leave it open on close (tests share one per worker). */
	keepOpen?: boolean;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openStore(options: OpenOptions): Promise<Store> {
	if (options.url) {
		const { default: pg } = await import('pg');
		const { drizzle } = await import('drizzle-orm/node-postgres');
		if (options.schema && !SCHEMA_NAME.test(options.schema)) throw new Error(`bad schema name ${options.schema}`);
		const pool = new pg.Pool({ connectionString: options.url, max: 10, ...(options.schema && { options: `-c search_path=${options.schema}` }) });
		const db = drizzle(pool, { schema }) as unknown as Db;
		return {
			db,
			kind: 'postgres',
			async query(text, params) {
				return (await pool.query(text, params as unknown[])).rows;
			},
			close: () => pool.end()
		};
	}
	const { PGlite } = await import('@electric-sql/pglite');
	const { drizzle } = await import('drizzle-orm/pglite');
	let client = options.pglite;
	if (!client) {
		const dir = path.resolve(options.dataDir ?? 'data', 'pglite');
		fs.mkdirSync(dir, { recursive: true });
		client = new PGlite(dir);
	}
	await client.waitReady;
	if (options.schema) {
		if (!SCHEMA_NAME.test(options.schema)) throw new Error(`bad schema name ${options.schema}`);
		await client.exec(`SET search_path TO ${options.schema}`);
	}
	const db = drizzle(client, { schema }) as unknown as Db;
	const pgl = client;
	return {
		db,
		kind: 'pglite',
		async query(text, params) {
			return (await pgl.query(text, params as unknown[])).rows as never;
		},
		close: async () => {
			if (options.keepOpen) await pgl.exec('SET search_path TO public');
			else await pgl.close();
		}
	};
}
