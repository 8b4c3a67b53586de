// Explanation is interpretation: a pure function from the bundle's level and the evaluator's trace to what a
// committee member reads. Every node carries the DSL source line it came from. What does not depend on the
// applicant (source positions, titles) is prepared once per level; objects are built with their keys in one
// fixed order, so JSON output stays byte-identical whatever path built them.
import type { BundleComponent, BundleLevel, BundleRule, Src } from '../compile/bundle-types.ts';
import { countText, figureTexter, formatNumber, formatValue, scoreText } from './format.ts';
import type { ComponentTrace, LevelTrace, ListTrace, RuleTrace } from './trace.ts';

export interface ExplanationNode {
  label: string;
  status: 'pass' | 'fail' | 'info';
  text?: string;
  file?: string;
  line?: number;
  /** Shown folded (供参考: what an ineligible applicant's routes and performance would be). */
  folded?: boolean;
  children?: ExplanationNode[];
}

/** A source position as one short string, "standards/2026/common.std:51:3". */
export type Where = string;

export function where(s: Src): Where {
  return `${s.file}:${s.line}:${s.col}`;
}

export interface FigureOut {
  label: string;
  value: unknown;
  op: string;
  target: unknown;
  text: string;
  at: Where;
}

export interface RuleOut {
  id?: string;
  label: string;
  held: boolean;
  reason?: string;
  figures: FigureOut[];
  items?: ItemOut[];
  at: Where;
}

export interface ComponentOut {
  id: string;
  label: string;
  points: number;
  raw: number;
  cap: number | null;
  items: ItemOut[];
  at: Where;
}

export interface LevelExplanation {
  level: string;
  verdict: 'pass' | 'fail' | 'ineligible';
  route: 'regular' | 'direct' | null;
  /** null for an ineligible applicant: policy section 6 reports the score of eligible applicants only. */
  score: number | null;
  summary: string;
  reasons: string[];
  gates: RuleOut[];
  routes: {
    regular: { label: string; held: boolean; lines: RuleOut[] } | null;
    direct: { label: string; held: boolean; requires: RuleOut[]; lines: RuleOut[] } | null;
  };
  performance: { label: string; need: number; met: number; held: boolean; items: RuleOut[] };
  scoring: { label: string; total: number | null; minimum: number; held: boolean; components: ComponentOut[] };
  explanation: ExplanationNode;
}

const VERDICT = { pass: '符合申报条件，可提交评委会评议', fail: '不符合评价条件', ineligible: '不符合申报资格' };
const ROUTE = { regular: '常规路线', direct: '直接申报' };

type ItemOut = { list: string; index: number; key: string; value?: unknown; text: string };

/** A node's source line: `{ file, line }` parsed from a Where, or nothing when it does not parse. */
interface Pos {
  has: boolean;
  file?: string;
  line?: number;
}

const at = (s: Src | Where): Pos => {
  if (typeof s !== 'string') return { has: true, file: s.file, line: s.line };
  const m = /^(.*):(\d+):\d+$/.exec(s);
  return m ? { has: true, file: m[1], line: Number(m[2]) } : { has: false };
};
const mark = (held: boolean): 'pass' | 'fail' => (held ? 'pass' : 'fail');

/**
 * An explanation node with the keys in the order label, status, text, file, line, children. Leaves (rules,
 * figures, components) leave out an empty `children`; the sections of a level always have it.
 */
function node(label: string, status: ExplanationNode['status'], text: string | undefined, pos: Pos, children?: ExplanationNode[]): ExplanationNode {
  const n: ExplanationNode = text === undefined ? { label, status } : { label, status, text };
  if (pos.has) {
    n.file = pos.file;
    n.line = pos.line;
  }
  if (children !== undefined && children.length) n.children = children;
  return n;
}

function section(label: string, status: ExplanationNode['status'], pos: Pos, children: ExplanationNode[]): ExplanationNode {
  const n = node(label, status, undefined, pos);
  n.children = children;
  return n;
}

