// Builds, once per run, the PGlite cluster every test worker loads (a data directory with the migrations
// applied, dumped to a file: loading it is several times cheaper than initdb), and prints whether the
// PostgreSQL-server half of the store tests runs.
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openStore, migrateStore } from '../../src/lib/server/db/index.ts';
import { MIGRATIONS_DIR } from '../../src/lib/server/db/migrate.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		pgliteTemplate: string;
	}
}

/** The dump is kept between runs, keyed by the migrations and the PGlite version. */
function cacheFile(): string {
	const h = createHash('sha256');
	h.update(JSON.parse(fs.readFileSync('node_modules/@electric-sql/pglite/package.json', 'utf8')).version);
	for (const f of fs.readdirSync(MIGRATIONS_DIR).sort()) if (f.endsWith('.sql')) h.update(f).update(fs.readFileSync(path.join(MIGRATIONS_DIR, f)));
	return path.resolve('node_modules/.cache/stdc-tests', `pglite-${h.digest('hex').slice(0, 16)}.tar`);
}

export default async function setup(project: TestProject) {
	const started = Date.now();
	const file = cacheFile();
	if (!fs.existsSync(file)) {
		const { PGlite } = await import('@electric-sql/pglite');
		const lite = new PGlite();
		const store = await openStore({ pglite: lite });
		await migrateStore(store);
		const dump = await lite.dumpDataDir('none');
		await store.close();
		fs.mkdirSync(path.dirname(file), { recursive: true });
		const tmp = `${file}.${process.pid}`;
		fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
		fs.renameSync(tmp, file);
	}
	project.provide('pgliteTemplate', file);
	const url = process.env.TEST_DATABASE_URL;
	console.log(
		url
			? `store tests: on PGlite and on the PostgreSQL server at ${new URL(url).host} (PGlite template ready in ${Date.now() - started} ms)`
			: 'store tests: on PGlite only — the PostgreSQL-server half was skipped (TEST_DATABASE_URL is not set)'
	);
}
