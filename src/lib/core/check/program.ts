// The checker's entry: collect the declarations of every file, check them, and build the model.
import type * as A from '../../../../grammar/ast.ts';
import type { Diagnostic } from '../diagnostics/index.ts';
import type { CommitteeModel, ComponentModel, LevelModel, RuleModel, StandardSetModel } from '../model.ts';
import { lookupField, recordFields } from '../records/fields.ts';
import { report, type CheckContext, type Env } from './context.ts';
import { isValidDate } from './dates.ts';
import { condition, elab, errorIR, isError, numeric, resolveWindow } from './expr.ts';
import { upperBound } from './bounds.ts';
import { procedureParam } from './procedure.ts';
import { closest, hintFor } from '../suggest.ts';
import { describeType } from './types.ts';

type DeclOf<K extends A.Decl['kind']> = Extract<A.Decl, { kind: K }>;

export interface CheckResult {
  model: StandardSetModel | null;
  diagnostics: Diagnostic[];
}

const LEVEL_NAMES = ['研究实习员', '助理研究员', '副研究员', '研究员'];
const rank = (name: string) => (LEVEL_NAMES.indexOf(name) + 5) % 5; // unknown names last

export function checkProgram(files: A.SourceFileAst[]): CheckResult {
  const decls = files.flatMap((f) => f.decls);
  const ctx: CheckContext = {
    referenceDate: '2026-09-30', consts: new Map(), defs: new Map(), windows: new Map(),
    orders: new Map(), dateFields: new Map(), diagnostics: [], steps: 0, exhausted: false
  };
  const meta = header(decls, ctx);
  if (meta) ctx.referenceDate = meta.referenceDate;
  const names = new Map<string, A.Name>();
  const declare = (n: A.Name) => {
    if (!n.text) return; // a name made up by error recovery: its syntax error is already reported
    const prev = names.get(n.text);
    if (prev) report(ctx, 'duplicateName', n.span, { name: n.text, line: `${prev.span.file}:${prev.span.line}` });
    else names.set(n.text, n);
  };
  const gateGroups = new Map<string, DeclOf<'gateGroup'>>();
  const scoreTables = new Map<string, DeclOf<'scoreTable'>>();
  const committees = new Map<string, DeclOf<'committee'>>();
  for (const d of decls) {
    switch (d.kind) {
      case 'const': if (!d.name.text) break; declare(d.name); ctx.consts.set(d.name.text, { decl: d, used: false }); break;
      case 'define': if (!d.name.text) break; declare(d.name); ctx.defs.set(d.name.text, { decl: d, used: false }); break;
      case 'window': if (!d.name.text) break; declare(d.name); ctx.windows.set(d.name.text, { decl: d, used: false }); break;
      case 'gateGroup': declare(d.name); gateGroups.set(d.name.text, d); break;
      case 'scoreTable': declare(d.name); scoreTables.set(d.name.text, d); break;
      case 'committee': declare(d.name); committees.set(d.name.text, d); break;
      case 'level': declare(d.name); break;
      case 'order': order(d, ctx); break;
      case 'dateField': dateField(d, ctx); break;
      case 'import': case 'header': break;
      default: {
        const never: never = d;
        void never;
      }
    }
  }
  const env: Env = { ctx, scope: { item: null }, params: new Map(), stack: [] };
  const committeeModels = [...committees.values()].map((c) => ({
    name: c.name.text,
    label: c.label?.text ?? c.name.text,
    ...checkedParams(c.params, ctx),
    span: c.span
  }));
  const refs = { gateGroups, scoreTables, committees };
  const levels = decls
    .filter((d): d is DeclOf<'level'> => d.kind === 'level')
    .sort((a, b) => rank(a.name.text) - rank(b.name.text))
    .map((l) => level(l, env, refs));
  if (!levels.length && files.length) report(ctx, 'noLevels', files[0].span);
  // Everything declared is checked, also when no level uses it.
  for (const t of scoreTables.values()) if (!levels.some((l) => l?.scoring.label === (t.label?.text ?? t.name.text))) scoreTable(t, env);
  // Unused means named nowhere else: expansion alone would depend on the order definitions are met in.
  const named = namesUsed(decls);
  for (const [name, d] of ctx.defs) {
    if (d.used || named.has(name)) continue;
    report(ctx, 'unusedDefinition', d.decl.name.span, { name });
    checkUnused(d.decl, env);
  }
  for (const [name, w] of ctx.windows) {
    if (w.used || named.has(name)) continue;
    report(ctx, 'unusedDefinition', w.decl.name.span, { name });
    resolveWindow(w.decl.name, env);
  }
  const ok = meta && levels.every((l) => l !== null);
  return {
    model: ok ? { meta, headerSpan: decls.find((d) => d.kind === 'header')!.span, committees: committeeModels, levels: levels as LevelModel[] } : null,
    diagnostics: dedupe(ctx.diagnostics)
  };
}

