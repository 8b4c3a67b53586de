// A server of its own for each test that changes shared state (saving, submitting, publishing): the built app
// (build/, made by the webServer of playwright.config.ts) started on a free port with a new, empty data
// directory, so no test depends on what another one saved. Ready when it answers (3–4 s here, nearly all of it
// PGlite starting; a copied template data directory measured no faster); stopped after the test.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as net.AddressInfo;
			srv.close(() => resolve(port));
		});
	});
}

async function answers(url: string): Promise<boolean> {
	try {
		return (await fetch(url, { redirect: 'manual' })).status < 500;
	} catch {
		return false;
	}
}

interface Running {
	url: string;
	stop(): Promise<void>;
}

/**
 * Starts `node build` on `dataDir`; resolves once the log-in page answers (the first request opens the database).
 * The answer must come from this server: only after it says that it listens (adapter-node's "Listening on"), for
 * a port found free beforehand could be taken by another test's server in the meantime (a precaution: not seen
 * to happen); a server whose port is taken exits, and it is started again on another port.
 */
async function start(dataDir: string, timeout: number): Promise<Running> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await startOn(await freePort(), dataDir, timeout);
		} catch (e) {
			if (!(e instanceof PortTaken) || attempt === 5) throw e;
		}
	}
}

class PortTaken extends Error {}

async function startOn(port: number, dataDir: string, timeout: number): Promise<Running> {
	const url = `http://127.0.0.1:${port}`;
	let log = '';
	const child: ChildProcess = spawn(process.execPath, ['build'], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: url, STDC_DEMO: '1', DATA_DIR: dataDir, BODY_SIZE_LIMIT: '25M' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout?.on('data', (d) => (log += d));
	child.stderr?.on('data', (d) => (log += d));
	let exited = false;
	const exit = new Promise<void>((r) => child.once('exit', () => ((exited = true), r())));
	// polled by hand: an exit must end the wait at once, with its reason
	const deadline = Date.now() + timeout;
	for (;;) {
		if (exited) {
			if (log.includes('EADDRINUSE')) throw new PortTaken(`port ${port} is taken`);
			throw new Error(`the server exited:\n${log}`);
		}
		if (log.includes('Listening on') && (await answers(`${url}/login`))) break;
		if (Date.now() > deadline) throw new Error(`the server did not answer within ${timeout} ms:\n${log}`);
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		url,
		stop: async () => {
			if (!exited) child.kill('SIGTERM');
			await exit; // PGlite closes its data directory on shutdown
		}
	};
}

export const test = base.extend<{ server: { url: string; dataDir: string } }>({
	server: async ({}, use, testInfo) => {
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stdc-e2e-'));
		const server = await start(dataDir, testInfo.timeout);
		await use({ url: server.url, dataDir });
		await server.stop();
		fs.rmSync(dataDir, { recursive: true, force: true });
	},
	baseURL: async ({ server }, use) => use(server.url)
});

export { expect } from '@playwright/test';
