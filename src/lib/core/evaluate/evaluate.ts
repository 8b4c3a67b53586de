// Runs a bundle on applicant records. Verdict, route and score come from the bundle's own `verdict`, `route`
// and `score` logic; with `explain`, every part is evaluated too and recorded as a trace. By default the
// expressions run on the fast path (plan.ts), which shares their common parts; the reference path compiles
// each alone, and the differential tests hold the two (and json-logic-js) to the same results.
import type { Bundle, BundleComponent, BundleLevel, BundleRule, ListMatch } from '../compile/bundle-types.ts';
import { validateRecord, type RecordIssue } from '../records/index.ts';
import { enumLabelOf } from '../records/fields.ts';
import { compileLogic, truthy, type Compiled } from './jsonlogic.ts';
import type { ComponentTrace, LevelTrace, ListTrace, RuleTrace } from './trace.ts';
import { explainLevel, itemTexts, reasonsOf, summaryOf, type LevelExplanation } from './explain.ts';
import { Plan } from './plan.ts';

export interface CompiledList {
  /** The list's path, split once. */
  path: string[];
  matches: Compiled;
  take?: Compiled;
}
export interface CompiledRule {
  logic: Compiled;
  figures: { value: Compiled; target: Compiled }[];
  lists: CompiledList[];
}
export interface CompiledComponent {
  raw: Compiled;
  points: Compiled;
  lists: CompiledList[];
}
export interface CompiledLevel {
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

/**
 * `fast`: one shared, memoised closure graph for the whole bundle (plan.ts); `reference`: each expression
 * compiled alone (compileLogic). A function is any other evaluator of single expressions (the tests and the
 * benchmarks pass json-logic-js itself), to compare whole results, explanations included; compilations are
 * cached per bundle and engine, so pass the same function each time.
 */
export type Engine = 'fast' | 'reference' | ((logic: unknown) => Compiled);

export interface CompiledBundle {
  levels: CompiledLevel[];
  /** Call before evaluating a record: the fast engine forgets the previous record's memoised values. */
  begin(record: unknown): void;
}

type CompileFn = (logic: unknown) => Compiled;

const caches = new WeakMap<Bundle, Map<Engine, CompiledBundle>>();

/** How a level's expressions are compiled: on the record, and on one list item (`take`, for explanations). */
interface Compilers {
  record: CompileFn;
  item: CompileFn;
}

function compileList(l: ListMatch, c: Compilers): CompiledList {
  return { path: l.list.split('.'), matches: c.record(l.matches), ...(l.take !== undefined ? { take: c.item(l.take) } : {}) };
}
function compileRule(r: BundleRule, c: Compilers): CompiledRule {
  return {
    logic: c.record(r.logic),
    figures: r.figures.map((f) => ({ value: c.record(f.value), target: c.record(f.target) })),
    lists: r.lists.map((l) => compileList(l, c))
  };
}
function compileComponent(x: BundleComponent, c: Compilers): CompiledComponent {
  return { raw: c.record(x.raw), points: c.record(x.points), lists: x.lists.map((l) => compileList(l, c)) };
}
function compileLevel(l: BundleLevel, c: Compilers): CompiledLevel {
  const rule = (r: BundleRule) => compileRule(r, c);
  return {
    verdict: c.record(l.verdict), route: c.record(l.route), score: c.record(l.score), met: c.record(l.performance.met),
    gates: l.gates.rules.map(rule),
    regular: l.routes.regular?.lines.map(rule) ?? [],
    directRequires: l.routes.direct?.requires.map(rule) ?? [],
    directLines: l.routes.direct?.lines.map(rule) ?? [],
    items: l.performance.items.map(rule),
    components: l.scoring.components.map((x) => compileComponent(x, c))
  };
}

function compileBundleWith(bundle: Bundle, engine: Engine): CompiledBundle {
  if (engine !== 'fast') {
    const c = engine === 'reference' ? compileLogic : engine;
    return { levels: bundle.levels.map((l) => compileLevel(l, { record: c, item: c })), begin: () => {} };
  }
  // The plan memoises per record: what runs on a list item (`take`) is compiled alone.
  const plan = new Plan();
  const c = { record: (x: unknown) => plan.compile(x), item: compileLogic };
  return { levels: bundle.levels.map((l) => compileLevel(l, c)), begin: (r) => plan.begin(r) };
}

export function compiledBundle(bundle: Bundle, engine: Engine = 'fast'): CompiledBundle {
  let byEngine = caches.get(bundle);
  if (!byEngine) caches.set(bundle, (byEngine = new Map()));
  let c = byEngine.get(engine);
  if (!c) byEngine.set(engine, (c = compileBundleWith(bundle, engine)));
  return c;
}

export function compiledLevels(bundle: Bundle, engine: Engine = 'fast'): CompiledLevel[] {
  return compiledBundle(bundle, engine).levels;
}

// ---------- tracing ----------

const KEY_FIELDS = ['registration_no', 'name', 'enterprise', 'title', 'year', 'kind', 'degree'];

/** The bundle's score: a number, or null (ineligible). */
export function scoreOf(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}

const keyLabels = new Map<string, string | undefined>();

/** The item's name in an explanation: its number, name or year; an enum value (学位) by its Chinese label. */
export function itemKey(item: unknown, index: number, list: string[]): string {
  if (item && typeof item === 'object') {
    for (const k of KEY_FIELDS) {
      const v = (item as Record<string, unknown>)[k];
      if (v === undefined || v === null) continue;
      if (typeof v !== 'string' || (k !== 'kind' && k !== 'degree')) return String(v);
      const at = `${list.join('.')}.${k}\u0000${v}`;
      if (!keyLabels.has(at)) keyLabels.set(at, enumLabelOf(`${list.join('.')}.${k}`, v));
      return keyLabels.get(at) ?? v;
    }
  }
  return `#${index + 1}`;
}

export function listOf(record: unknown, path: string[]): unknown[] {
  let cur: unknown = record;
  for (const seg of path) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined;
  return Array.isArray(cur) ? cur : [];
}

/** Each item a list match counted: the match's value has one character per item of the list, "1" where it counted. */
export function eachCounted(l: CompiledList, record: unknown, f: (index: number, item: unknown) => void): void {
  const mask = l.matches(record);
  if (typeof mask !== 'string' || !mask.includes('1')) return;
  const all = listOf(record, l.path);
  for (let index = 0; index < all.length && index < mask.length; index++) if (mask.charCodeAt(index) === 49) f(index, all[index]); // "1"
}

function traceList(l: CompiledList, record: unknown): ListTrace {
  const take = l.take;
  const items: ListTrace['items'] = [];
  eachCounted(l, record, (index, item) => items.push(take ? { index, key: itemKey(item, index, l.path), value: take(item) } : { index, key: itemKey(item, index, l.path) }));
  return { items };
}

/** `summary` leaves out which list items were counted: enough for reasons, and several times cheaper. */
export type Detail = 'full' | 'summary';

const NO_LISTS: ListTrace[] = [];

function traceRule(r: CompiledRule, record: unknown, detail: Detail): RuleTrace {
  const held = truthy(r.logic(record));
  const figures: RuleTrace['figures'] = new Array(r.figures.length);
  for (let i = 0; i < figures.length; i++) figures[i] = { value: r.figures[i].value(record), target: r.figures[i].target(record) };
  return {
    held,
    figures,
    lists: detail === 'full' && r.lists.length ? r.lists.map((l) => traceList(l, record)) : NO_LISTS
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
    score: scoreOf(c.score(record)),
    gates: c.gates.map(rule),
    regular: c.regular.map(rule),
    directRequires: c.directRequires.map(rule),
    directLines: c.directLines.map(rule),
    items: c.items.map(rule),
    met: Number(c.met(record)),
    components: c.components.map((x) => traceComponent(x, record, detail))
  };
}

/** Verdict, route, score, summary and reasons: the rules are traced only where the reasons quote them. */
function reasonsLevel(l: BundleLevel, c: CompiledLevel, record: unknown): LevelResult {
  const t = {
    verdict: c.verdict(record) as LevelTrace['verdict'], route: c.route(record) as LevelTrace['route'],
    score: scoreOf(c.score(record))
  };
  const reasons = reasonsOf(l, {
    // the fields one by one: a spread of `t` here cost about 1.5 µs per level (bench/README)
    verdict: t.verdict, route: t.route, score: t.score,
    // counted only for a level that failed: an ineligible one's reasons are its gates
    met: () => Number(c.met(record)),
    gates: () => c.gates.map((r) => truthy(r.logic(record))),
    // only a failed item's figures are quoted: a held one is not traced
    failedItems: (out) => {
      for (let i = 0; i < c.items.length; i++) {
        const r = c.items[i];
        if (truthy(r.logic(record))) continue;
        const texts = itemTexts(l, i);
        for (let k = 0; k < texts.length; k++) out.push(texts[k](r.figures[k].value(record), r.figures[k].target(record)));
      }
    }
  });
  return { level: l.name, verdict: t.verdict, route: t.route, score: t.score, summary: summaryOf(l, t), reasons };
}

// ---------- the public API ----------

export interface LevelVerdict {
  level: string;
  verdict: 'pass' | 'fail' | 'ineligible';
  route: 'regular' | 'direct' | null;
  /** null when ineligible: no score is reported for an applicant who may not apply. */
  score: number | null;
}

export type LevelResult = LevelVerdict & Partial<Omit<LevelExplanation, keyof LevelVerdict>>;

export interface RecordResult {
  id: string | null;
  errors?: { path: string; message: string }[];
  warnings?: { path: string; message: string }[];
  results?: LevelResult[];
}

export interface EvaluateOptions {
  /**
   * false: verdict, route and score only; 'reasons': also the summary line and the reasons (what a table or
   * CSV prints); 'summary': also every rule with its figures; true (default): also the list items counted.
   */
  explain?: boolean | 'reasons' | 'summary';
  /** Only these levels (by name); all when absent. */
  levels?: string[];
  /** Which evaluator runs the bundle (default fast); the differential tests run both. */
  engine?: Engine;
}

const issue = (i: RecordIssue) => ({ path: i.path, message: i.message });

/** Validate one record and, when valid, evaluate it at every level. Never throws on a bad record. */
export function evaluateRecord(bundle: Bundle, record: unknown, options: EvaluateOptions = {}): RecordResult {
  const check = validateRecord(record, bundle.meta.referenceDate);
  if (!check.ok) return { id: check.id, errors: check.errors.map(issue) };
  const compiled = compiledBundle(bundle, options.engine);
  compiled.begin(record);
  const levels = compiled.levels;
  const results: LevelResult[] = [];
  bundle.levels.forEach((l, i) => {
    if (options.levels && !options.levels.includes(l.name)) return;
    const c = levels[i];
    if (options.explain === false) {
      results.push({ level: l.name, verdict: c.verdict(record) as LevelVerdict['verdict'], route: c.route(record) as LevelVerdict['route'], score: scoreOf(c.score(record)) });
      return;
    }
    if (options.explain === 'reasons') {
      results.push(reasonsLevel(l, c, record));
      return;
    }
    const trace = traceLevel(c, record, options.explain === 'summary' ? 'summary' : 'full');
    results.push(explainLevel(l, trace, record));
  });
  return check.warnings.length ? { id: check.id, warnings: check.warnings.map(issue), results } : { id: check.id, results };
}

/** The message for a record whose id an earlier record of the batch (number `first`, from 0) already had. */
export function repeatedId(id: string, first: number): string {
  return `id 重复：“${id}”已在第 ${first + 1} 条记录中出现`;
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
      if (first !== undefined) return { id: result.id, errors: [{ path: 'id', message: repeatedId(result.id, first) }] };
      this.ids.set(result.id, index);
    }
    return result;
  }
}

export function evaluateBatch(bundle: Bundle, records: unknown[], options: EvaluateOptions = {}): RecordResult[] {
  const batch = new Batch();
  return records.map((r) => batch.evaluate(bundle, r, options));
}