/** A committee's parameters that check, each with the span of its own line (for the official document). */
function checkedParams(params: A.ProcedureParam[], ctx: CheckContext): Pick<CommitteeModel, 'params' | 'paramSpans'> {
  const out: Pick<CommitteeModel, 'params' | 'paramSpans'> = { params: [], paramSpans: [] };
  for (const p of params) {
    const m = procedureParam(p, ctx);
    if (!m) continue;
    out.params.push(m);
    out.paramSpans.push(p.span);
  }
  return out;
}

/**
 * Every definition or window named in another declaration (a reference, a call, a window after 于); a
 * declaration naming itself does not count. Iterative: expression trees may be deep.
 */
function namesUsed(decls: A.Decl[]): Set<string> {
  const out = new Set<string>();
  for (const d of decls) {
    const own = 'name' in d && d.name && typeof d.name === 'object' && 'text' in d.name ? d.name.text : null;
    const add = (name: string | undefined) => {
      if (name && name !== own) out.add(name);
    };
    const stack: unknown[] = [d];
    while (stack.length) {
      const n = stack.pop();
      if (!n || typeof n !== 'object') continue;
      if (Array.isArray(n)) {
        for (const x of n) stack.push(x);
        continue;
      }
      const o = n as Record<string, unknown>;
      if (o.kind === 'ref') add((o as Extract<A.Expr, { kind: 'ref' }>).path[0]?.text);
      else if (o.kind === 'call') add((o as Extract<A.Expr, { kind: 'call' }>).callee?.text);
      else if (o.kind === 'aggregate') add((o as Extract<A.Expr, { kind: 'aggregate' }>).window?.text);
      for (const k in o) if (k !== 'span' && o[k] && typeof o[k] === 'object') stack.push(o[k]);
    }
  }
  return out;
}

/**
 * A definition no level uses yet is still checked, so a clerk sees its mistakes while drafting. Its
 * parameters stand for silent placeholders: names and fields are checked, types that depend on them are not.
 */
function checkUnused(decl: DeclOf<'define'>, env: Env): void {
  const params = new Map(decl.params.map((p) => [p.text, errorIR(p.span)] as const));
  elab(decl.body, { ...env, params, stack: [decl.name.text] });
}