interface PreparedRule {
  r: BundleRule;
  at: Where;
  pos: Pos;
  title: string;
  figureAt: Where[];
  figurePos: Pos[];
  /** figureText of each figure, its constant parts made once. */
  texts: ((value: unknown, target: unknown) => string)[];
}
interface PreparedComponent {
  c: BundleComponent;
  at: Where;
  pos: Pos;
  title: string;
}
interface PreparedLevel {
  gates: PreparedRule[];
  /** Each gate's reason as the reasons list quotes it when the gate fails. */
  gateReasons: string[];
  regular: PreparedRule[];
  directReq: PreparedRule[];
  directLines: PreparedRule[];
  items: PreparedRule[];
  components: PreparedComponent[];
  pos: { level: Pos; gates: Pos; routes: Pos; regular: Pos | null; direct: Pos | null; performance: Pos; scoring: Pos };
}

function prepareRule(r: BundleRule): PreparedRule {
  const w = where(r.src);
  const figureAt = r.figures.map((f) => where(f.src));
  return { r, at: w, pos: at(w), title: `${r.id ? `${r.id} ` : ''}${r.label}`, figureAt, figurePos: figureAt.map(at), texts: r.figures.map(figureTexter) };
}

const prepared = new WeakMap<BundleLevel, PreparedLevel>();

function prepare(l: BundleLevel): PreparedLevel {
  let p = prepared.get(l);
  if (p) return p;
  p = {
    gates: l.gates.rules.map(prepareRule),
    gateReasons: l.gates.rules.map((g) => `${g.label}：${g.reason ?? '不满足'}`),
    regular: l.routes.regular?.lines.map(prepareRule) ?? [],
    directReq: l.routes.direct?.requires.map(prepareRule) ?? [],
    directLines: l.routes.direct?.lines.map(prepareRule) ?? [],
    items: l.performance.items.map(prepareRule),
    components: l.scoring.components.map((c) => {
      const w = where(c.src);
      return { c, at: w, pos: at(w), title: `${c.id} ${c.label}` };
    }),
    pos: {
      level: at(l.src), gates: at(l.gates.src), routes: at(l.routes.regular?.src ?? l.gates.src),
      regular: l.routes.regular ? at(l.routes.regular.src) : null, direct: l.routes.direct ? at(l.routes.direct.src) : null,
      performance: at(l.performance.src), scoring: at(l.scoring.src)
    }
  };
  prepared.set(l, p);
  return p;
}

function items(lists: BundleRule['lists'], traces: ListTrace[]): ItemOut[] {
  const out: ItemOut[] = [];
  for (let i = 0; i < lists.length; i++) {
    const l = lists[i];
    const found = traces[i]?.items;
    if (!found) continue;
    for (const it of found) {
      const o: ItemOut = { list: l.list, index: it.index, key: it.key } as ItemOut;
      if ('value' in it) o.value = it.value;
      o.text = `${it.key}${it.value !== undefined ? `：${formatValue(it.value, { kind: 'number', unit: l.unit })}` : ''}`;
      out.push(o);
    }
  }
  return out;
}

function ruleOut(p: PreparedRule, t: RuleTrace): RuleOut {
  const r = p.r;
  const figures: FigureOut[] = new Array(r.figures.length);
  for (let i = 0; i < figures.length; i++) {
    const f = r.figures[i];
    const ft = t.figures[i];
    figures[i] = { label: f.label, value: ft.value, op: f.op, target: ft.target, text: p.texts[i](ft.value, ft.target), at: p.figureAt[i] };
  }
  const its = r.lists.length ? items(r.lists, t.lists) : [];
  const out: RuleOut = r.id ? { id: r.id, label: r.label, held: t.held } as RuleOut : { label: r.label, held: t.held } as RuleOut;
  if (r.reason) out.reason = r.reason;
  out.figures = figures;
  if (its.length) out.items = its;
  out.at = p.at;
  return out;
}

