// A server of its own for each test that changes shared state (saving, submitting, publishing): the built app
// (build/, made by the webServer of playwright.config.ts) started on a free port with a new, empty data
// directory, so no test depends on what another one saved. Ready when it answers; stopped after the test.
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

export const test = base.extend<{ server: { url: string; dataDir: string } }>({
	server: async ({}, use, testInfo) => {
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stdc-e2e-'));
		const port = await freePort();
		const url = `http://127.0.0.1:${port}`;
		let log = '';
		const child: ChildProcess = spawn(process.execPath, ['build'], {
			env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: url, STDC_DEMO: '1', DATA_DIR: dataDir },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		child.stdout?.on('data', (d) => (log += d));
		child.stderr?.on('data', (d) => (log += d));
		let exited = false;
		child.once('exit', () => (exited = true));
		// The first request opens the database: migrations, the 2026 import and the demo accounts.
		await base.expect
			.poll(async () => {
				if (exited) throw new Error(`the server exited:\n${log}`);
				return answers(`${url}/login`);
			}, { timeout: testInfo.timeout })
			.toBe(true);
		await use({ url, dataDir });
		child.kill('SIGTERM');
		if (!exited) await new Promise((r) => child.once('exit', r));
		fs.rmSync(dataDir, { recursive: true, force: true });
	},
	baseURL: async ({ server }, use) => use(server.url)
});

export { expect } from '@playwright/test';
