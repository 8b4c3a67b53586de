// The change list of a standard: what one checked model changes against another, clause by clause (not a text
// diff: moving a line, reformatting or renaming a definition changes nothing here; editing a definition shows at
// every clause that uses it). Clauses are matched by their place: level, section, item id or label.
import type { Span } from '../../../../grammar/ast.ts';
import type { ComponentModel, LevelModel, RuleModel, StandardSetModel } from '../model.ts';
import { placeKey, ruleTitle, SECTION_LABEL, type Section } from './clauses.ts';
import { diffIr, type LeafKind } from './ir-diff.ts';

export type ChangeKind = LeafKind | 'need' | 'minimum' | 'cap' | 'added' | 'removed' | 'renamed' | 'reason' | 'levelAdded' | 'levelRemoved' | 'level';

export interface StandardChange {
  level: string;
  section?: Section;
  /** The clause's place key (items:A) and title, when the change is inside one clause. */
  key?: string;
  clause?: string;
  kind: ChangeKind;
  old?: string;
  new?: string;
  /** "副研究员 业绩条件 A 促成技术合同成交额：门槛由 500万元 调整为 400万元" */
  text: string;
  /** Where the change is in the new version (the old one for removals): "standards/2026/副研究员.std:30:5". */
  at: string;
}

const at = (s: Span) => `${s.file}:${s.line}:${s.col}`;

const LEAF_TEXT: Record<LeafKind, (o: string, n: string) => string> = {
  threshold: (o, n) => `门槛由 ${o} 调整为 ${n}`,
  points: (o, n) => `分值由 ${o} 调整为 ${n}`,
  window: (o, n) => `时间窗口由“${o}”调整为“${n}”`,
  values: (o, n) => `取值范围由（${o}）调整为（${n}）`,
  operator: (o, n) => `比较由“${o}”调整为“${n}”`,
  rewritten: () => '条件已改写'
};

type Clause = { section: Section; title: string; label: string; id?: string; reason?: string; cap?: number | null; ir: RuleModel['ir']; span: Span };

function clauses(l: LevelModel): Map<string, Clause> {
  const m = new Map<string, Clause>();
  const add = (section: Section, r: RuleModel | ComponentModel) => {
    const key = placeKey(section, r);
    if (!m.has(key)) m.set(key, { section, title: ruleTitle(r), ...r });
  };
  l.gates.rules.forEach((r) => add('gates', r));
  l.regular?.lines.forEach((r) => add('regular', r));
  l.direct?.requires.forEach((r) => add('directRequires', r));
  l.direct?.lines.forEach((r) => add('directLines', r));
  l.performance.items.forEach((r) => add('items', r));
  l.scoring.components.forEach((c) => add('components', c));
  return m;
}

function sectionName(l: LevelModel, s: Section): string {
  switch (s) {
    case 'gates': return l.gates.label;
    case 'regular': return l.regular?.label ?? SECTION_LABEL.regular;
    case 'directRequires': case 'directLines': return l.direct?.label ?? SECTION_LABEL[s];
    case 'items': case 'need': return '业绩条件';
    case 'components': case 'minimum': return l.scoring.label;
  }
}