function componentOut(p: PreparedComponent, t: ComponentTrace): ComponentOut {
  const c = p.c;
  return { id: c.id, label: c.label, points: t.points, raw: t.raw, cap: c.cap, items: items(c.lists, t.lists), at: p.at };
}

function ruleNode(p: PreparedRule, r: RuleOut, showReason: boolean): ExplanationNode {
  const children: ExplanationNode[] = r.figures.map((f, i) => node(f.text, 'info', undefined, p.figurePos[i]));
  if (r.items?.length) children.push(node(`计入：${r.items.map((i) => i.text).join('、')}`, 'info', undefined, p.pos));
  return node(p.title, mark(r.held), showReason && !r.held && r.reason ? r.reason : undefined, p.pos, children);
}

function componentNode(p: PreparedComponent, c: ComponentOut): ExplanationNode {
  const capped = c.cap !== null && c.raw > c.cap;
  const text = `${formatNumber(c.points)}分${capped ? `（计算值 ${formatNumber(c.raw)}分，上限 ${c.cap}分）` : c.cap !== null ? `（上限 ${c.cap}分）` : ''}`;
  return node(p.title, 'info', text, p.pos, c.items.map((i) => node(i.text, 'info', undefined, p.pos)));
}

const some = (rs: RuleOut[]) => {
  for (const r of rs) if (r.held) return true;
  return false;
};

export function explainLevel(l: BundleLevel, t: LevelTrace, _record?: unknown): LevelExplanation {
  const p = prepare(l);
  const gates = p.gates.map((r, i) => ruleOut(r, t.gates[i]));
  const regularLines = p.regular.map((r, i) => ruleOut(r, t.regular[i]));
  const directReq = p.directReq.map((r, i) => ruleOut(r, t.directRequires[i]));
  const directLines = p.directLines.map((r, i) => ruleOut(r, t.directLines[i]));
  const perfItems = p.items.map((r, i) => ruleOut(r, t.items[i]));
  const components = p.components.map((c, i) => componentOut(c, t.components[i]));
  const regularHeld = some(regularLines);
  const directLinesHeld = some(directLines);
  const directHeld = !!l.routes.direct && directReq.every((r) => r.held) && directLinesHeld;
  const perfHeld = t.met >= l.performance.need;
  const scoreHeld = t.score !== null && t.score >= l.scoring.minimum;
  const reasons = reasonsOf(l, {
    verdict: t.verdict, route: t.route, score: t.score, met: () => t.met,
    gates: () => gates.map((g) => g.held),
    failedItems: (out) => {
      for (const it of perfItems) if (!it.held) for (const f of it.figures) out.push(f.text);
    }
  });
  const summary = summaryOf(l, t);

  const routeChildren: ExplanationNode[] = [];
  if (l.routes.regular) {
    routeChildren.push(section(`${l.routes.regular.label}（任一）`, mark(regularHeld), p.pos.regular!,
      regularLines.map((r, i) => ruleNode(p.regular[i], r, false))));
  }
  if (l.routes.direct) {
    routeChildren.push(section(`${l.routes.direct.label}（免除学历资历条件）`, mark(directHeld), p.pos.direct!, [
      ...directReq.map((r, i) => ruleNode(p.directReq[i], r, false)),
      section('以下任一', mark(directLinesHeld), p.pos.direct!, directLines.map((r, i) => ruleNode(p.directLines[i], r, false)))
    ]));
  }
  const ineligible = t.verdict === 'ineligible';
  const gateNodes = gates.map((g, i) => ruleNode(p.gates[i], g, true));
  // An ineligible applicant: the gates that failed come first, and the rest is there only for reference.
  const gatesSection = section(l.gates.label, mark(gates.every((g) => g.held)), p.pos.gates,
    ineligible ? [...gateNodes.filter((n) => n.status === 'fail'), ...gateNodes.filter((n) => n.status !== 'fail')] : gateNodes);
  const rest = [
    section(`申报路线：${t.route ? ROUTE[t.route] : '无'}`, mark(t.route !== null), p.pos.routes, routeChildren),
    section(`${l.performance.label}：满足${countText(t.met)}，要求至少${countText(l.performance.need)}（共${countText(perfItems.length)}）`, mark(perfHeld),
      p.pos.performance, perfItems.map((r, i) => ruleNode(p.items[i], r, false))),
    section(t.score === null ? `${l.scoring.label}：不计（不符合申报资格）` : `${l.scoring.label}：${scoreText(t.score)}，最低${l.scoring.minimum}分`,
      t.score === null ? 'info' : mark(scoreHeld), p.pos.scoring, components.map((c, i) => componentNode(p.components[i], c)))
  ];
  const reference = section('供参考（不符合申报资格，以下不作评价）', 'info', p.pos.routes, rest);
  reference.folded = true;
  const explanation = section(summary, t.verdict === 'pass' ? 'pass' : 'fail', p.pos.level,
    ineligible ? [gatesSection, reference] : [gatesSection, ...rest]);
  return {
    level: l.name, verdict: t.verdict, route: t.route, score: t.score, summary, reasons, gates,
    routes: {
      regular: l.routes.regular ? { label: l.routes.regular.label, held: regularHeld, lines: regularLines } : null,
      direct: l.routes.direct ? { label: l.routes.direct.label, held: directHeld, requires: directReq, lines: directLines } : null
    },
    performance: { label: l.performance.label, need: l.performance.need, met: t.met, held: perfHeld, items: perfItems },
    scoring: { label: l.scoring.label, total: t.score, minimum: l.scoring.minimum, held: scoreHeld, components },
    explanation
  };
}

