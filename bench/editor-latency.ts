// Keystroke-to-markers and keystroke-to-preview latency of the standards editor, measured in Chromium on the
// built app: `npx tsx bench/editor-latency.ts` (not a test; nothing here is timed against a limit).
//
// Each measurement: one real keystroke in Monaco (page.keyboard), from its keydown event to the frame in which
// the worker's markers are set on the models, and to the frame after the preview table has re-rendered. The
// edits alternate between typing a digit into a threshold and deleting it, so every one changes the compiled
// standard and the samples' results. Between edits the bench waits, like a person between keystrokes.
//
// Two sets: the 2026 set as it is (5 files, ~280 lines) and a generated set of 5,000+ lines (the 2026 set with
// hundreds of generated constants, definitions, gates and performance items that use them), loaded into the
// editor as a browser draft. The samples are the 2026 samples either way.
//
// BENCH_URL=http://host:port uses a running app; otherwise the app in build/ is started (built first if
// missing) on BENCH_PORT (default 4399) and stopped at the end. BENCH_EDITS sets the edits (default 30).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { loadSamples } from '../src/lib/core/node.ts';
import { SET_DIR, generatedSet, readSet } from './editor-latency.set.ts';

const EDITS = Number(process.env.BENCH_EDITS ?? 30);
const WARMUP = 3;
const PAUSE_MS = 120;
const PORT = Number(process.env.BENCH_PORT ?? 4399);

// ---------- the app ----------

async function reachable(url: string): Promise<boolean> {
	try {
		const r = await fetch(url);
		return r.ok;
	} catch {
		return false;
	}
}