function clauseChanges(lo: LevelModel, ln: LevelModel): StandardChange[] {
  const out: StandardChange[] = [];
  const co = clauses(lo), cn = clauses(ln);
  const base = (c: Clause, key: string) => ({ level: ln.name, section: c.section, key, clause: c.title, at: at(c.span) });
  const head = (c: Clause) => `${ln.name} ${sectionName(ln, c.section)} ${c.title}`;
  for (const [key, n] of cn) {
    const o = co.get(key);
    if (!o) {
      out.push({ ...base(n, key), kind: 'added', new: n.title, text: `${head(n)}：新增` });
      continue;
    }
    if (o.label !== n.label) out.push({ ...base(n, key), kind: 'renamed', old: o.label, new: n.label, text: `${head(n)}：名称由“${o.label}”调整为“${n.label}”` });
    if ((o.reason ?? '') !== (n.reason ?? '')) out.push({ ...base(n, key), kind: 'reason', old: o.reason ?? '', new: n.reason ?? '', text: `${head(n)}：理由由“${o.reason ?? '无'}”调整为“${n.reason ?? '无'}”` });
    if (n.section === 'components' && o.cap !== n.cap) {
      const cap = (c: number | null | undefined) => (c === null || c === undefined ? '不设上限' : `${c}分`);
      out.push({ ...base(n, key), kind: 'cap', old: cap(o.cap), new: cap(n.cap), text: `${head(n)}：上限由 ${cap(o.cap)} 调整为 ${cap(n.cap)}` });
    }
    for (const leaf of diffIr(o.ir, n.ir, n.label)) {
      const what = leaf.subject && leaf.subject !== n.label ? `${leaf.subject} ` : '';
      out.push({ ...base(n, key), kind: leaf.kind, old: leaf.old, new: leaf.new, text: `${head(n)}：${what}${LEAF_TEXT[leaf.kind](leaf.old, leaf.new)}` });
    }
  }
  for (const [key, o] of co) {
    if (cn.has(key)) continue;
    out.push({ level: ln.name, section: o.section, key, clause: o.title, kind: 'removed', old: o.title, text: `${ln.name} ${sectionName(lo, o.section)} ${o.title}：删除`, at: at(o.span) });
  }
  return out;
}

function levelChanges(lo: LevelModel, ln: LevelModel): StandardChange[] {
  const out: StandardChange[] = [];
  const meta = (what: string, o: string, n: string) => {
    if (o !== n) out.push({ level: ln.name, kind: 'level', old: o, new: n, text: `${ln.name}：${what}由 ${o || '无'} 调整为 ${n || '无'}`, at: at(ln.span) });
  };
  meta('代码', lo.code, ln.code);
  meta('层级', lo.tier, ln.tier);
  meta('岗位等级', lo.postGrades.join('至'), ln.postGrades.join('至'));
  meta('评委会', lo.committee ?? '', ln.committee ?? '');
  meta('评价方式', lo.methods.join('、'), ln.methods.join('、'));
  if (lo.performance.need !== ln.performance.need) {
    out.push({ level: ln.name, section: 'need', kind: 'need', old: `至少${lo.performance.need}项`, new: `至少${ln.performance.need}项`,
      text: `${ln.name} 业绩条件 由 至少${lo.performance.need}项 调整为 至少${ln.performance.need}项`, at: at(ln.performance.span) });
  }
  if (lo.scoring.minimum !== ln.scoring.minimum) {
    out.push({ level: ln.name, section: 'minimum', kind: 'minimum', old: `${lo.scoring.minimum}分`, new: `${ln.scoring.minimum}分`,
      text: `${ln.name} ${ln.scoring.label} 最低分由 ${lo.scoring.minimum}分 调整为 ${ln.scoring.minimum}分`, at: at(ln.scoring.span) });
  }
  return [...out, ...clauseChanges(lo, ln)];
}

/** Every change from one checked standard set to another, level by level in the new set's order. */
export function changeList(oldModel: StandardSetModel, newModel: StandardSetModel): StandardChange[] {
  const out: StandardChange[] = [];
  for (const ln of newModel.levels) {
    const lo = oldModel.levels.find((l) => l.name === ln.name);
    if (!lo) out.push({ level: ln.name, kind: 'levelAdded', text: `新增级别 ${ln.name}`, at: at(ln.span) });
    else out.push(...levelChanges(lo, ln));
  }
  for (const lo of oldModel.levels) {
    if (!newModel.levels.some((l) => l.name === lo.name)) out.push({ level: lo.name, kind: 'levelRemoved', text: `删除级别 ${lo.name}`, at: at(lo.span) });
  }
  return out;
}
