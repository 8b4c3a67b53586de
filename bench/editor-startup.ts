// Time to usable of the standards editor, measured in Chromium on built apps: `npx tsx bench/editor-startup.ts`
// (not a test; nothing here is timed against a limit).
//
// Each visit is a fresh browser context (empty cache, empty localStorage) opening /standards/2026/edit at
// 1366×768. From the navigation's start, a requestAnimationFrame loop in the page records the first frame in
// which:
//   text      the active file's text is on screen (its line "级别 副研究员" is visible in the editor area),
//   editable  Monaco's editor is in place and takes keys (its textarea exists and the page's test hook is set),
//   checked   the first check and preview are shown (the status says 已编译).
// Then it reloads the page in the same context (warm cache) and measures again. It also reports what was
// downloaded (JS bytes, the largest chunk) and the page's own marks, to show where the time goes.
//
// BENCH_BUILDS="before=../wt/before/build,after=build" compares builds (each served by `node <dir>` from the
// checkout it was built in, the directory's parent, so each reads its own standards/); the visits alternate between them so that the machine's drift hits both
// alike. BENCH_VISITS (default 7) visits per build. Default: the one build in build/.
//
// BENCH_TRACE=1 adds one cold visit per build recorded with Chromium's tracing, and prints where the page's
// threads spent their time until the editor took keys (bench/trace-summary.ts): compiling and running which
// script, style, layout, paint, GC, and the longest tasks (what blocks the main thread).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { format, navigation, summarise, type TraceEvent } from './trace-summary.ts';

const VISITS = Number(process.env.BENCH_VISITS ?? 7);
const BASE_PORT = Number(process.env.BENCH_PORT ?? 4390);
const NEEDLE = '级别 副研究员';

type Milestones = { text?: number; editable?: number; checked?: number };
interface Visit extends Milestones {
	jsBytes: number;
	largest: { name: string; bytes: number; responseEnd: number };
	marks: Record<string, number>;
}

async function reachable(url: string): Promise<boolean> {
	try {
		return (await fetch(url)).ok;
	} catch {
		return false;
	}
}

async function serve(dir: string, port: number): Promise<{ base: string; child: ChildProcess }> {
	if (!fs.existsSync(path.join(dir, 'index.js'))) throw new Error(`${dir}/index.js is missing: build the app first`);
	const base = `http://127.0.0.1:${port}`;
	// Demo accounts on a data directory of its own: the editor needs a signed-in clerk.
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stdc-bench-startup-'));
	// From the checkout the build was made in (the build directory's parent): a build reads standards/ from its
	// working directory, and an old build may not understand today's set (before the Chinese field names).
	const child = spawn(process.execPath, [dir], { cwd: path.dirname(dir), env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: base, STDC_DEMO: '1', DATA_DIR: dataDir }, stdio: 'ignore' });
	for (let i = 0; i < 200; i++) {
		if (await reachable(`${base}/`)) return { base, child };
		await new Promise((r) => setTimeout(r, 100));
	}
	child.kill();
	throw new Error(`${dir} did not start on ${base}`);
}

/** Runs in the page before any of its scripts: watch for the milestones frame by frame. */
const watchSource = `function (needle) {
	const w = window;
	w.__startup = {};
	const seen = w.__startup;
	const tick = () => {
		const now = performance.now();
		const area = document.querySelector('.editor-wrap');
		if (seen.text === undefined && area && area.innerText.replace(/\\u00a0/g, ' ').includes(needle)) seen.text = now;
		if (seen.editable === undefined && document.querySelector('.monaco-editor textarea') && 'waitFor' in (window.__stdcEditor || {}))
			seen.editable = now;
		const status = document.querySelector('[data-testid="compile-status"]');
		if (seen.checked === undefined && status && status.textContent.includes('已编译')) seen.checked = now;
		if (seen.text === undefined || seen.editable === undefined || seen.checked === undefined) requestAnimationFrame(tick);
	};
	requestAnimationFrame(tick);
}`;

async function newPage(browser: Browser, base: string) {
	const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
	// Signed in through the JSON API: the cookie without loading a page, so the editor's visit stays cold.
	const login = await context.request.post(`${base}/api/login`, { data: { username: 'hr-editor', password: 'demo-password' } });
	// A build from before accounts existed (a "before" in BENCH_BUILDS) has no /api/login and an open editor.
	if (!login.ok() && login.status() !== 404) throw new Error(`log-in failed: ${login.status()}`);
	// As text: tsx would add its helpers (__name) to a function passed as such, and the page has none.
	await context.addInitScript({ content: `(${watchSource})(${JSON.stringify(NEEDLE)});` });
	return { context, page: await context.newPage() };
}

