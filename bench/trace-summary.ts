// Where a page's time goes, from a Chromium trace (browser.startTracing): for each thread of the page's renderer
// (the main thread and the workers), its busy time up to a moment, by what it did (compiling scripts, running
// them, style and layout, painting, garbage collection) and by the script that ran, and its longest tasks.
// Used by bench/editor-startup.ts (BENCH_TRACE=1).

interface TraceEvent {
	name: string;
	ph: string;
	ts: number;
	dur?: number;
	pid: number;
	tid: number;
	cat?: string;
	args?: { name?: string; data?: { url?: string; functionName?: string; documentLoaderURL?: string }; fileName?: string };
}

export type { TraceEvent };

export interface ThreadSummary {
	thread: string;
	/** Busy time (top-level tasks) up to the moment, ms. */
	busy: number;
	/** ms by kind of work (nested events, outermost of each kind only). */
	kinds: Record<string, number>;
	/** ms of script compile + run, by script file. */
	scripts: Record<string, number>;
	/** The longest tasks: start (ms from navigation), duration, the script or work that filled most of it. */
	longest: { start: number; dur: number; what: string }[];
}

const KIND: Record<string, string> = {
	'v8.compile': 'compile', 'v8.compileModule': 'compile', 'V8.CompileCode': 'compile', 'v8.produceModuleCache': 'compile',
	'v8.evaluateModule': 'run script', EvaluateScript: 'run script', FunctionCall: 'run script', 'v8.run': 'run script',
	TimerFire: 'run script', FireAnimationFrame: 'run script', EventDispatch: 'run script', 'V8.Execute': 'run script',
	UpdateLayoutTree: 'style', RecalculateStyles: 'style', ParseAuthorStyleSheet: 'style', Layout: 'layout',
	Paint: 'paint', PrePaint: 'paint', Layerize: 'paint', 'Commit': 'paint', RasterTask: 'paint',
	MajorGC: 'gc', MinorGC: 'gc', 'V8.GC_SCAVENGER': 'gc', 'V8.GC_MARK_COMPACTOR': 'gc', BlinkGC: 'gc',
	ParseHTML: 'html'
};

const file = (url: string | undefined) => (url ? url.replace(/^.*\//, '').replace(/\?.*$/, '') || url : '');

/** Summaries of the threads of renderer `pid` from `from` (a trace timestamp, µs) to `until` (µs). */
export function summarise(events: TraceEvent[], pid: number, from: number, until: number): ThreadSummary[] {
	const names = new Map<string, string>();
	for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
	const wanted = (key: string) => /CrRendererMain|DedicatedWorker|Worker/.test(names.get(key) ?? '');
	const byThread = new Map<string, TraceEvent[]>();
	for (const e of events) {
		const key = `${e.pid}:${e.tid}`;
		if (e.ph !== 'X' || e.pid !== pid || !wanted(key) || e.ts > until || e.ts + (e.dur ?? 0) < from) continue;
		(byThread.get(key) ?? byThread.set(key, []).get(key)!).push(e);
	}
	const out: ThreadSummary[] = [];
	for (const [key, list] of byThread) {
		list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
		// Top-level tasks only (Chromium nests a RunTask inside ThreadControllerImpl::RunTask).
		const tasks: TraceEvent[] = [];
		for (const e of list) {
			if (e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask') continue;
			const last = tasks[tasks.length - 1];
			if (last && e.ts < last.ts + (last.dur ?? 0)) continue;
			tasks.push(e);
		}
		const kinds: Record<string, number> = {};
		const scripts: Record<string, number> = {};
		// Outermost event of each kind only: a FunctionCall inside an EvaluateScript is not counted twice.
		const open: { kind: string; end: number }[] = [];
		const scriptOpen: { end: number }[] = [];
		for (const e of list) {
			const end = e.ts + (e.dur ?? 0);
			const kind = KIND[e.name];
			if (!kind) continue;
			while (open.length && open[open.length - 1].end <= e.ts) open.pop();
			while (scriptOpen.length && scriptOpen[scriptOpen.length - 1].end <= e.ts) scriptOpen.pop();
			const ms = (Math.min(end, until) - Math.max(e.ts, from)) / 1000;
			if (!open.some((o) => o.kind === kind)) kinds[kind] = (kinds[kind] ?? 0) + ms;
			open.push({ kind, end });
			const url = e.args?.data?.url || e.args?.fileName;
			if ((kind === 'compile' || kind === 'run script') && url && !scriptOpen.length) {
				scripts[file(url)] = (scripts[file(url)] ?? 0) + ms;
				scriptOpen.push({ end });
			}
		}
		const busy = tasks.reduce((n, t) => n + (Math.min(t.ts + (t.dur ?? 0), until) - Math.max(t.ts, from)) / 1000, 0);
		const longest = [...tasks]
			.sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
			.slice(0, 6)
			.map((t) => {
				const inner = list.filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + (t.dur ?? 0) && KIND[e.name]);
				const top = inner.sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0];
				const what = top ? `${top.name}${top.args?.data?.url ? ` ${file(top.args.data.url)}` : ''}${top.args?.data?.functionName ? ` ${top.args.data.functionName}` : ''}` : '?';
				return { start: (t.ts - from) / 1000, dur: (t.dur ?? 0) / 1000, what };
			})
			.sort((a, b) => a.start - b.start);
		out.push({ thread: names.get(key) ?? key, busy, kinds, scripts, longest });
	}
	return out.sort((a, b) => b.busy - a.busy);
}

/** The last navigation to a URL containing `needle`: its renderer and its start (trace µs). */
export function navigation(events: TraceEvent[], needle: string): { pid: number; start: number } | null {
	const navs = events.filter((e) => e.name === 'navigationStart' && (e.args?.data?.documentLoaderURL ?? '').includes(needle));
	const last = navs.sort((a, b) => a.ts - b.ts).pop();
	return last ? { pid: last.pid, start: last.ts } : null;
}

export function format(summaries: ThreadSummary[]): string {
	const ms = (x: number) => `${Math.round(x)} ms`;
	const lines: string[] = [];
	for (const s of summaries) {
		if (s.busy < 20) continue;
		const top = (r: Record<string, number>, n: number) =>
			Object.entries(r)
				.sort((a, b) => b[1] - a[1])
				.slice(0, n)
				.map(([k, v]) => `${k} ${ms(v)}`)
				.join(', ');
		lines.push(`  ${s.thread}: busy ${ms(s.busy)} — ${top(s.kinds, 8)}`);
		if (Object.keys(s.scripts).length) lines.push(`    scripts: ${top(s.scripts, 6)}`);
		lines.push(`    longest tasks: ${s.longest.map((t) => `@${ms(t.start)} ${ms(t.dur)} (${t.what})`).join('; ')}`);
	}
	return lines.join('\n');
}
