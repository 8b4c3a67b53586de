// Compact results (`stdc eval --format json`): per applicant only what differs between applicants — the
// trace: which rules held, each figure's value and target, the indexes of the list items counted (and the
// value taken from each), the points — beside a dictionary made once per run from the bundle (labels,
// reasons, source positions, requirements). No text is made: the summary, the reasons and every sentence
// of an explanation follow from these facts. Nothing is lost: explainLevel(level, expandLevel(level,
// compact, record)) is the full explanation, reasons included, which
// test/core/evaluate/compact.test.ts checks on every sample and on generated applicants. The format is
// documented by docs/eval-compact.schema.json.
import type { Bundle, BundleComponent, BundleLevel, BundleRule, Figure, ListMatch } from '../compile/bundle-types.ts';
import { validateRecord } from '../records/index.ts';
import { compiledBundle, itemKey, listOf, traceLevel, type Engine, type RecordResult } from './evaluate.ts';
import { where, type Where } from './explain.ts';
import { ROUTE_LABEL, VERDICT_LABEL } from './labels.ts';
import type { ComponentTrace, LevelTrace, ListTrace, MatchedItem, RuleTrace } from './trace.ts';

export const COMPACT_FORMAT = 'stdc-eval-compact@1';

// ---------- per applicant ----------

/** One counted list item: its index in the record's list, or [index, the value taken from it] when the rule takes one. */
export type CompactItem = number | [index: number, value: unknown];
/** A rule: 1 if it held, else 0; [value, target] per figure; the items counted per list (left out when none). */
export type CompactRule = [held: 0 | 1, figures: [unknown, unknown][]] | [held: 0 | 1, figures: [unknown, unknown][], lists: CompactItem[][]];
/** A score component: its points, its raw points before the cap, the items counted per list (left out when none). */
export type CompactComponent = [points: number, raw: number] | [points: number, raw: number, lists: CompactItem[][]];

export interface CompactLevel {
  level: string;
  verdict: LevelTrace['verdict'];
  route: LevelTrace['route'];
  /** null when ineligible. */
  score: number | null;
  /** Performance items met. */
  met: number;
  gates: CompactRule[];
  regular: CompactRule[];
  directRequires: CompactRule[];
  directLines: CompactRule[];
  items: CompactRule[];
  components: CompactComponent[];
}

export type CompactRecord = Omit<RecordResult, 'results'> & { results?: CompactLevel[] };

function lists(ls: ListTrace[]): CompactItem[][] | null {
  let any = false;
  const out: CompactItem[][] = new Array(ls.length);
  for (let i = 0; i < ls.length; i++) {
    const its = ls[i].items;
    if (its.length) any = true;
    out[i] = its.map((it) => ('value' in it ? [it.index, it.value] : it.index));
  }
  return any ? out : null;
}

function rule(t: RuleTrace): CompactRule {
  const figures = t.figures.map((f): [unknown, unknown] => [f.value, f.target]);
  const l = lists(t.lists);
  return l ? [t.held ? 1 : 0, figures, l] : [t.held ? 1 : 0, figures];
}

function component(t: ComponentTrace): CompactComponent {
  const l = lists(t.lists);
  return l ? [t.points, t.raw, l] : [t.points, t.raw];
}

/** A level's trace in compact form. */
export function compactLevel(l: BundleLevel, t: LevelTrace): CompactLevel {
  return {
    level: l.name, verdict: t.verdict, route: t.route, score: t.score, met: t.met,
    gates: t.gates.map(rule), regular: t.regular.map(rule), directRequires: t.directRequires.map(rule),
    directLines: t.directLines.map(rule), items: t.items.map(rule), components: t.components.map(component)
  };
}

/** Validates one record and, when valid, evaluates it at every level (or `levels`) in compact form. */
export function evaluateCompact(bundle: Bundle, record: unknown, options: { levels?: string[]; engine?: Engine } = {}): CompactRecord {
  const check = validateRecord(record, bundle.meta.referenceDate);
  const issue = (i: { path: string; message: string }) => ({ path: i.path, message: i.message });
  if (!check.ok) return { id: check.id, errors: check.errors.map(issue) };
  const compiled = compiledBundle(bundle, options.engine);
  compiled.begin(record);
  const results: CompactLevel[] = [];
  bundle.levels.forEach((l, i) => {
    if (options.levels && !options.levels.includes(l.name)) return;
    results.push(compactLevel(l, traceLevel(compiled.levels[i], record, 'full')));
  });
  return { id: check.id, ...(check.warnings.length ? { warnings: check.warnings.map(issue) } : {}), results };
}

