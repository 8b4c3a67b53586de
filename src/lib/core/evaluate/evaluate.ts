// Runs a bundle on applicant records. Verdict, route and score come from the bundle's own `verdict`, `route`
// and `score` logic; with `explain`, every part is evaluated too and recorded as a trace.
import type { Bundle, BundleComponent, BundleLevel, BundleRule, ListMatch } from '../compile/bundle-types.ts';
import { validateRecord, type RecordIssue } from '../records/index.ts';
import { compileLogic, truthy, type Compiled } from './jsonlogic.ts';
import type { ComponentTrace, LevelTrace, ListTrace, RuleTrace } from './trace.ts';
import { explainLevel, type LevelExplanation } from './explain.ts';

interface CompiledList {
  list: string;
  matches: Compiled;
  take?: Compiled;
}
interface CompiledRule {
  logic: Compiled;
  figures: { value: Compiled; target: Compiled }[];
  lists: CompiledList[];
}
interface CompiledComponent {
  raw: Compiled;
  points: Compiled;
  lists: CompiledList[];
}
interface CompiledLevel {
  verdict: Compiled;
  route: Compiled;
  score: Compiled;
  met: Compiled;
  gates: CompiledRule[];
  regular: CompiledRule[];
  directRequires: CompiledRule[];
  directLines: CompiledRule[];
  items: CompiledRule[];
  components: CompiledComponent[];
}

const cache = new WeakMap<Bundle, CompiledLevel[]>();

function compileList(l: ListMatch): CompiledList {
  return { list: l.list, matches: compileLogic(l.matches), ...(l.take !== undefined ? { take: compileLogic(l.take) } : {}) };
}
function compileRule(r: BundleRule): CompiledRule {
  return {
    logic: compileLogic(r.logic),
    figures: r.figures.map((f) => ({ value: compileLogic(f.value), target: compileLogic(f.target) })),
    lists: r.lists.map(compileList)
  };
}
function compileComponent(c: BundleComponent): CompiledComponent {
  return { raw: compileLogic(c.raw), points: compileLogic(c.points), lists: c.lists.map(compileList) };
}
function compileLevel(l: BundleLevel): CompiledLevel {
  return {
    verdict: compileLogic(l.verdict), route: compileLogic(l.route), score: compileLogic(l.score), met: compileLogic(l.performance.met),
    gates: l.gates.rules.map(compileRule),
    regular: l.routes.regular?.lines.map(compileRule) ?? [],
    directRequires: l.routes.direct?.requires.map(compileRule) ?? [],
    directLines: l.routes.direct?.lines.map(compileRule) ?? [],
    items: l.performance.items.map(compileRule),
    components: l.scoring.components.map(compileComponent)
  };
}

export function compiledLevels(bundle: Bundle): CompiledLevel[] {
  let c = cache.get(bundle);
  if (!c) {
    c = bundle.levels.map(compileLevel);
    cache.set(bundle, c);
  }
  return c;
}

// ---------- tracing ----------

const KEY_FIELDS = ['registration_no', 'name', 'enterprise', 'title', 'year', 'kind', 'degree'];

function itemKey(item: unknown, index: number): string {
  if (item && typeof item === 'object') {
    for (const k of KEY_FIELDS) {
      const v = (item as Record<string, unknown>)[k];
      if (v !== undefined && v !== null) return String(v);
    }
  }
  return `#${index + 1}`;
}

function listOf(record: unknown, path: string): unknown[] {
  let cur: unknown = record;
  for (const seg of path.split('.')) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined;
  return Array.isArray(cur) ? cur : [];
}

function traceList(l: CompiledList, record: unknown): ListTrace {
  const found = l.matches(record);
  const all = listOf(record, l.list);
  const items = (Array.isArray(found) ? found : []).map((item) => {
    const index = all.indexOf(item);
    return { index, key: itemKey(item, index), ...(l.take ? { value: l.take(item) } : {}) };
  });
  return { items };
}

/** `summary` leaves out which list items were counted: enough for reasons, and several times cheaper. */
export type Detail = 'full' | 'summary';