async function startApp(): Promise<{ base: string; child: ChildProcess | null }> {
	if (process.env.BENCH_URL) return { base: process.env.BENCH_URL.replace(/\/$/, ''), child: null };
	const base = `http://127.0.0.1:${PORT}`;
	if (!fs.existsSync('build/index.js')) {
		console.log('build/ is missing: running vite build …');
		const r = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
		if (r.status !== 0) throw new Error('vite build failed');
	}
	// Demo accounts on a data directory of its own (the editor needs a signed-in clerk; its saves stay there).
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stdc-bench-editor-'));
	const child = spawn(process.execPath, ['build'], { env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', ORIGIN: base, STDC_DEMO: '1', DATA_DIR: dataDir, BODY_SIZE_LIMIT: '25M' }, stdio: 'ignore' });
	for (let i = 0; i < 100; i++) {
		if (await reachable(`${base}/`)) return { base, child };
		await new Promise((r) => setTimeout(r, 100));
	}
	child.kill();
	throw new Error(`the app did not start on ${base}`);
}

// ---------- measuring ----------

interface Hook {
	seq(): number;
	active(): string;
	text(path: string): string | null;
	markers(): { code: string; message: string; file: string; line: number }[];
	waitFor(kind: 'markers' | 'preview', seq: number): Promise<number>;
}
type BenchWindow = { __stdcEditor: Hook; __bench: { t0: number } };

async function openEditor(page: Page, base: string): Promise<void> {
	await page.goto(`${base}/login?next=${encodeURIComponent('/standards/2026/edit')}`);
	await page.getByLabel('用户名').fill('hr-editor');
	await page.getByLabel('密码').fill('demo-password');
	await page.getByRole('button', { name: '登录' }).click();
	await page.waitForURL(/\/standards\/2026\/edit$/);
	await page.waitForFunction(() => 'waitFor' in ((window as unknown as { __stdcEditor?: object }).__stdcEditor ?? {}), null, { timeout: 60_000 });
	await page.waitForFunction(() => document.querySelector('[data-testid="compile-status"]')?.textContent?.includes('已编译'), null, { timeout: 60_000 });
	await page.evaluate(() => {
		const w = window as unknown as BenchWindow;
		w.__bench = { t0: 0 };
		document.addEventListener('keydown', () => (w.__bench.t0 = performance.now()), true);
	});
}

async function gotoLine(page: Page, file: string, line: number, fromEnd: number): Promise<void> {
	await page.locator(`[data-testid="file-tab"][data-path="${file}"]`).click();
	await page.locator('.monaco-editor textarea').first().focus();
	await page.keyboard.press('Control+G');
	await page.locator('.quick-input-widget input').fill(`:${line}`);
	await page.keyboard.press('Enter');
	await page.keyboard.press('End');
	for (let i = 0; i < fromEnd; i++) await page.keyboard.press('ArrowLeft');
}

function stats(xs: number[]): { median: number; p95: number; min: number; max: number } {
	const s = [...xs].sort((a, b) => a - b);
	const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
	return { median: q(0.5), p95: q(0.95), min: s[0], max: s[s.length - 1] };
}

async function measure(page: Page, edits: number): Promise<{ markers: number[]; preview: number[] }> {
	const markers: number[] = [];
	const preview: number[] = [];
	for (let i = 0; i < edits + WARMUP; i++) {
		const seq = await page.evaluate(() => (window as unknown as BenchWindow).__stdcEditor.seq());
		if (i % 2 === 0) await page.keyboard.type('1');
		else await page.keyboard.press('Backspace');
		const r = await page.evaluate(async (s) => {
			const w = window as unknown as BenchWindow;
			const m = await w.__stdcEditor.waitFor('markers', s);
			const p = await w.__stdcEditor.waitFor('preview', s);
			return { markers: m - w.__bench.t0, preview: p - w.__bench.t0 };
		}, seq + 1);
		if (i >= WARMUP) {
			markers.push(r.markers);
			preview.push(r.preview);
		}
		await page.waitForTimeout(PAUSE_MS);
	}
	return { markers, preview };
}

function lineOf(text: string, needle: string): number {
	const i = text.indexOf(needle);
	if (i < 0) throw new Error(`not found: ${needle}`);
	return text.slice(0, i).split('\n').length;
}

async function main(): Promise<void> {
	const { base, child } = await startApp();
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking']
	});
	const rows: { set: string; edit: string; markers: ReturnType<typeof stats>; preview: ReturnType<typeof stats> }[] = [];
	try {
		// The 2026 set, as on disk.
		{
			const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
			await openEditor(page, base);
			const set = readSet();
			const text = set.find((f) => f.path === '副研究员.std')!.text;
			const setLines = set.reduce((n, f) => n + f.text.split('\n').length, 0);
			await gotoLine(page, '副研究员.std', lineOf(text, '合同成交额 >= 500万元'), 2);
			const r = await measure(page, EDITS);
			rows.push({ set: `2026 (${set.length} files, ${setLines} lines)`, edit: '副研究员.std: 500万元 ↔ 5001万元', markers: stats(r.markers), preview: stats(r.preview) });
			await page.close();
		}
		// The generated set, loaded as a browser draft.
		{
			const files = generatedSet(5000);
			const lineCount = files.reduce((n, f) => n + f.text.split('\n').length, 0);
			const samples = loadSamples(SET_DIR).map((s) => ({
				key: path.basename(s.file).replace(/\.json$/i, ''),
				file: path.relative(SET_DIR, s.file),
				description: s.description,
				record: s.record,
				expected: s.expected
			}));
			const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
			await context.addInitScript((draft) => {
				if (!sessionStorage.getItem('bench-draft')) {
					localStorage.setItem('stdc-editor:2026:draft', draft);
					sessionStorage.setItem('bench-draft', '1');
				}
			}, JSON.stringify({ format: 'stdc-editor@1', base: 'bench', files, samples, at: new Date().toISOString() }));
			const page = await context.newPage();
			await openEditor(page, base);
			const errors = await page.evaluate(() => (window as unknown as BenchWindow).__stdcEditor.markers().filter((m) => m.code.startsWith('E')));
			if (errors.length) throw new Error(`the generated set does not compile: ${JSON.stringify(errors.slice(0, 3))}`);
			const common = files.find((f) => f.path === 'common.std')!.text;
			await gotoLine(page, 'common.std', lineOf(common, '常量 门槛7 "门槛7" ='), 2);
			let r = await measure(page, EDITS);
			rows.push({ set: `generated (${files.length} files, ${lineCount} lines)`, edit: `common.std (${common.split('\n').length} lines): 门槛7 8万元 ↔ 81万元`, markers: stats(r.markers), preview: stats(r.preview) });
			const assoc = files.find((f) => f.path === '副研究员.std')!.text;
			await gotoLine(page, '副研究员.std', lineOf(assoc, '合同成交额 >= 500万元'), 2);
			r = await measure(page, EDITS);
			rows.push({ set: `generated (${files.length} files, ${lineCount} lines)`, edit: `副研究员.std: 500万元 ↔ 5001万元`, markers: stats(r.markers), preview: stats(r.preview) });
			await context.close();
		}
	} finally {
		await browser.close();
		child?.kill();
	}
	const f = (x: number) => `${x.toFixed(0)} ms`;
	console.log(`\nEditor latency in Chromium, ${EDITS} edits each (after ${WARMUP} warm-up edits), keydown → frame with the result:\n`);
	console.log('| set | edit | markers median | markers p95 | preview median | preview p95 |');
	console.log('|---|---|---|---|---|---|');
	for (const r of rows) {
		console.log(`| ${r.set} | ${r.edit} | ${f(r.markers.median)} | ${f(r.markers.p95)} | ${f(r.preview.median)} | ${f(r.preview.p95)} |`);
	}
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
