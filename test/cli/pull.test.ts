// `stdc pull` against a server that answers like the workbench's public API (from a seeded store),
// honest or tampered with.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freshStore } from '../server/harness.ts';
import { seed } from '../server/fixture.ts';
import { currentPublication } from '../../src/lib/server/publish/index.ts';
import { getContent, readContentDir, contentHash } from '../../src/lib/server/revisions/index.ts';
import { pull } from '../../src/cli/pull.ts';
import { main } from '../../src/cli/main.ts';

let server: http.Server;
let base = '';
let tamper = false;
let drop: () => Promise<void>;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stdc-pull-'));

beforeAll(async () => {
	const fresh = await freshStore('pglite');
	drop = fresh.drop;
	await seed(fresh.store);
	const p = (await currentPublication(fresh.store.db, 2026))!;
	const files = (await getContent(fresh.store.db, p.revisionId)).files;
	server = http.createServer((req, res) => {
		const send = (status: number, body: unknown) => (res.writeHead(status, { 'content-type': 'application/json' }), res.end(JSON.stringify(body)));
		if (req.url === '/api/public/2026/sources')
			return send(200, { year: 2026, contentHash: p.contentHash, files: tamper ? files.map((f) => (f.path === '副研究员.std' ? { ...f, text: f.text.replace('500万元', '50万元') } : f)) : files });
		if (req.url === '/api/public/2026/bundle') return send(200, p.bundle);
		send(404, { message: 'not found' });
	});
	server.keepAliveTimeout = 60_000;
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}, 120_000);

afterAll(async () => {
	server?.close();
	await drop?.();
	fs.rmSync(tmp, { recursive: true, force: true });
});

const io = () => {
	const out: string[] = [];
	const err: string[] = [];
	return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) } };
};

test('pull writes the published sources, whose content hash is the approved one, ready for stdc test', async () => {
	const dir = path.join(tmp, 'ok');
	const c = io();
	expect(await pull([base, '2026', '-o', dir], c.io)).toBe(0);
	expect(c.out.join('')).toContain('内容哈希');
	expect(contentHash(readContentDir(dir))).toBe(contentHash(readContentDir('standards/2026')));
	const t = io();
	expect(await main(['test', dir], t.io)).toBe(0);
});

test('a file changed on the way is detected and nothing is written', async () => {
	tamper = true;
	const dir = path.join(tmp, 'bad');
	const c = io();
	try {
		expect(await pull([base, '2026', '-o', dir], c.io)).toBe(1);
	} finally {
		tamper = false;
	}
	expect(c.err.join('')).toContain('内容哈希不符');
	expect(fs.existsSync(dir)).toBe(false);
});

test('unknown years, bad arguments and non-empty folders are refused', async () => {
	const c = io();
	expect(await pull([base, '2031', '-o', path.join(tmp, 'none')], c.io)).toBe(1);
	expect(c.err.join('')).toContain('尚未发布');
	const u = io();
	expect(await main(['pull', base, '20x6', '-o', path.join(tmp, 'x')], u.io)).toBe(2);
	fs.mkdirSync(path.join(tmp, 'full'), { recursive: true });
	fs.writeFileSync(path.join(tmp, 'full', 'a.txt'), 'x');
	expect(await main(['pull', base, '2026', '-o', path.join(tmp, 'full')], u.io)).toBe(2);
});