function traceRule(r: CompiledRule, record: unknown, detail: Detail): RuleTrace {
  return {
    held: truthy(r.logic(record)),
    figures: r.figures.map((f) => ({ value: f.value(record), target: f.target(record) })),
    lists: detail === 'full' ? r.lists.map((l) => traceList(l, record)) : []
  };
}

function traceComponent(c: CompiledComponent, record: unknown, detail: Detail): ComponentTrace {
  return {
    raw: Number(c.raw(record)), points: Number(c.points(record)),
    lists: detail === 'full' ? c.lists.map((l) => traceList(l, record)) : []
  };
}

export function traceLevel(c: CompiledLevel, record: unknown, detail: Detail = 'full'): LevelTrace {
  const rule = (r: CompiledRule) => traceRule(r, record, detail);
  return {
    verdict: c.verdict(record) as LevelTrace['verdict'],
    route: c.route(record) as LevelTrace['route'],
    score: Number(c.score(record)),
    gates: c.gates.map(rule),
    regular: c.regular.map(rule),
    directRequires: c.directRequires.map(rule),
    directLines: c.directLines.map(rule),
    items: c.items.map(rule),
    met: Number(c.met(record)),
    components: c.components.map((x) => traceComponent(x, record, detail))
  };
}

// ---------- the public API ----------

export interface LevelVerdict {
  level: string;
  verdict: 'pass' | 'fail' | 'ineligible';
  route: 'regular' | 'direct' | null;
  score: number;
}

export type LevelResult = LevelVerdict & Partial<Omit<LevelExplanation, keyof LevelVerdict>>;

export interface RecordResult {
  id: string | null;
  errors?: { path: string; message: string }[];
  warnings?: { path: string; message: string }[];
  results?: LevelResult[];
}

export interface EvaluateOptions {
  /** false: verdict, route and score only; 'summary': also reasons and figures; true (default): everything. */
  explain?: boolean | 'summary';
  /** Only these levels (by name); all when absent. */
  levels?: string[];
}

const issue = (i: RecordIssue) => ({ path: i.path, message: i.message });

/** Validate one record and, when valid, evaluate it at every level. Never throws on a bad record. */
export function evaluateRecord(bundle: Bundle, record: unknown, options: EvaluateOptions = {}): RecordResult {
  const check = validateRecord(record, bundle.meta.referenceDate);
  if (!check.ok) return { id: check.id, errors: check.errors.map(issue) };
  const levels = compiledLevels(bundle);
  const results: LevelResult[] = [];
  bundle.levels.forEach((l, i) => {
    if (options.levels && !options.levels.includes(l.name)) return;
    const c = levels[i];
    if (options.explain === false) {
      results.push({ level: l.name, verdict: c.verdict(record) as LevelVerdict['verdict'], route: c.route(record) as LevelVerdict['route'], score: Number(c.score(record)) });
      return;
    }
    const trace = traceLevel(c, record, options.explain === 'summary' ? 'summary' : 'full');
    results.push(explainLevel(l, trace, record));
  });
  return { id: check.id, ...(check.warnings.length ? { warnings: check.warnings.map(issue) } : {}), results };
}

/** Evaluates a batch one record at a time (streaming), rejecting a repeated id after its first record. */
export class Batch {
  private ids = new Map<string, number>();
  private count = 0;
  rejected = 0;

  evaluate(bundle: Bundle, record: unknown, options: EvaluateOptions = {}): RecordResult {
    const index = this.count++;
    const result = evaluateRecord(bundle, record, options);
    if (result.id !== null && !result.errors) {
      const first = this.ids.get(result.id);
      if (first !== undefined) return { id: result.id, errors: [{ path: 'id', message: `id 重复：“${result.id}”已在第 ${first + 1} 条记录中出现` }] };
      this.ids.set(result.id, index);
    }
    return result;
  }
}

export function evaluateBatch(bundle: Bundle, records: unknown[], options: EvaluateOptions = {}): RecordResult[] {
  const batch = new Batch();
  return records.map((r) => batch.evaluate(bundle, r, options));
}