export function summaryOf(l: BundleLevel, t: Pick<LevelTrace, 'verdict' | 'route' | 'score'>): string {
  const score = t.score === null ? '' : `，积分 ${scoreText(t.score)}`;
  return `${l.name}：${VERDICT[t.verdict]}${t.route ? `（${ROUTE[t.route]}）` : ''}${score}`;
}

/** What the reasons read of a level's outcome; the parts are asked for only when the reasons need them. */
export interface ReasonsInput {
  verdict: LevelTrace['verdict'];
  route: LevelTrace['route'];
  score: number | null;
  /** How many performance items held (fail only: an ineligible level's reasons need not count them). */
  met: () => number;
  /** Whether each gate held (ineligible only). */
  gates: () => boolean[];
  /** Appends to `out` the figures' texts of each performance item that did not hold (fail with too few items only). */
  failedItems: (out: string[]) => void;
}

/** Why a level is not passed: the failed gates, or the route, the items and the score that fall short. */
export function reasonsOf(l: BundleLevel, t: ReasonsInput): string[] {
  const reasons: string[] = [];
  if (t.verdict === 'ineligible') {
    const held = t.gates(), texts = prepare(l).gateReasons;
    for (let i = 0; i < held.length; i++) if (!held[i]) reasons.push(texts[i]);
  } else if (t.verdict === 'fail') {
    if (!t.route) reasons.push(l.routes.direct ? `${l.routes.regular?.label ?? '常规路线'}与${l.routes.direct.label}均不满足` : `${l.routes.regular?.label ?? '常规路线'}不满足`);
    const met = t.met();
    if (met < l.performance.need) {
      reasons.push(`${l.performance.label}：满足${countText(met)}，要求至少${countText(l.performance.need)}`);
      t.failedItems(reasons);
    }
    if (t.score !== null && t.score < l.scoring.minimum) reasons.push(`${l.scoring.label}：${scoreText(t.score)}，要求不低于${l.scoring.minimum}分`);
  }
  return reasons;
}

/** The texts of performance item `index`'s figures (figureTexter), for a reason quoting them. */
export function itemTexts(l: BundleLevel, index: number): ((value: unknown, target: unknown) => string)[] {
  return prepare(l).items[index].texts;
}
