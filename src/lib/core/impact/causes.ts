// Why one applicant's verdict at one level differs between two versions: every clause whose own outcome changed,
// read from the two versions' traces of the same record. Each clause is judged by its own compiled logic in its
// own version, so the answer does not depend on the order in which changes are considered.
import type { BundleLevel, Figure } from '../compile/bundle-types.ts';
import type { FigureTrace, LevelTrace, RuleTrace } from '../evaluate/trace.ts';
import { formatNumber, formatValue } from '../evaluate/format.ts';
import { where, type Where } from '../evaluate/explain.ts';
import { clausesOf, SECTION_LABEL, type Clause, type Section } from './clauses.ts';

export interface ClauseOutcome {
  /** Conditions: whether it held. */
  held?: boolean;
  /** Score components: the points earned. */
  points?: number;
}

export interface ClauseChange {
  key: string;
  section: Section;
  title: string;
  change: 'changed' | 'added' | 'removed';
  old?: ClauseOutcome;
  new?: ClauseOutcome;
  /** "促成技术合同成交额 450万元：原要求 >= 500万元（不满足），现要求 >= 400万元（满足）" */
  text: string;
  /** The clause in the new version (the old one when it was removed). */
  at: Where;
}

const HELD = (h: boolean) => (h ? '满足' : '不满足');
const OP: Record<string, string> = { '==': '=', '=': '=', '!=': '≠', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

/** Whether a figure holds on its own, where its operator says so plainly (numbers and dates). */
export function figureHeld(f: Pick<Figure, 'op' | 'kind'>, value: unknown, target: unknown): boolean | undefined {
  if (f.kind !== 'number' && f.kind !== 'date') return undefined;
  if (typeof value !== typeof target || (typeof value !== 'number' && typeof value !== 'string')) return undefined;
  const a = value as number, b = target as number;
  switch (f.op) {
    case '>=': return a >= b;
    case '>': return a > b;
    case '<=': return a <= b;
    case '<': return a < b;
    case '=': case '==': return a === b;
    case '!=': return a !== b;
    default: return undefined;
  }
}

function requirement(f: Figure, t: FigureTrace): string {
  const held = figureHeld(f, t.value, t.target);
  return `${OP[f.op] ?? f.op} ${formatValue(t.target, f)}${held === undefined ? '' : `（${HELD(held)}）`}`;
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** One line per figure that reads differently in the two versions. */
function figureLines(fo: Figure[], to: FigureTrace[], fn: Figure[], tn: FigureTrace[]): string[] {
  const lines: string[] = [];
  const n = Math.min(fo.length, fn.length);
  for (let i = 0; i < n; i++) {
    const a = fo[i], b = fn[i], x = to[i], y = tn[i];
    if (a.op === b.op && same(x.value, y.value) && same(x.target, y.target)) continue;
    if (b.kind === 'boolean' && b.op === '=' && y.target === true && a.op === '=' && x.target === true) {
      lines.push(`${b.label}：原 ${formatValue(!!x.value, a)}，现 ${formatValue(!!y.value, b)}`);
    } else if (same(x.value, y.value)) {
      lines.push(`${b.label} ${formatValue(y.value, b)}：原要求 ${requirement(a, x)}，现要求 ${requirement(b, y)}`);
    } else {
      lines.push(`${b.label}：原 ${formatValue(x.value, a)}，要求 ${requirement(a, x)}；现 ${formatValue(y.value, b)}，要求 ${requirement(b, y)}`);
    }
  }
  return lines;
}

function outcome(c: Clause, t: LevelTrace): ClauseOutcome {
  return c.kind === 'rule' ? { held: c.trace(t).held } : { points: c.trace(t).points };
}

function describeChanged(o: Clause, n: Clause, to: LevelTrace, tn: LevelTrace): string {
  if (o.kind === 'component' || n.kind === 'component') {
    const po = o.kind === 'component' ? o.trace(to).points : 0, pn = n.kind === 'component' ? n.trace(tn).points : 0;
    return `${n.title}：原 ${formatNumber(po)}分，现 ${formatNumber(pn)}分`;
  }
  const ro: RuleTrace = o.trace(to), rn: RuleTrace = n.trace(tn);
  const lines = figureLines(o.rule.figures, ro.figures, n.rule.figures, rn.figures);
  if (!lines.length) return `${n.title}：原 ${HELD(ro.held)}，现 ${HELD(rn.held)}`;
  // "A 促成技术合同成交额 450万元：…" when the one figure is the clause itself, else the clause's title first
  const alone = lines.length === 1 && n.rule.figures.length === 1 && n.rule.figures[0].label === n.rule.label;
  return alone ? `${n.rule.id ? `${n.rule.id} ` : ''}${lines[0]}` : `${n.title}：${lines.join('；')}`;
}

function describeAlone(c: Clause, t: LevelTrace, change: 'added' | 'removed'): string {
  const o = outcome(c, t);
  const state = o.held !== undefined ? HELD(o.held) : `${formatNumber(o.points!)}分`;
  return change === 'added' ? `新增条款 ${c.title}（${state}）` : `删除条款 ${c.title}（原 ${state}）`;
}

function atOf(c: Clause): Where {
  return where(c.kind === 'rule' ? c.rule.src : c.component.src);
}

/** The level-wide requirements: how many items are needed and the minimum score. */
function levelWide(lo: BundleLevel, ln: BundleLevel, to: LevelTrace, tn: LevelTrace): ClauseChange[] {
  const out: ClauseChange[] = [];
  const perfO = to.met >= lo.performance.need, perfN = tn.met >= ln.performance.need;
  if (perfO !== perfN) {
    const value = to.met === tn.met ? ` ${tn.met} 项` : '';
    const detail = to.met === tn.met
      ? `原要求至少 ${lo.performance.need} 项（${HELD(perfO)}），现要求至少 ${ln.performance.need} 项（${HELD(perfN)}）`
      : `原满足 ${to.met} 项，要求至少 ${lo.performance.need} 项（${HELD(perfO)}）；现满足 ${tn.met} 项，要求至少 ${ln.performance.need} 项（${HELD(perfN)}）`;
    out.push({ key: 'need', section: 'need', title: ln.performance.label, change: 'changed', old: { held: perfO }, new: { held: perfN },
      text: `${ln.performance.label}${value ? ` 满足${value}` : ''}：${detail}`, at: where(ln.performance.src) });
  }
  // An ineligible result reports no score: its change is told by the gates, not by the minimum score.
  const so = to.score, sn = tn.score;
  const minO = so !== null && so >= lo.scoring.minimum, minN = sn !== null && sn >= ln.scoring.minimum;
  if (so !== null && sn !== null && minO !== minN) {
    const detail = so === sn
      ? `${ln.scoring.label} ${formatNumber(sn)}分：原要求 >= ${lo.scoring.minimum}分（${HELD(minO)}），现要求 >= ${ln.scoring.minimum}分（${HELD(minN)}）`
      : `${ln.scoring.label}：原 ${formatNumber(so)}分，要求 >= ${lo.scoring.minimum}分（${HELD(minO)}）；现 ${formatNumber(sn)}分，要求 >= ${ln.scoring.minimum}分（${HELD(minN)}）`;
    out.push({ key: 'minimum', section: 'minimum', title: `${ln.scoring.label}最低分`, change: 'changed', old: { held: minO }, new: { held: minN }, text: detail, at: where(ln.scoring.src) });
  }
  return out;
}

/**
 * What a clause's absence amounts to: an absent gate holds (all must hold), an absent route line or item does
 * not (any / N of them must), an absent component gives 0 points. An added or removed clause changed its own
 * outcome only when it differs from that.
 */
function neutral(c: Clause, o: ClauseOutcome): boolean {
  if (c.kind === 'component') return o.points === 0;
  return o.held === (c.section === 'gates' || c.section === 'directRequires');
}

/** Every clause of the level whose outcome for this applicant differs between the versions, in the model's order. */
export function clauseChanges(lo: BundleLevel, ln: BundleLevel, to: LevelTrace, tn: LevelTrace): ClauseChange[] {
  const co = clausesOf(lo), cn = clausesOf(ln);
  const out: ClauseChange[] = [];
  for (const [key, n] of cn) {
    const o = co.get(key);
    if (!o) {
      if (!neutral(n, outcome(n, tn))) out.push({ key, section: n.section, title: n.title, change: 'added', new: outcome(n, tn), text: describeAlone(n, tn, 'added'), at: atOf(n) });
      continue;
    }
    const a = outcome(o, to), b = outcome(n, tn);
    if (a.held === b.held && a.points === b.points) continue;
    out.push({ key, section: n.section, title: n.title, change: 'changed', old: a, new: b, text: describeChanged(o, n, to, tn), at: atOf(n) });
  }
  for (const [key, o] of co) {
    if (cn.has(key) || neutral(o, outcome(o, to))) continue;
    out.push({ key, section: o.section, title: o.title, change: 'removed', old: outcome(o, to), text: describeAlone(o, to, 'removed'), at: atOf(o) });
  }
  out.push(...levelWide(lo, ln, to, tn));
  return out;
}

export { SECTION_LABEL };
