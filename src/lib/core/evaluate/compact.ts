// Compact results (`stdc eval --format json`): per applicant only what differs between applicants — the
// trace: which rules held, each figure's value and target, the indexes of the list items counted (and the
// value taken from each), the points — beside a dictionary made once per run from the bundle (labels,
// reasons, source positions, requirements). No text is made: the summary, the reasons and every sentence
// of an explanation follow from these facts.
//
// A rule, a score component or a list match that several levels share (the same logic: the gates of every
// level, the score components, the lists they count) is evaluated and written once per applicant: the
// dictionary gives each its slot (`slot`, `match`), and an applicant's result holds `rules`, `components` and
// `matches` by slot, beside one line per level (verdict, route, score, items met). A figure's target that no
// applicant changes (every requirement of the 2026 set) is in the dictionary, not in each result.
//
// Nothing is lost: explainLevel(level, expandLevel(dictionary level, level result, result, record)) is the
// full explanation, reasons included, which test/core/evaluate/compact.test.ts checks on every sample and on
// generated applicants. The format is documented by docs/eval-compact.schema.json.
import type { Bundle, BundleComponent, BundleLevel, BundleRule, Figure, ListMatch } from '../compile/bundle-types.ts';
import { validateRecord } from '../records/index.ts';
import {
  compiledBundle, eachCounted, itemKey, listOf, scoreOf,
  type CompiledComponent, type CompiledLevel, type CompiledList, type CompiledRule, type Engine, type RecordResult
} from './evaluate.ts';
import { where, type Where } from './explain.ts';
import { compileLogic, truthy } from './jsonlogic.ts';
import { ROUTE_LABEL, VERDICT_LABEL } from './labels.ts';
import type { LevelTrace, ListTrace, MatchedItem, RuleTrace } from './trace.ts';

export const COMPACT_FORMAT = 'stdc-eval-compact@2';

// ---------- slots: what levels share, numbered once per bundle and choice of levels ----------

type Section = 'gates' | 'regular' | 'directRequires' | 'directLines' | 'items';
const SECTIONS: Section[] = ['gates', 'regular', 'directRequires', 'directLines', 'items'];

function sectionRules(l: BundleLevel, s: Section): BundleRule[] {
  if (s === 'gates') return l.gates.rules;
  if (s === 'regular') return l.routes.regular?.lines ?? [];
  if (s === 'directRequires') return l.routes.direct?.requires ?? [];
  if (s === 'directLines') return l.routes.direct?.lines ?? [];
  return l.performance.items;
}

/** Where a slot's first use is: level (index in the bundle), section, position; and for a list, which list of it. */
interface Use {
  level: number;
  section: Section | 'components';
  at: number;
  list?: number;
}

interface Layout {
  /** The levels included (indexes in the bundle), in order. */
  levels: number[];
  /** Per included level and section, each rule's slot; per included level, each component's slot. */
  ruleSlot: Record<Section, number[]>[];
  componentSlot: number[][];
  /** Per rule slot and per component slot, the match slot of each of its lists. */
  ruleMatches: number[][];
  /**
   * Per rule slot, each figure's target when no applicant changes it (its logic reads nothing of the record:
   * every target of the 2026 set, thresholds and window dates), else VARIES. Such a target is in the dictionary.
   */
  ruleTargets: unknown[][];
  /** Per rule slot, whether one of its targets is VARIES (so each result carries the targets). */
  ruleVaries: boolean[];
  componentMatches: number[][];
  rules: Use[];
  components: Use[];
  matches: Use[];
}

const listKey = (m: ListMatch) => JSON.stringify([m.list, m.matches, m.take ?? null]);
const ruleKey = (r: BundleRule) => JSON.stringify([r.logic, r.figures.map((f) => [f.value, f.target]), r.lists.map(listKey)]);
const componentKey = (c: BundleComponent) => JSON.stringify([c.raw, c.points, c.lists.map(listKey)]);

const layouts = new WeakMap<Bundle, Map<string, Layout>>();

/** A figure's target that depends on the applicant. */
const VARIES = Symbol('varies');

/** Whether logic reads the record (or a list item): a var or a missing anywhere in it. */
function readsRecord(logic: unknown): boolean {
  if (Array.isArray(logic)) return logic.some(readsRecord);
  if (logic === null || typeof logic !== 'object') return false;
  for (const [op, args] of Object.entries(logic)) if (op === 'var' || op === 'missing' || op === 'missing_some' || readsRecord(args)) return true;
  return false;
}