/** A definition expanded at several places reports its own problems once. */
function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const key = `${d.code}|${d.file}|${d.start}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function header(decls: A.Decl[], ctx: CheckContext): StandardSetModel['meta'] | null {
  const headers = decls.filter((d): d is DeclOf<'header'> => d.kind === 'header');
  for (const h of headers.slice(1)) report(ctx, 'duplicateHeader', h.span);
  const h = headers[0];
  if (!h) {
    const first = decls[0];
    if (first) report(ctx, 'missingHeader', first.span);
    return null;
  }
  let ok = true;
  let year = 0;
  let referenceDate = '';
  if (h.year?.kind === 'number' && Number.isInteger(h.year.value)) year = h.year.value;
  else {
    report(ctx, 'typeMismatch', h.year?.span ?? h.span, { what: '年度', expected: '整数年份（如 2026）', actual: h.year ? '其他' : '（缺少）' });
    ok = false;
  }
  if (h.referenceDate?.kind === 'date' && isValidDate(h.referenceDate.value)) referenceDate = h.referenceDate.value;
  else {
    report(ctx, 'typeMismatch', h.referenceDate?.span ?? h.span, { what: '基准日', expected: '日期（如 2026-09-30）', actual: h.referenceDate ? '其他' : '（缺少）' });
    ok = false;
  }
  return ok ? { name: h.name.text, year, referenceDate, issuers: h.issuers.map((i) => i.text) } : null;
}

function order(d: DeclOf<'order'>, ctx: CheckContext): void {
  const path = d.field.map((n) => n.text).join('.');
  const f = lookupField(recordFields, path);
  if (!f || f.type.kind !== 'enum') {
    const sug = closest(path, enumPaths());
    report(ctx, 'unknownField', d.field[0].span, { name: path, hint: f ? '（该字段不是枚举）' : hintFor(sug) }, sug);
    return;
  }
  const values = f.type.values;
  const bad = d.values.filter((v) => !values.includes(v.text));
  for (const v of bad) {
    const sug = closest(v.text, values);
    report(ctx, 'orderValue', v.span, { value: v.text + hintFor(sug), field: path, values: values.join(' / ') }, sug);
  }
  const missing = values.filter((v) => !d.values.some((x) => x.text === v));
  if (missing.length) report(ctx, 'orderIncomplete', d.span, { field: path, values: missing.join(' / ') });
  if (!bad.length) ctx.orders.set(path, d.values.map((v) => v.text));
}

function enumPaths(): string[] {
  const out: string[] = [];
  const walk = (f: typeof recordFields) => {
    if (f.type.kind === 'enum') out.push(f.path);
    if (f.type.kind === 'object') Object.values(f.type.fields).forEach(walk);
    if (f.type.kind === 'array') walk(f.type.item);
  };
  walk(recordFields);
  return out;
}

function dateField(d: DeclOf<'dateField'>, ctx: CheckContext): void {
  const names = d.field.map((n) => n.text);
  const list = lookupField(recordFields, names.slice(0, -1).join('.'));
  const field = lookupField(recordFields, names.join('.'));
  if (!list || list.type.kind !== 'array' || !field || field.type.kind !== 'date') {
    report(ctx, 'typeMismatch', d.span, { what: '日期字段', expected: '清单中的日期字段（如 achievements.contracts.signed_on）', actual: field ? describeType({ t: 'object', field }) : `“${names.join('.')}”` });
    return;
  }
  ctx.dateFields.set(list.path, names[names.length - 1]);
}

interface Refs {
  gateGroups: Map<string, DeclOf<'gateGroup'>>;
  scoreTables: Map<string, DeclOf<'scoreTable'>>;
  committees: Map<string, DeclOf<'committee'>>;
}

function rules(rs: A.Rule[], env: Env, ctx: CheckContext): RuleModel[] {
  const seen = new Set<string>();
  return rs.map((r) => {
    if (seen.has(r.label.text)) report(ctx, 'duplicateLabel', r.label.span, { label: r.label.text });
    seen.add(r.label.text);
    return {
      ...(r.id ? { id: r.id.text } : {}),
      label: r.label.text,
      ...(r.reason ? { reason: r.reason.text } : {}),
      ir: condition(r.expr, env, `“${r.label.text}”的条件`),
      span: r.span
    };
  });
}

function constNumber(e: A.Expr, env: Env, what: string, dim: 'points' | null): number | null {
  const ir = numeric(e, env, what);
  if (isError(ir)) return null;
  if (ir.k !== 'lit') {
    report(env, 'notConstant', e.span, { what });
    return null;
  }
  const d = (ir.type as { dim: string | null }).dim;
  if (d !== dim) {
    report(env, 'typeMismatch', e.span, { what, expected: dim === 'points' ? '分值（如 55分）' : '数字', actual: describeType(ir.type) });
    return null;
  }
  return Number(ir.value);
}

function scoreTable(t: DeclOf<'scoreTable'>, env: Env): ComponentModel[] {
  const ctx = env.ctx;
  const components = t.components.map((c) => {
    const ir = numeric(c.expr, env, `积分项“${c.label.text}”`);
    if (!isError(ir) && (ir.type as { dim: string | null }).dim !== 'points') {
      report(ctx, 'typeMismatch', c.expr.span, { what: `积分项“${c.label.text}”`, expected: '分值（如 2分 * 项数）', actual: describeType(ir.type) });
    }
    const cap = c.cap ? constNumber(c.cap, env, '上限', 'points') : null;
    if (cap !== null && !isError(ir)) {
      const max = upperBound(ir);
      if (cap > max) report(ctx, 'capAboveMax', c.cap!.span, { cap: `${cap}分`, max: `${max}分` });
    }
    return { id: c.id.text, label: c.label.text, cap, ir, span: c.span };
  });
  // The score runs from 0 to 100: the caps together must not promise more.
  const sum = components.reduce((s, c) => s + (c.cap ?? upperBound(c.ir)), 0);
  if (sum > 100) report(ctx, 'scoreOverflow', t.name.span, { sum: Number.isFinite(sum) ? `${sum}分` : '无限（有积分项未写上限）' });
  return components;
}

function level(l: DeclOf<'level'>, env: Env, refs: Refs): LevelModel | null {
  const ctx = env.ctx;
  const name = l.name.text;
  if (!LEVEL_NAMES.includes(name)) report(ctx, 'unknownLevel', l.name.span, { name, values: LEVEL_NAMES.join('、') });
  const one = <K extends A.LevelEntry['kind']>(kind: K, entryName: string, required: boolean) => {
    const found = l.entries.filter((e): e is Extract<A.LevelEntry, { kind: K }> => e.kind === kind);
    for (const extra of found.slice(1)) report(ctx, 'duplicateEntry', extra.span, { level: name, entry: entryName });
    if (!found.length && required) report(ctx, 'missingEntry', l.name.span, { level: name, entry: entryName });
    return found[0];
  };
  const code = one('code', '代码', true);
  const tier = one('tier', '层级', true);
  const grades = one('postGrades', '岗位等级', true);
  const committeeRef = one('committeeRef', '评委会', false);
  const methods = one('methods', '评价方式', false);
  const gatesRef = one('gatesRef', '基本条件', true);
  const regular = one('regularRoute', '常规路线', true);
  const direct = one('directRoute', '直接申报', false);
  const perf = one('performance', '业绩条件', true);
  const scoreRef = one('scoreRef', '积分', true);

  if (committeeRef && !refs.committees.has(committeeRef.name.text)) {
    const sug = closest(committeeRef.name.text, refs.committees.keys());
    report(ctx, 'unknownCommittee', committeeRef.name.span, { name: committeeRef.name.text, hint: hintFor(sug) }, sug);
  }
  let gates: LevelModel['gates'] | null = null;
  if (gatesRef) {
    const g = refs.gateGroups.get(gatesRef.name.text);
    if (!g) {
      const sug = closest(gatesRef.name.text, refs.gateGroups.keys());
      report(ctx, 'unknownGateGroup', gatesRef.name.span, { name: gatesRef.name.text, hint: hintFor(sug) }, sug);
    } else gates = { label: g.label?.text ?? g.name.text, rules: rules(g.gates, env, ctx), span: g.span };
  }
  const regularModel = regular ? { label: regular.label.text, lines: rules(regular.lines, env, ctx), span: regular.span } : null;
  if (regular && !regular.lines.length) report(ctx, 'emptyAnyOf', regular.span);
  let directModel: LevelModel['direct'] = null;
  if (direct) {
    if (direct.waives.text !== '常规路线') report(ctx, 'waivesUnknown', direct.waives.span);
    if (!direct.lines.length) report(ctx, 'emptyAnyOf', direct.span);
    directModel = { label: direct.label.text, requires: rules(direct.requires, env, ctx), lines: rules(direct.lines, env, ctx), span: direct.span };
  }
  let performance: LevelModel['performance'] | null = null;
  if (perf) {
    const need = constNumber(perf.need, env, '“至少”的项数', null);
    const items = rules(perf.items, env, ctx);
    if (need !== null) {
      if (!Number.isInteger(need) || need < 0) report(ctx, 'needNotPositive', perf.need.span);
      else if (need > items.length) report(ctx, 'nOverM', perf.need.span, { n: need, m: items.length });
      else if (need === 0) report(ctx, 'nZero', perf.need.span);
      performance = { label: perf.label.text, need, items, span: perf.span };
    }
  }
  let scoring: LevelModel['scoring'] | null = null;
  if (scoreRef) {
    const t = refs.scoreTables.get(scoreRef.table.text);
    if (!t) {
      const sug = closest(scoreRef.table.text, refs.scoreTables.keys());
      report(ctx, 'unknownScoreTable', scoreRef.table.span, { name: scoreRef.table.text, hint: hintFor(sug) }, sug);
    } else {
      const components = scoreTable(t, env);
      const minimum = constNumber(scoreRef.minimum, env, '最低分', 'points');
      const max = components.reduce((s, c) => s + (c.cap ?? upperBound(c.ir)), 0);
      if (minimum !== null && minimum > max) report(ctx, 'minimumAboveMax', scoreRef.minimum.span, { min: `${minimum}分`, max: `${max}分` });
      if (minimum !== null) scoring = { label: t.label?.text ?? t.name.text, minimum, components, span: t.span };
    }
  }
  const from = grades ? constNumber(grades.from, env, '岗位等级', null) : null;
  const to = grades ? constNumber(grades.to, env, '岗位等级', null) : null;
  if (!code || !tier || from === null || to === null || !gates || !regularModel || !performance || !scoring) return null;
  return {
    name, code: code.value.text, tier: tier.value.text, postGrades: [from, to],
    committee: committeeRef?.name.text ?? null, methods: methods?.values.map((v) => v.text) ?? [],
    gates, regular: regularModel, direct: directModel, performance, scoring, span: l.span
  };
}

