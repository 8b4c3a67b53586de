// Save → acknowledged: the time saveDraft takes from the call to the committed transaction (a new immutable
// revision of the whole 2026 set, its head moved, audited), on PGlite in a data directory and on the
// PostgreSQL server (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test: a scratch database
// is created next to it and dropped). Run: npx tsx bench/save-latency.ts [saves=30]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateStore, openStore, type Store } from '../src/lib/server/db/index.ts';
import { createAccount } from '../src/lib/server/auth/index.ts';
import { getRevision, headOf, importPublishedSet, saveDraft } from '../src/lib/server/revisions/index.ts';

const N = Number(process.argv[2] ?? 30);

async function run(label: string, store: Store) {
	await migrateStore(store);
	await importPublishedSet(store.db, 2026, { dir: 'standards/2026' });
	const clerk = await createAccount(store.db, null, { username: 'bench', role: 'hr_editor', password: 'bench-password-1' });
	const base = (await getRevision(store.db, (await headOf(store.db, 2026))!.id))!;
	const times: number[] = [];
	let head = base.id;
	for (let i = 0; i < N + 3; i++) {
		const content = { files: base.content.files.map((f) => (f.path === '副研究员.std' ? { ...f, text: f.text.replace('>= 500万元', `>= ${500 + i + 1}万元`) } : f)) };
		const t = performance.now();
		const r = await saveDraft(store.db, clerk, { year: 2026, baseRevisionId: head, content });
		const ms = performance.now() - t;
		if (!r.ok) throw new Error('unexpected conflict');
		head = r.revision.id;
		if (i >= 3) times.push(ms); // the first saves warm the caches
	}
	times.sort((a, b) => a - b);
	const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
	console.log(`${label}: ${N} saves of the 2026 set (${base.content.files.length} files), median ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${q(1)} ms`);
	return Number(q(0.5));
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stdc-bench-'));
try {
	const lite = await openStore({ dataDir: dir });
	const a = await run('PGlite (data directory)', lite);
	await lite.close();
	const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
	const { default: pg } = await import('pg');
	const admin = new pg.Pool({ connectionString: url, max: 1 });
	const name = `stdc_bench_${process.pid}`;
	try {
		await admin.query(`CREATE DATABASE ${name}`);
		const u = new URL(url);
		u.pathname = '/' + name;
		const server = await openStore({ url: u.toString() });
		const b = await run('PostgreSQL server', server);
		await server.close();
		console.log(`PostgreSQL server / PGlite median: ${(b / a).toFixed(2)}×`);
	} catch (e) {
		console.log(`PostgreSQL server: skipped (${(e as Error).message})`);
	} finally {
		await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
		await admin.end();
	}
} finally {
	fs.rmSync(dir, { recursive: true, force: true });
}
