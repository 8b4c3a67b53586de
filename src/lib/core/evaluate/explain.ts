// Explanation is interpretation: a pure function from the bundle's level and the evaluator's trace to what a
// committee member reads. Every node carries the DSL source line it came from.
import type { BundleComponent, BundleLevel, BundleRule, Src } from '../compile/bundle-types.ts';
import { figureText, formatNumber, formatValue } from './format.ts';
import type { ComponentTrace, LevelTrace, ListTrace, RuleTrace } from './trace.ts';

export interface ExplanationNode {
  label: string;
  status: 'pass' | 'fail' | 'info';
  text?: string;
  file?: string;
  line?: number;
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
  score: number;
  summary: string;
  reasons: string[];
  gates: RuleOut[];
  routes: {
    regular: { label: string; held: boolean; lines: RuleOut[] } | null;
    direct: { label: string; held: boolean; requires: RuleOut[]; lines: RuleOut[] } | null;
  };
  performance: { label: string; need: number; met: number; held: boolean; items: RuleOut[] };
  scoring: { label: string; total: number; minimum: number; held: boolean; components: ComponentOut[] };
  explanation: ExplanationNode;
}

const VERDICT = { pass: '符合申报条件，可提交评委会评议', fail: '不符合评价条件', ineligible: '不符合申报资格' };
const ROUTE = { regular: '常规路线', direct: '直接申报' };

type ItemOut = { list: string; index: number; key: string; value?: unknown; text: string };

function items(lists: BundleRule['lists'], traces: ListTrace[]): ItemOut[] {
  return lists.flatMap((l, i) =>
    (traces[i]?.items ?? []).map((it) => ({
      list: l.list, ...it,
      text: `${it.key}${it.value !== undefined ? `：${formatValue(it.value, { kind: 'number', unit: l.unit })}` : ''}`
    }))
  );
}

function ruleOut(r: BundleRule, t: RuleTrace): RuleOut {
  const figures = r.figures.map((f, i) => {
    const ft = t.figures[i];
    return { label: f.label, value: ft.value, op: f.op, target: ft.target, text: figureText(f, ft.value, ft.target), at: where(f.src) };
  });
  const its = items(r.lists, t.lists);
  return {
    ...(r.id ? { id: r.id } : {}), label: r.label, held: t.held, ...(r.reason ? { reason: r.reason } : {}), figures,
    ...(its.length ? { items: its } : {}), at: where(r.src)
  };
}

function componentOut(c: BundleComponent, t: ComponentTrace): ComponentOut {
  return { id: c.id, label: c.label, points: t.points, raw: t.raw, cap: c.cap, items: items(c.lists, t.lists), at: where(c.src) };
}

const at = (s: Src | Where) => {
  if (typeof s !== 'string') return { file: s.file, line: s.line };
  const m = /^(.*):(\d+):\d+$/.exec(s);
  return m ? { file: m[1], line: Number(m[2]) } : {};
};
const mark = (held: boolean): 'pass' | 'fail' => (held ? 'pass' : 'fail');

function ruleNode(r: RuleOut, showReason: boolean): ExplanationNode {
  const children: ExplanationNode[] = r.figures.map((f) => ({ label: f.text, status: 'info' as const, ...at(f.at) }));
  if (r.items?.length) {
    children.push({ label: `计入：${r.items.map((i) => i.text).join('、')}`, status: 'info', ...at(r.at) });
  }
  return {
    label: `${r.id ? `${r.id} ` : ''}${r.label}`,
    status: mark(r.held),
    ...(showReason && !r.held && r.reason ? { text: r.reason } : {}),
    ...at(r.at),
    ...(children.length ? { children } : {})
  };
}

function componentNode(c: ComponentOut): ExplanationNode {
  const capped = c.cap !== null && c.raw > c.cap;
  const text = `${formatNumber(c.points)}分${capped ? `（计算值 ${formatNumber(c.raw)}分，上限 ${c.cap}分）` : c.cap !== null ? `（上限 ${c.cap}分）` : ''}`;
  const children = c.items.map((i) => ({ label: i.text, status: 'info' as const, ...at(c.at) }));
  return { label: `${c.id} ${c.label}`, status: 'info', text, ...at(c.at), ...(children.length ? { children } : {}) };
}

