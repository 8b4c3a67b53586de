// The editor's web worker: it holds the language service's Workspace and the sample applicants, so that
// parsing, checking, compiling and evaluating never run on the page's thread.
//
// Edits are applied as they arrive (Workspace.updateFile only stores the text) and analysed in the next task:
// edits that arrive while an analysis runs are merged into the following one. That is the debounce: no fixed
// delay, so a single keystroke gets its markers as soon as the set is checked, and fast typing never queues
// up analyses.
import { compile, evaluateRecord, type Bundle } from '../core/index.ts';
import { compileLogic, truthy, type Compiled } from '../core/evaluate/jsonlogic.ts';
import { Workspace } from '../core/language/index.ts';
import { nearestPath } from '../core/impact/nearest.ts';
import { validateRecord, type RecordCheck } from '../core/records/index.ts';
import type {
	ClauseReport,
	EditorSample,
	ExplainResult,
	FromWorker,
	NearestSummary,
	Methods,
	Outcome,
	PreviewCell,
	PreviewRow,
	SourceText,
	ToWorker
} from './protocol.ts';
import { levelOrder } from './levels.ts';

const ws = new Workspace();
const samples = new Map<string, EditorSample>();
/** Validation results, by sample key (records change far less often than the standard). */
const checks = new Map<string, { ref: string; check: RecordCheck }>();
/** The last bundle that compiled, for explanations while the text has errors. */
let lastBundle: Bundle | null = null;
/** Results under the last compiled bundle, by sample key then level. */
let current = new Map<string, Map<string, Outcome>>();
/** Results under the last saved version, by sample key then level. */
let saved = new Map<string, Map<string, Outcome>>();
let levels: string[] = [];
/** The bundle `current` was computed with, and the samples edited since. */
let evaluatedWith: Bundle | null = null;
const dirty = new Set<string>();
let seq = 0;
let scheduled = false;
/** Time spent analysing outside analyse() (the first check happens in init), reported with the next result. */
let carriedMs = 0;

const post = (m: FromWorker) => (self as unknown as Worker).postMessage(m);

function field(record: unknown, key: string): string | null {
	if (record && typeof record === 'object' && !Array.isArray(record)) {
		const v = (record as Record<string, unknown>)[key];
		if (typeof v === 'string') return v;
	}
	return null;
}

function checkOf(s: EditorSample, referenceDate: string | undefined): RecordCheck {
	const ref = referenceDate ?? '';
	const hit = checks.get(s.key);
	if (hit && hit.ref === ref) return hit.check;
	const check = referenceDate ? validateRecord(s.record, referenceDate) : validateRecord(s.record);
	checks.set(s.key, { ref, check });
	return check;
}

/** Verdict, route and score of every valid sample at every level. */
function evaluateAll(bundle: Bundle, list: Iterable<EditorSample>): Map<string, Map<string, Outcome>> {
	const out = new Map<string, Map<string, Outcome>>();
	for (const s of list) {
		if (!checkOf(s, bundle.meta.referenceDate).ok) continue;
		const r = evaluateRecord(bundle, s.record, { explain: false });
		if (!r.results) continue;
		out.set(s.key, new Map(r.results.map((l) => [l.level, { verdict: l.verdict, route: l.route, score: l.score }])));
	}
	return out;
}

function rows(): PreviewRow[] {
	const referenceDate = lastBundle?.meta.referenceDate;
	return [...samples.values()].map((s) => {
		const check = checkOf(s, referenceDate);
		const mine = current.get(s.key);
		const before = saved.get(s.key);
		const cells: PreviewCell[] = [];
		if (check.ok && mine) {
			for (const level of levels) {
				const o = mine.get(level);
				if (!o) continue;
				cells.push({ level, ...o, saved: before?.get(level) ?? null, expected: s.expected[level] ?? null });
			}
		}
		return {
			key: s.key,
			id: field(s.record, 'id') ?? s.key,
			name: field(s.record, 'name') ?? '',
			description: s.description,
			targetLevel: field(s.record, 'target_level'),
			errors: check.errors.map((e) => ({ path: e.path, message: e.message })),
			warnings: check.warnings.map((e) => ({ path: e.path, message: e.message })),
			cells
		};
	});
}

function analyse(): void {
	scheduled = false;
	const t0 = performance.now() - carriedMs;
	carriedMs = 0;
	const diagnostics = ws.diagnostics();
	post({ type: 'diagnostics', seq, diagnostics, ms: performance.now() - t0 });
	const bundle = ws.bundle();
	if (bundle && bundle !== lastBundle) {
		lastBundle = bundle;
		levels = levelOrder(bundle.levels.map((l) => l.name));
	}
	// While the text has errors, edited samples are evaluated with the last bundle that compiled.
	const using = bundle ?? lastBundle;
	if (using && using !== evaluatedWith) {
		current = evaluateAll(using, samples.values());
		evaluatedWith = using;
	} else if (using) {
		const edited = [...dirty].map((k) => samples.get(k)).filter((s): s is EditorSample => !!s);
		const fresh = evaluateAll(using, edited);
		for (const s of edited) {
			const r = fresh.get(s.key);
			if (r) current.set(s.key, r);
			else current.delete(s.key);
		}
	}
	dirty.clear();
	post({ type: 'preview', seq, compiled: bundle !== null, rows: rows(), levels, ms: performance.now() - t0 });
}