async function visit(browser: Browser, base: string): Promise<{ cold: Visit; warm: Visit }> {
	const { context, page } = await newPage(browser, base);
	const once = async (): Promise<Visit> => {
		await page.waitForFunction(
			() => {
				const s = (window as unknown as { __startup?: Milestones }).__startup;
				return !!s && s.text !== undefined && s.editable !== undefined && s.checked !== undefined;
			},
			null,
			{ timeout: 120_000, polling: 100 }
		);
		return page.evaluate(() => {
			const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
			const js = resources.filter((r) => /\.js(\?|$)/.test(r.name));
			const largest = js.reduce((a, b) => (b.encodedBodySize > a.encodedBodySize ? b : a), js[0]);
			const marks: Record<string, number> = {};
			for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('stdc:') && !(m.name in marks)) marks[m.name] = m.startTime;
			return {
				...(window as unknown as { __startup: Milestones }).__startup,
				jsBytes: js.reduce((n, r) => n + r.encodedBodySize, 0),
				largest: { name: largest.name.replace(/^.*\//, ''), bytes: largest.encodedBodySize, responseEnd: largest.responseEnd },
				marks
			};
		});
	};
	await page.goto(`${base}/standards/2026/edit`);
	const cold = await once();
	await page.reload();
	const warm = await once();
	await context.close();
	return { cold, warm };
}

const CATEGORIES = [
	'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink.user_timing', 'toplevel',
	'loading', 'disabled-by-default-v8.compile'
];

/** One cold visit under Chromium's tracing: where each thread's time went until the editor took keys. */
async function traced(browser: Browser, base: string): Promise<string> {
	const { context, page } = await newPage(browser, base);
	await browser.startTracing(page, { categories: CATEGORIES });
	await page.goto(`${base}/standards/2026/edit`);
	await page.waitForFunction(() => (window as unknown as { __startup?: Milestones }).__startup?.checked !== undefined, null, {
		timeout: 120_000,
		polling: 100
	});
	const s = await page.evaluate(() => (window as unknown as { __startup: Milestones }).__startup);
	const { traceEvents } = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
	await context.close();
	const nav = navigation(traceEvents, '/standards/2026/edit');
	if (!nav) return '  (no navigation in the trace)';
	const at = (ms: number | undefined) => nav.start + (ms ?? 0) * 1000;
	return [
		`  this visit: text ${Math.round(s.text ?? NaN)} ms, editor takes keys ${Math.round(s.editable ?? NaN)} ms, first check ${Math.round(s.checked ?? NaN)} ms`,
		'  until the editor takes keys:',
		format(summarise(traceEvents, nav.pid, nav.start, at(s.editable))),
		'  from then until the first check is shown:',
		format(summarise(traceEvents, nav.pid, at(s.editable), at(s.checked)))
	].join('\n');
}

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main(): Promise<void> {
	const builds = (process.env.BENCH_BUILDS ?? 'build=build')
		.split(',')
		.map((x) => x.split('='))
		.map(([name, dir], i) => ({ name, dir: path.resolve(dir), port: BASE_PORT + i }));
	const servers = await Promise.all(builds.map((b) => serve(b.dir, b.port)));
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking']
	});
	const results = builds.map(() => ({ cold: [] as Visit[], warm: [] as Visit[] }));
	const traces: string[] = [];
	try {
		for (let v = 0; v < VISITS; v++) {
			// Alternate the order too, so that neither build always goes first after a pause.
			const order = builds.map((_, i) => i);
			if (v % 2) order.reverse();
			for (const i of order) {
				const r = await visit(browser, servers[i].base);
				results[i].cold.push(r.cold);
				results[i].warm.push(r.warm);
				process.stderr.write('.');
			}
		}
		if (process.env.BENCH_TRACE) {
			for (const [i, b] of builds.entries()) traces.push(`- ${b.name}, one traced cold visit:\n${await traced(browser, servers[i].base)}`);
		}
	} finally {
		await browser.close();
		for (const s of servers) s.child.kill();
	}
	process.stderr.write('\n');
	const ms = (x: number | undefined) => (x === undefined ? '—' : `${Math.round(x)} ms`);
	const m = (vs: Visit[], k: keyof Milestones) => median(vs.map((x) => x[k] ?? NaN));
	console.log(`\nEditor time to usable, /standards/2026/edit at 1366×768, median of ${VISITS} visits (ms from navigation start):\n`);
	console.log('| build | cache | text on screen | editor takes keys | first check shown | JS downloaded | largest chunk |');
	console.log('|---|---|---|---|---|---|---|');
	for (const [i, b] of builds.entries()) {
		for (const cache of ['cold', 'warm'] as const) {
			const vs = results[i][cache];
			const big = vs[0].largest;
			console.log(
				`| ${b.name} | ${cache} | ${ms(m(vs, 'text'))} | ${ms(m(vs, 'editable'))} | ${ms(m(vs, 'checked'))} | ` +
					`${(median(vs.map((x) => x.jsBytes)) / 1e6).toFixed(2)} MB | ${big.name} ${(big.bytes / 1e6).toFixed(2)} MB, loaded at ${ms(median(vs.map((x) => x.largest.responseEnd)))} |`
			);
		}
	}
	if (builds.length > 1) {
		console.log(`\nRatios against ${builds[0].name} (same run, medians):\n`);
		for (const [i, b] of builds.entries()) {
			if (i === 0) continue;
			for (const cache of ['cold', 'warm'] as const) {
				const r = (k: keyof Milestones) => (m(results[i][cache], k) / m(results[0][cache], k)).toFixed(2);
				console.log(`- ${b.name}, ${cache}: text ×${r('text')}, editor takes keys ×${r('editable')}, first check ×${r('checked')}`);
			}
		}
	}
	console.log('\nThe page\'s marks (median ms, cold):');
	for (const [i, b] of builds.entries()) {
		const names = [...new Set(results[i].cold.flatMap((x) => Object.keys(x.marks)))];
		const line = names.map((n) => `${n.replace('stdc:', '')} ${ms(median(results[i].cold.map((x) => x.marks[n] ?? NaN)))}`).join(', ');
		console.log(`- ${b.name}: ${line || '(none)'}`);
	}
	if (traces.length) console.log(`\nWhere the time goes (Chromium trace):\n${traces.join('\n')}`);
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