export function explainLevel(l: BundleLevel, t: LevelTrace, _record?: unknown): LevelExplanation {
  const gates = l.gates.rules.map((r, i) => ruleOut(r, t.gates[i]));
  const regularLines = l.routes.regular?.lines.map((r, i) => ruleOut(r, t.regular[i])) ?? [];
  const directReq = l.routes.direct?.requires.map((r, i) => ruleOut(r, t.directRequires[i])) ?? [];
  const directLines = l.routes.direct?.lines.map((r, i) => ruleOut(r, t.directLines[i])) ?? [];
  const perfItems = l.performance.items.map((r, i) => ruleOut(r, t.items[i]));
  const components = l.scoring.components.map((c, i) => componentOut(c, t.components[i]));
  const regularHeld = regularLines.some((r) => r.held);
  const directHeld = !!l.routes.direct && directReq.every((r) => r.held) && directLines.some((r) => r.held);
  const perfHeld = t.met >= l.performance.need;
  const scoreHeld = t.score >= l.scoring.minimum;

  const reasons: string[] = [];
  if (t.verdict === 'ineligible') {
    for (const g of gates.filter((g) => !g.held)) reasons.push(`${g.label}：${g.reason ?? '不满足'}`);
  } else if (t.verdict === 'fail') {
    if (!t.route) reasons.push(l.routes.direct ? `${l.routes.regular?.label ?? '常规路线'}与${l.routes.direct.label}均不满足` : `${l.routes.regular?.label ?? '常规路线'}不满足`);
    if (!perfHeld) {
      reasons.push(`业绩条件满足 ${t.met} 项，要求至少 ${l.performance.need} 项`);
      for (const it of perfItems.filter((i) => !i.held)) reasons.push(...it.figures.map((f) => f.text));
    }
    if (!scoreHeld) reasons.push(`业绩量化积分 ${formatNumber(t.score)}分，要求 >= ${l.scoring.minimum}分`);
  }
  const summary = `${l.name}：${VERDICT[t.verdict]}${t.route ? `（${ROUTE[t.route]}）` : ''}，积分 ${formatNumber(t.score)}分`;

  const routeChildren: ExplanationNode[] = [];
  if (l.routes.regular) {
    routeChildren.push({
      label: `${l.routes.regular.label}（任一）`, status: mark(regularHeld), ...at(l.routes.regular.src),
      children: regularLines.map((r) => ruleNode(r, false))
    });
  }
  if (l.routes.direct) {
    routeChildren.push({
      label: `${l.routes.direct.label}（免除学历资历条件）`, status: mark(directHeld), ...at(l.routes.direct.src),
      children: [...directReq.map((r) => ruleNode(r, false)), { label: '以下任一', status: mark(directLines.some((r) => r.held)), ...at(l.routes.direct.src), children: directLines.map((r) => ruleNode(r, false)) }]
    });
  }
  const explanation: ExplanationNode = {
    label: summary, status: t.verdict === 'pass' ? 'pass' : 'fail', ...at(l.src),
    children: [
      { label: l.gates.label, status: mark(gates.every((g) => g.held)), ...at(l.gates.src), children: gates.map((g) => ruleNode(g, true)) },
      {
        label: `申报路线：${t.route ? ROUTE[t.route] : '无'}`, status: mark(t.route !== null),
        ...at(l.routes.regular?.src ?? l.gates.src), children: routeChildren
      },
      {
        label: `${l.performance.label}：满足 ${t.met} 项，要求至少 ${l.performance.need} 项（共 ${perfItems.length} 项）`, status: mark(perfHeld),
        ...at(l.performance.src), children: perfItems.map((r) => ruleNode(r, false))
      },
      {
        label: `${l.scoring.label}：${formatNumber(t.score)}分，最低 ${l.scoring.minimum}分`, status: mark(scoreHeld),
        ...at(l.scoring.src), children: components.map(componentNode)
      }
    ]
  };
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