function schedule(): void {
	if (scheduled) return;
	scheduled = true;
	setTimeout(() => {
		try {
			analyse();
		} catch (e) {
			// A bug in the core, not a problem in the user's text: say so instead of leaving the page waiting.
			scheduled = false;
			post({ type: 'failure', message: e instanceof Error ? e.message : String(e) });
		}
	}, 0);
}

const clauseCache = new Map<string, Compiled>();

const methods: Methods = {
	completions: (path, line, col) => ws.completions(path, line, col),
	hover: (path, line, col) => ws.hover(path, line, col),
	definition: (path, line, col) => ws.definition(path, line, col),
	references: (path, line, col) => ws.references(path, line, col),
	outline: (path) => ws.outline(path),
	format: (path) => ws.format(path),
	semanticTokens: (path) => ws.semanticTokens(path),
	clause(path, line, col): ClauseReport | null {
		const c = ws.clauseAt(path, line, col);
		const bundle = ws.bundle();
		if (!c || !bundle) return null;
		const logic = JSON.stringify(c.logic, null, 2);
		let fn = clauseCache.get(logic);
		if (!fn) {
			if (clauseCache.size > 200) clauseCache.clear();
			fn = compileLogic(c.logic);
			clauseCache.set(logic, fn);
		}
		const outcomes: ClauseReport['outcomes'] = [];
		let skipped = 0;
		for (const s of samples.values()) {
			if (!checkOf(s, bundle.meta.referenceDate).ok) {
				skipped++;
				continue;
			}
			const value = fn(s.record);
			const base = { key: s.key, id: field(s.record, 'id') ?? s.key, name: field(s.record, 'name') ?? '' };
			outcomes.push(c.kind === 'component' ? { ...base, points: Number(value) } : { ...base, held: truthy(value) });
		}
		const { logic: _logic, ...clause } = c;
		return { clause, logic, outcomes, skipped };
	},
	explain(key, level): ExplainResult | null {
		const s = samples.get(key);
		if (!s) return null;
		const fresh = ws.bundle();
		const bundle = fresh ?? lastBundle;
		const empty = { key, level, stale: !fresh, outcome: null, summary: '', reasons: [], explanation: null };
		if (!bundle) return { ...empty, errors: [{ path: '', message: '标准集尚未成功编译，无法评估' }] };
		const r = evaluateRecord(bundle, s.record, { explain: true, levels: [level] });
		if (r.errors) return { ...empty, errors: r.errors };
		const l = r.results?.[0];
		if (!l) return { ...empty, errors: [{ path: '', message: `标准集中没有级别“${level}”` }] };
		return {
			...empty,
			outcome: { verdict: l.verdict, route: l.route, score: l.score },
			summary: l.summary ?? '',
			reasons: l.reasons ?? [],
			explanation: l.explanation ?? null,
			errors: [],
			nearest: l.verdict === 'fail' ? nearestSummary(bundle, level, s.record) : null
		};
	}
};

function init(files: SourceText[], list: EditorSample[], savedState: { files: SourceText[]; samples: EditorSample[] }): void {
	const t0 = performance.now();
	ws.setFiles(files);
	samples.clear();
	checks.clear();
	for (const s of list) samples.set(s.key, s);
	const same =
		JSON.stringify(savedState.files) === JSON.stringify(files) && JSON.stringify(savedState.samples) === JSON.stringify(list);
	const bundle = ws.bundle();
	carriedMs = performance.now() - t0;
	if (same) {
		saved = bundle ? evaluateAll(bundle, list) : new Map();
	} else {
		const savedFiles = new Map(savedState.files.map((f) => [f.path, f.text]));
		const r = compile(savedState.files, (p) => savedFiles.get(p) ?? null);
		// The saved samples' validation must not be cached under the current samples' keys.
		const savedResults = r.bundle ? evaluateAll(r.bundle, savedState.samples) : new Map();
		checks.clear();
		saved = savedResults;
		if (!bundle && r.bundle) {
			lastBundle = r.bundle;
			levels = levelOrder(r.bundle.levels.map((l) => l.name));
		}
	}
	post({ type: 'ready' });
	schedule();
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
	const m = event.data;
	switch (m.type) {
		case 'init':
			init(m.files, m.samples, m.saved);
			break;
		case 'update':
			ws.updateFile(m.path, m.text);
			seq = Math.max(seq, m.seq);
			schedule();
			break;
		case 'setSample':
			samples.set(m.sample.key, m.sample);
			checks.delete(m.sample.key);
			dirty.add(m.sample.key);
			seq = Math.max(seq, m.seq);
			schedule();
			break;
		case 'removeSample':
			samples.delete(m.key);
			checks.delete(m.key);
			current.delete(m.key);
			seq = Math.max(seq, m.seq);
			schedule();
			break;
		case 'save':
			saved = new Map([...current].map(([k, v]) => [k, new Map(v)]));
			schedule();
			break;
		case 'request': {
			try {
				const fn = methods[m.method] as (...args: unknown[]) => unknown;
				post({ type: 'response', id: m.id, result: fn(...m.args) });
			} catch (e) {
				post({ type: 'response', id: m.id, error: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) });
			}
			break;
		}
	}
};

/** The nearest qualifying path of a failing sample (a search over added achievements: tens of milliseconds). */
function nearestSummary(bundle: Bundle, level: string, record: unknown): NearestSummary | null {
	try {
		const p = nearestPath(bundle, level, record as Record<string, unknown>);
		return { status: p.status, text: p.text, alternatives: p.alternatives.map((a) => a.text) };
	} catch {
		return null; // a record the search cannot read (the explanation above says what is wrong with it)
	}
}