/** Slots by identical logic: the same logic gives the same trace on the same record. */
function layoutOf(bundle: Bundle, only?: string[]): Layout {
  const key = only ? JSON.stringify(only) : '';
  let byLevels = layouts.get(bundle);
  if (!byLevels) layouts.set(bundle, (byLevels = new Map()));
  const cached = byLevels.get(key);
  if (cached) return cached;
  const out: Layout = { levels: [], ruleSlot: [], componentSlot: [], ruleMatches: [], ruleTargets: [], ruleVaries: [], componentMatches: [], rules: [], components: [], matches: [] };
  const seen = { rules: new Map<string, number>(), components: new Map<string, number>(), matches: new Map<string, number>() };
  const slot = (kind: 'rules' | 'components' | 'matches', k: string, use: Use): [number, boolean] => {
    const had = seen[kind].get(k);
    if (had !== undefined) return [had, false];
    const n = out[kind].push(use) - 1;
    seen[kind].set(k, n);
    return [n, true];
  };
  const matchesOf = (lists: ListMatch[], use: Use) => lists.map((m, i) => slot('matches', listKey(m), { ...use, list: i })[0]);
  bundle.levels.forEach((l, li) => {
    if (only && !only.includes(l.name)) return;
    out.levels.push(li);
    const bySection = {} as Record<Section, number[]>;
    for (const s of SECTIONS) {
      bySection[s] = sectionRules(l, s).map((r, at) => {
        const use = { level: li, section: s, at };
        const [n, fresh] = slot('rules', ruleKey(r), use);
        if (fresh) {
          out.ruleMatches[n] = matchesOf(r.lists, use);
          out.ruleTargets[n] = r.figures.map((f) => (readsRecord(f.target) ? VARIES : compileLogic(f.target)(null)));
          out.ruleVaries[n] = out.ruleTargets[n].includes(VARIES);
        }
        return n;
      });
    }
    out.ruleSlot.push(bySection);
    out.componentSlot.push(
      l.scoring.components.map((c, at) => {
        const use = { level: li, section: 'components' as const, at };
        const [n, fresh] = slot('components', componentKey(c), use);
        if (fresh) out.componentMatches[n] = matchesOf(c.lists, use);
        return n;
      })
    );
  });
  byLevels.set(key, out);
  return out;
}

interface Slotted {
  layout: Layout;
  levels: CompiledLevel[];
  rules: CompiledRule[];
  components: CompiledComponent[];
  matches: CompiledList[];
}

const slotted = new WeakMap<object, Map<string, Slotted>>();

/** The compiled rule, component and list of each slot. */
function slottedOf(bundle: Bundle, engine: Engine | undefined, only?: string[]): Slotted {
  const compiled = compiledBundle(bundle, engine);
  const key = only ? JSON.stringify(only) : '';
  let byLevels = slotted.get(compiled);
  if (!byLevels) slotted.set(compiled, (byLevels = new Map()));
  const cached = byLevels.get(key);
  if (cached) return cached;
  const layout = layoutOf(bundle, only);
  const at = (u: Use) => (u.section === 'components' ? compiled.levels[u.level].components[u.at] : compiled.levels[u.level][u.section][u.at]);
  const s: Slotted = {
    layout,
    levels: layout.levels.map((i) => compiled.levels[i]),
    rules: layout.rules.map((u) => at(u) as CompiledRule),
    components: layout.components.map((u) => at(u) as CompiledComponent),
    matches: layout.matches.map((u) => at(u).lists[u.list!])
  };
  byLevels.set(key, s);
  return s;
}

// ---------- per applicant ----------

/** One counted list item: its index in the record's list, or [index, the value taken from it] when the rule takes one. */
export type CompactItem = number | [index: number, value: unknown];
/**
 * A rule: 1 if it held, else 0; each figure's value; and each figure's target only when one of them depends on
 * the applicant (otherwise the targets are in the dictionary: none of the 2026 set's does).
 */
export type CompactRule = [held: 0 | 1, values: unknown[]] | [held: 0 | 1, values: unknown[], targets: unknown[]];
/** A score component: its points, its raw points before the cap. */
export type CompactComponent = [points: number, raw: number];

export interface CompactLevel {
  level: string;
  verdict: LevelTrace['verdict'];
  route: LevelTrace['route'];
  /** null when ineligible. */
  score: number | null;
  /** Performance items met. */
  met: number;
}