// ---------- back to a trace ----------

type Lists = { list: string }[];

/**
 * The trace a compact level was made from; `level` is the bundle's (or the dictionary's) level, `record` the
 * applicant's record (the items counted are named by it).
 */
export function expandLevel(l: BundleLevel | DictionaryLevel, c: CompactLevel, record: unknown): LevelTrace {
  const items = (ls: Lists) => (x: CompactItem[] | undefined, i: number): ListTrace => {
    const path = ls[i].list.split('.');
    const all = listOf(record, path);
    return {
      items: (x ?? []).map((it): MatchedItem => {
        const index = typeof it === 'number' ? it : it[0];
        const key = itemKey(all[index], index, path);
        return typeof it === 'number' ? { index, key } : { index, key, value: it[1] };
      })
    };
  };
  const expandLists = (x: CompactItem[][] | undefined, ls: Lists) => ls.map((_, i) => items(ls)(x?.[i], i));
  const ruleTrace = (r: CompactRule, ls: Lists): RuleTrace => ({
    held: r[0] === 1,
    figures: r[1].map(([value, target]) => ({ value, target })),
    lists: expandLists(r[2], ls)
  });
  const rules = (cs: CompactRule[], rs: { lists: Lists }[]) => cs.map((r, i) => ruleTrace(r, rs[i].lists));
  return {
    verdict: c.verdict, route: c.route, score: c.score, met: c.met,
    gates: rules(c.gates, l.gates.rules),
    regular: rules(c.regular, l.routes.regular?.lines ?? []),
    directRequires: rules(c.directRequires, l.routes.direct?.requires ?? []),
    directLines: rules(c.directLines, l.routes.direct?.lines ?? []),
    items: rules(c.items, l.performance.items),
    components: c.components.map((x, i) => ({ points: x[0], raw: x[1], lists: expandLists(x[2], l.scoring.components[i].lists) }))
  };
}

// ---------- the dictionary: once per run ----------

export interface DictionaryFigure {
  label: string;
  op: string;
  kind: Figure['kind'];
  unit?: Figure['unit'];
  enumLabels?: Record<string, string>;
  at: Where;
}
export interface DictionaryList {
  list: string;
  label: string;
  unit?: ListMatch['unit'];
}
export interface DictionaryRule {
  id?: string;
  label: string;
  reason?: string;
  figures: DictionaryFigure[];
  lists: DictionaryList[];
  at: Where;
}
export interface DictionaryComponent {
  id: string;
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

const dictList = (l: ListMatch): DictionaryList => ({ list: l.list, label: l.label, ...(l.unit ? { unit: l.unit } : {}) });
const dictFigure = (f: Figure): DictionaryFigure => ({
  label: f.label, op: f.op, kind: f.kind, ...(f.unit ? { unit: f.unit } : {}), ...(f.enumLabels ? { enumLabels: f.enumLabels } : {}), at: where(f.src)
});
const dictRule = (r: BundleRule): DictionaryRule => ({
  ...(r.id ? { id: r.id } : {}), label: r.label, ...(r.reason ? { reason: r.reason } : {}),
  figures: r.figures.map(dictFigure), lists: r.lists.map(dictList), at: where(r.src)
});
const dictComponent = (c: BundleComponent): DictionaryComponent => ({ id: c.id, label: c.label, cap: c.cap, lists: c.lists.map(dictList), at: where(c.src) });

/** What explanations say that no applicant changes: the bundle without its logic, for the levels asked for. */
export function compactDictionary(bundle: Bundle, levels?: string[]): Dictionary {
  return {
    standard: bundle.meta,
    labels: { verdict: VERDICT_LABEL, route: ROUTE_LABEL },
    levels: bundle.levels
      .filter((l) => !levels || levels.includes(l.name))
      .map((l) => ({
        name: l.name, at: where(l.src),
        gates: { label: l.gates.label, rules: l.gates.rules.map(dictRule) },
        routes: {
          regular: l.routes.regular ? { label: l.routes.regular.label, lines: l.routes.regular.lines.map(dictRule) } : null,
          direct: l.routes.direct ? { label: l.routes.direct.label, requires: l.routes.direct.requires.map(dictRule), lines: l.routes.direct.lines.map(dictRule) } : null
        },
        performance: { label: l.performance.label, need: l.performance.need, items: l.performance.items.map(dictRule) },
        scoring: { label: l.scoring.label, minimum: l.scoring.minimum, components: l.scoring.components.map(dictComponent) }
      }))
  };
}