/** By slot (the dictionary's `slot` and `match`): each shared rule, component and list match once. */
export type CompactRecord = Omit<RecordResult, 'results'> & {
  results?: CompactLevel[];
  rules?: CompactRule[];
  components?: CompactComponent[];
  matches?: CompactItem[][];
};

/** `varies`: whether one of the rule's targets depends on the applicant (layout.ruleVaries). */
function compactRule(r: CompiledRule, varies: boolean, record: unknown): CompactRule {
  const figures = r.figures;
  const values: unknown[] = new Array(figures.length);
  for (let i = 0; i < values.length; i++) values[i] = figures[i].value(record);
  const held = truthy(r.logic(record)) ? 1 : 0;
  if (!varies) return [held, values];
  return [held, values, figures.map((f) => f.target(record))];
}

/** The items a list match counted: their indexes, with the value taken from each when the match takes one. */
function counted(l: CompiledList, record: unknown): CompactItem[] {
  const take = l.take;
  const items: CompactItem[] = [];
  eachCounted(l, record, (index, item) => items.push(take ? [index, take(item)] : index));
  return items;
}

/** What a compact result says of a valid record: every level's line and the shared slots. */
export interface CompactFacts {
  results: CompactLevel[];
  rules: CompactRule[];
  components: CompactComponent[];
  matches: CompactItem[][];
}

/**
 * The facts of a record that validateRecord has found valid, at every level (or `levels`): evaluateCompact's
 * work after validation (the benchmarks time it alone, beside the hand-written function, which validates nothing).
 */
export function compactFacts(bundle: Bundle, record: unknown, options: { levels?: string[]; engine?: Engine } = {}): CompactFacts {
  const s = slottedOf(bundle, options.engine, options.levels);
  compiledBundle(bundle, options.engine).begin(record);
  const results: CompactLevel[] = s.levels.map((c, i) => ({
    level: bundle.levels[s.layout.levels[i]].name,
    verdict: c.verdict(record) as LevelTrace['verdict'],
    route: c.route(record) as LevelTrace['route'],
    score: scoreOf(c.score(record)),
    met: Number(c.met(record))
  }));
  const rules = s.rules.map((r, i) => compactRule(r, s.layout.ruleVaries[i], record));
  const components = s.components.map((c): CompactComponent => [Number(c.points(record)), Number(c.raw(record))]);
  const matches = s.matches.map((l) => counted(l, record));
  return { results, rules, components, matches };
}

/** Validates one record and, when valid, evaluates it at every level (or `levels`) in compact form. */
export function evaluateCompact(bundle: Bundle, record: unknown, options: { levels?: string[]; engine?: Engine } = {}): CompactRecord {
  const check = validateRecord(record, bundle.meta.referenceDate);
  const issue = (i: { path: string; message: string }) => ({ path: i.path, message: i.message });
  if (!check.ok) return { id: check.id, errors: check.errors.map(issue) };
  const { results, rules, components, matches } = compactFacts(bundle, record, options);
  // two literals, not a spread of the optional part: a spread costs microseconds per record (bench/README)
  return check.warnings.length
    ? { id: check.id, warnings: check.warnings.map(issue), results, rules, components, matches }
    : { id: check.id, results, rules, components, matches };
}

// ---------- back to a trace ----------

/**
 * The trace a compact level was made from: `l` is the dictionary's level, `c` its line in the result, `r` the
 * whole result (its slots), `record` the applicant's record (the items counted are named by it).
 */
export function expandLevel(l: DictionaryLevel, c: CompactLevel, r: CompactRecord, record: unknown): LevelTrace {
  const lists = (ls: DictionaryList[]): ListTrace[] =>
    ls.map((d) => {
      const path = d.list.split('.');
      const all = listOf(record, path);
      return {
        items: r.matches![d.match].map((it): MatchedItem => {
          const index = typeof it === 'number' ? it : it[0];
          const key = itemKey(all[index], index, path);
          return typeof it === 'number' ? { index, key } : { index, key, value: it[1] };
        })
      };
    });
  const rules = (ds: DictionaryRule[]): RuleTrace[] =>
    ds.map((d) => {
      const [held, values, targets] = r.rules![d.slot];
      return { held: held === 1, figures: values.map((value, i) => ({ value, target: 'target' in d.figures[i] ? d.figures[i].target : targets![i] })), lists: lists(d.lists) };
    });
  return {
    verdict: c.verdict, route: c.route, score: c.score, met: c.met,
    gates: rules(l.gates.rules),
    regular: rules(l.routes.regular?.lines ?? []),
    directRequires: rules(l.routes.direct?.requires ?? []),
    directLines: rules(l.routes.direct?.lines ?? []),
    items: rules(l.performance.items),
    components: l.scoring.components.map((d) => {
      const [points, raw] = r.components![d.slot];
      return { points, raw, lists: lists(d.lists) };
    })
  };
}

// ---------- the dictionary: once per run ----------

export interface DictionaryFigure {
  label: string;
  op: string;
  kind: Figure['kind'];
  unit?: Figure['unit'];
  enumLabels?: Record<string, string>;
  /** The requirement, when no applicant changes it; otherwise each result's rule carries it. */
  target?: unknown;
  at: Where;
}
export interface DictionaryList {
  list: string;
  label: string;
  unit?: ListMatch['unit'];
  /** Its items counted, in a result's `matches`. */
  match: number;
}
export interface DictionaryRule {
  id?: string;
  /** Its result, in a result's `rules`. */
  slot: number;
  label: string;
  reason?: string;
  figures: DictionaryFigure[];
  lists: DictionaryList[];
  at: Where;
}
export interface DictionaryComponent {
  id: string;
  /** Its result, in a result's `components`. */
  slot: number;
  label: string;
  cap: number | null;
  lists: DictionaryList[];
  at: Where;
}
export interface DictionaryLevel {
  name: string;
  at: Where;
  gates: { label: string; rules: DictionaryRule[] };
  routes: {
    regular: { label: string; lines: DictionaryRule[] } | null;
    direct: { label: string; requires: DictionaryRule[]; lines: DictionaryRule[] } | null;
  };
  performance: { label: string; need: number; items: DictionaryRule[] };
  scoring: { label: string; minimum: number; components: DictionaryComponent[] };
}
export interface Dictionary {
  standard: Bundle['meta'];
  /** The Chinese words beside the codes of every result (JSON keeps the codes: it is the machine format). */
  labels: { verdict: typeof VERDICT_LABEL; route: typeof ROUTE_LABEL };
  levels: DictionaryLevel[];
}

const dictList = (l: ListMatch, match: number): DictionaryList => ({ list: l.list, label: l.label, ...(l.unit ? { unit: l.unit } : {}), match });
const dictFigure = (f: Figure, target: unknown): DictionaryFigure => ({
  label: f.label, op: f.op, kind: f.kind, ...(f.unit ? { unit: f.unit } : {}), ...(f.enumLabels ? { enumLabels: f.enumLabels } : {}),
  ...(target !== VARIES ? { target } : {}), at: where(f.src)
});

/** What explanations say that no applicant changes: the bundle without its logic, for the levels asked for. */
export function compactDictionary(bundle: Bundle, levels?: string[]): Dictionary {
  const layout = layoutOf(bundle, levels);
  const rule = (r: BundleRule, slot: number): DictionaryRule => ({
    ...(r.id ? { id: r.id } : {}), slot, label: r.label, ...(r.reason ? { reason: r.reason } : {}),
    figures: r.figures.map((f, i) => dictFigure(f, layout.ruleTargets[slot][i])), lists: r.lists.map((m, i) => dictList(m, layout.ruleMatches[slot][i])), at: where(r.src)
  });
  const component = (c: BundleComponent, slot: number): DictionaryComponent => ({
    id: c.id, slot, label: c.label, cap: c.cap, lists: c.lists.map((m, i) => dictList(m, layout.componentMatches[slot][i])), at: where(c.src)
  });
  return {
    standard: bundle.meta,
    labels: { verdict: VERDICT_LABEL, route: ROUTE_LABEL },
    levels: layout.levels.map((li, k) => {
      const l = bundle.levels[li];
      const slots = layout.ruleSlot[k];
      const rules = (s: Section) => sectionRules(l, s).map((r, i) => rule(r, slots[s][i]));
      return {
        name: l.name, at: where(l.src),
        gates: { label: l.gates.label, rules: rules('gates') },
        routes: {
          regular: l.routes.regular ? { label: l.routes.regular.label, lines: rules('regular') } : null,
          direct: l.routes.direct ? { label: l.routes.direct.label, requires: rules('directRequires'), lines: rules('directLines') } : null
        },
        performance: { label: l.performance.label, need: l.performance.need, items: rules('items') },
        scoring: { label: l.scoring.label, minimum: l.scoring.minimum, components: l.scoring.components.map((c, i) => component(c, layout.componentSlot[k][i])) }
      };
    })
  };
}
