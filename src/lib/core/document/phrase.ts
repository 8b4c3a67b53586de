// The checked IR as Chinese: conditions ("具有博士学位，取得中级专业技术职务任职资格满2年"), quantities
// ("任现职以来促成技术合同成交额") and scoring rules ("每满50万元计1分"). It reads only the IR — field and enum
// labels come from the record schema through the checker, units from what the author wrote — never the source.
import { formatNumber } from '../evaluate/format.ts';
import type { IR, Window } from '../ir.ts';
import { dateText, fractionText } from './numbering.ts';

type Node<K extends IR['k']> = Extract<IR, { k: K }> extends never ? IR & { k: K } : Extract<IR, { k: K }>;

/** The window name a sentence starts with: 任现职以来 (its full wording is given once, among the definitions). */
export function windowName(w: Window): string {
  return w.label.replace(/（[^）]*）$/, '');
}

/** Calls `fn` on every node of an expression, parents before children. */
function eachNode(ir: IR, fn: (x: IR) => void): void {
  const visit = (x: IR | null | undefined): void => {
    if (!x) return;
    fn(x);
    switch (x.k) {
      case 'agg': visit(x.where); visit(x.take); return;
      case 'not': case 'floor': visit(x.arg); return;
      case 'and': case 'or': case 'min': x.args.forEach(visit); return;
      case 'cmp': case 'arith': visit(x.left); visit(x.right); return;
      case 'in': case 'startsWith': visit(x.value); return;
      case 'if': visit(x.cond); visit(x.then); visit(x.else); return;
      default: return;
    }
  };
  visit(ir);
}

/** Every window an expression counts in, by label, in order of appearance. */
export function windowsIn(ir: IR, out: Window[] = []): Window[] {
  eachNode(ir, (x) => {
    if (x.k === 'agg' && x.window && !out.some((w) => w.label === x.window!.label)) out.push(x.window);
  });
  return out;
}

/** The named definitions (parameterless, read by their name) an expression uses, in order of appearance. */
export function namedIn(ir: IR, out: IR[] = []): IR[] {
  eachNode(ir, (x) => {
    if (x.atomic && x.label && !out.some((o) => o.label === x.label)) out.push(x);
  });
  return out;
}

/** What a named definition means: "本人主持或参与的技术合同成交金额合计" (its window said first). */
export function definitionSentence(x: IR): string {
  const body = { ...x, atomic: false } as IR;
  if (x.type.t !== 'boolean') return quantitySentence(body);
  const text = conditionSentence(body);
  return x.k === 'agg' && x.agg === 'exists' ? text.replace(/^有/, '') : text;
}

function quantitySentence(ir: IR): string {
  const ws = windowsIn(ir);
  const hoisted = ws.length === 1 ? ws[0].label : null;
  const body = value(ir, { hoisted });
  return hoisted ? `${windowName(ws[0])}${body}` : body;
}

/** How one rule is worded: `hoisted` is a window said once at the start instead of before every list. */
interface Ctx {
  hoisted: string | null;
}

/** A rule as one Chinese sentence body (no final 。). A window shared by all its lists is said once, first. */
export function conditionSentence(ir: IR): string {
  const ws = windowsIn(ir);
  const hoisted = ws.length === 1 ? ws[0].label : null;
  const body = cond(ir, { hoisted }, 0);
  return hoisted ? `${windowName(ws[0])}${body}` : body;
}

/** A score component's method, e.g. "任现职以来本人主持的技术合同成交金额合计每满50万元计1分；…". */
export function pointsSentence(ir: IR): string {
  const ws = windowsIn(ir);
  const hoisted = ws.length === 1 ? ws[0].label : null;
  const body = points(ir, { hoisted });
  return hoisted ? `${windowName(ws[0])}，${body}` : body;
}

// ---------- values ----------

function litText(x: Node<'lit'>): string {
  const v = x.value;
  if (v === null) return '空';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') return x.display ? `${formatNumber(v / x.display.factor)}${x.display.unit}` : formatNumber(v);
  if (x.type.t === 'date') return x.label ?? dateText(v);
  return x.label ?? v;
}

function isCount(x: IR): boolean {
  if (x.k === 'agg') return x.agg === 'count';
  if (x.k === 'arith' && (x.op === '+' || x.op === '-')) return isCount(x.left) && isCount(x.right);
  return false;
}

/** A quantity as a noun phrase. A named definition reads by its name. */
function value(x: IR, ctx: Ctx): string {
  if (x.atomic && x.label) return x.label;
  switch (x.k) {
    case 'lit': return litText(x);
    case 'field': return x.label ?? x.path;
    case 'agg': return aggNoun(x, ctx);
    case 'floor': return `${value(x.arg, ctx)}（取整数）`;
    case 'min': return `${x.args.map((a) => value(a, ctx)).join('与')}中的较小者`;
    case 'arith': {
      const op = { '+': '与', '-': '减去', '*': '乘以', '/': '除以' }[x.op];
      return x.op === '+' ? `${value(x.left, ctx)}${op}${value(x.right, ctx)}之和` : `${value(x.left, ctx)}${op}${value(x.right, ctx)}`;
    }
    case 'if': return cases(x, ctx, (t) => value(t, ctx));
    default: return cond(x, ctx, 1);
  }
}

function windowPrefix(w: Window | undefined, ctx: Ctx): string {
  return w && w.label !== ctx.hoisted ? windowName(w) : '';
}

/** The 的-clause that narrows a list: "本人主持的", "平台级别为市级及以上、本人建设或运营的". */
function narrowing(where: IR | undefined, ctx: Ctx): string {
  if (!where) return '';
  const parts = where.k === 'and' && !where.atomic ? where.args : [where];
  const roles: string[] = [];
  const rest: string[] = [];
  for (const p of parts) {
    const role = rolePhrase(p);
    if (role) roles.push(role);
    else rest.push(cond(p, ctx, 2));
  }
  const all = [...rest, ...roles.map((r) => `本人${r}`)];
  return all.length ? `${all.join('、')}的` : '';
}

/** A condition on the applicant's own role in an item ("合同角色" = 主持) reads as the verb: 主持, 建设或运营. */
function rolePhrase(x: IR): string | null {
  if (x.k === 'cmp' && x.op === '==' && x.left.k === 'field' && x.left.label?.endsWith('角色') && x.right.k === 'lit') {
    return litText(x.right);
  }
  if (x.k === 'in' && !x.written && x.value.k === 'field' && x.value.label?.endsWith('角色')) {
    return enumSet(x);
  }
  return null;
}

/** 特等奖、一等奖或二等奖 */
export function alternatives(words: string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join('、')}或${words[words.length - 1]}`;
}

function enumSet(x: Node<'in'>): string {
  const labels = enumLabels(x.value);
  return alternatives(x.set.map((v) => (typeof v === 'string' ? labels[v] ?? v : String(v))));
}

function enumLabels(x: IR): Record<string, string> {
  return x.type.t === 'enum' ? x.type.labels : {};
}

function aggNoun(x: Node<'agg'>, ctx: Ctx): string {
  const pre = `${windowPrefix(x.window, ctx)}${narrowing(x.where, ctx)}${x.listLabel}`;
  switch (x.agg) {
    case 'count': return `${pre}数量`;
    case 'sum': return x.take ? `${pre}${takeNoun(x.take, ctx)}合计` : `${pre}合计`;
    case 'max': return x.take ? `${pre}${takeNoun(x.take, ctx)}的最高值` : `${pre}的最高值`;
    default: return `${pre}`;
  }
}

function takeNoun(x: IR, ctx: Ctx): string {
  return x.k === 'field' ? x.label ?? x.path : `（${value(x, ctx)}）`;
}

// ---------- conditions ----------

const CMP_WORD: Record<string, string> = { '>=': '不低于', '<=': '不超过', '>': '高于', '<': '低于', '==': '为', '!=': '不为' };
const COUNT_WORD: Record<string, string> = { ...CMP_WORD, '>=': '不少于', '<=': '不多于', '>': '多于', '<': '少于' };

/** depth 0: a whole rule (parts joined by "，"); deeper: inside a phrase (joined by "且"/"或"). */
function cond(x: IR, ctx: Ctx, depth: number): string {
  switch (x.k) {
    case 'and': {
      const idiom = currentTitle(x);
      if (idiom) return idiom;
      const parts = x.args.map((a) => cond(a, ctx, depth + 1));
      return everyYear(parts) ?? parts.join(depth === 0 ? '，' : depth === 1 ? '，且' : '且');
    }
    case 'or': {
      const parts = x.args.map((a) => cond(a, ctx, depth + 1));
      return parts.join(depth <= 1 ? '；或者' : '，或');
    }
    case 'not': {
      const a = x.arg;
      if (a.k === 'agg' && a.agg === 'exists') return a.atomic && a.label ? `无${a.label}` : `无${existsBody(a, ctx)}`;
      return `不符合“${cond(a, ctx, depth + 1)}”`;
    }
    case 'cmp': return compare(x, ctx);
    case 'in': {
      const label = value(x.value, ctx);
      const labels = enumLabels(x.value);
      const m = /^>=\s*(\S+)$/.exec(x.written ?? '');
      if (m && x.set.length > 1) return `${label}为${labels[m[1]] ?? m[1]}及以上`;
      return `${label}为${enumSet(x)}`;
    }
    case 'startsWith': return `${value(x.value, ctx)}以“${x.prefix}”开头`;
    case 'agg':
      if (x.agg === 'exists') return education(x) ?? `有${existsBody(x, ctx)}`;
      if (x.agg === 'all') return `${windowPrefix(x.window, ctx)}${x.listLabel}均满足：${x.where ? cond(x.where, ctx, 2) : ''}`;
      return value(x, ctx);
    case 'field':
      return x.type.t === 'boolean' ? booleanField(x.label ?? x.path, true) : value(x, ctx);
    case 'lit': return litText(x);
    default: return value(x, ctx);
  }
}

function existsBody(x: Node<'agg'>, ctx: Ctx): string {
  return `${windowPrefix(x.window, ctx)}${narrowing(x.where, ctx)}${x.listLabel}`;
}

/** 是否公务员或参公人员 = 否 → 非公务员或参公人员; 是否列入失信黑名单 = 否 → 未列入失信黑名单. */
function booleanField(label: string, yes: boolean): string {
  const m = /^是否(.+)$/.exec(label);
  if (!m) return `${label}为${yes ? '是' : '否'}`;
  if (yes) return /^(列入|取得|获得|处于)/.test(m[1]) ? m[1] : `为${m[1]}`;
  return /^(列入|取得|获得|处于)/.test(m[1]) ? `未${m[1]}` : `非${m[1]}`;
}

function compare(x: Node<'cmp'>, ctx: Ctx): string {
  const { left, right, op } = x;
  if (right.k === 'lit') {
    if (typeof right.value === 'boolean' && left.type.t === 'boolean' && (op === '==' || op === '!=')) {
      return booleanField(value(left, ctx), (op === '==') === right.value);
    }
    if (right.value === null) return op === '!=' ? `有${value(left, ctx)}` : `无${value(left, ctx)}`;
    if (right.type.t === 'date') {
      const full = /^基准日前(.+)$/.exec(right.label ?? '');
      if (full && op === '<=') return `${value(left, ctx)}满${full[1]}`;
      const word = { '<=': '不晚于', '<': '早于', '>=': '不早于', '>': '晚于', '==': '为', '!=': '不为' }[op];
      return `${value(left, ctx)}${word}${litText(right)}`;
    }
  }
  // 3 * professional_hours >= 2 * total_hours → 专业科目学时不低于总学时的三分之二
  const l = scaled(left);
  const r = scaled(right);
  if (l && r && op === '>=' && r.k > 0 && l.k > 0) {
    return `${value(l.x, ctx)}不低于${value(r.x, ctx)}的${fractionText(r.k, l.k)}`;
  }
  const words = isCount(left) ? COUNT_WORD : CMP_WORD;
  let target = value(right, ctx);
  if (isCount(left) && right.k === 'lit' && !right.display) target += '项';
  return `${value(left, ctx)}${words[op]}${target}`;
}

function scaled(x: IR): { k: number; x: IR } | null {
  if (x.k !== 'arith' || x.op !== '*') return null;
  if (x.left.k === 'lit' && typeof x.left.value === 'number' && !x.left.display) return { k: x.left.value, x: x.right };
  if (x.right.k === 'lit' && typeof x.right.value === 'number' && !x.right.display) return { k: x.right.value, x: x.left };
  return null;
}

/**
 * The same condition for several years ("有考核年度为2023、考核结果为…的年度考核" for 2023, 2024, 2025) said
 * once: "2023、2024、2025年度每年均有考核结果为…的年度考核".
 */
function everyYear(parts: string[]): string | null {
  if (parts.length < 2) return null;
  let pre = 0;
  while (parts.every((p) => p[pre] !== undefined && p[pre] === parts[0][pre])) pre++;
  while (pre > 0 && /\d/.test(parts[0][pre - 1])) pre--;
  let suf = 0;
  while (parts.every((p) => suf < p.length - pre && p[p.length - 1 - suf] === parts[0][parts[0].length - 1 - suf])) suf++;
  while (suf > 0 && /\d/.test(parts[0][parts[0].length - suf])) suf--;
  const mids = parts.map((p) => p.slice(pre, p.length - suf));
  if (!mids.every((m) => /^\d{4}$/.test(m))) return null;
  const template = `${parts[0].slice(0, pre)}\u0000${parts[0].slice(parts[0].length - suf)}`;
  const m = /[^、，有]*年度为\u0000、?/.exec(template);
  if (!m) return null;
  return `${mids.join('、')}年度每年均${template.replace(m[0], '')}`;
}

// ---------- idioms of the record ----------

/** 学历学位: "具有博士学位", "取得本科及以上学历满1年" (a degree held for 0 years needs no time condition). */
function education(x: Node<'agg'>): string | null {
  if (x.list !== 'education' || !x.where) return null;
  const parts = x.where.k === 'and' ? x.where.args : [x.where];
  const degree = parts.find((p): p is Node<'in'> => p.k === 'in' && p.value.k === 'field' && p.value.path === 'degree');
  if (!degree) return null;
  const labels = enumLabels(degree.value);
  const m = /^>=\s*(\S+)$/.exec(degree.written ?? '');
  const lowest = m ? m[1] : String(degree.set[0]);
  const name = `${labels[lowest] ?? lowest}${m && degree.set.length > 1 ? '及以上' : ''}${lowest === 'college' || lowest === 'bachelor' ? '学历' : '学位'}`;
  let held: string | null = null;
  for (const p of parts) {
    if (p === degree) continue;
    const full = p.k === 'cmp' && p.op === '<=' && p.right.k === 'lit' ? /^基准日前(.+)$/.exec(p.right.label ?? '') : null;
    if (!full || p.k !== 'cmp' || p.left.k !== 'field' || p.left.path !== 'awarded_on') return null;
    held = full[1];
  }
  return held && !/^0\D/.test(held) ? `取得${name}满${held}` : `具有${name}`;
}

/** 现职: "取得中级专业技术职务任职资格满2年" (holding a current title is implied by the time it was held). */
function currentTitle(x: IR & { k: 'and' | 'or' }): string | null {
  const flat: IR[] = [];
  const walk = (a: IR) => (a.k === 'and' && !a.atomic ? a.args.forEach(walk) : flat.push(a));
  x.args.forEach(walk);
  const level = flat.find((a): a is Node<'cmp'> => a.k === 'cmp' && a.op === '==' && a.left.k === 'field' && a.left.path === 'current_title.level' && a.right.k === 'lit');
  const since = flat.find((a): a is Node<'cmp'> => a.k === 'cmp' && a.op === '<=' && a.left.k === 'field' && a.left.path === 'current_title.obtained_on' && a.right.k === 'lit' && /^基准日前/.test(a.right.label ?? ''));
  if (!level || !since) return null;
  const others = flat.filter((a) => a !== level && a !== since && !(a.atomic && a.label?.startsWith('持有现职')));
  if (others.length) return null;
  const years = /^基准日前(.+)$/.exec((since.right as Node<'lit'>).label!)![1];
  return `取得${litText(level.right as Node<'lit'>)}专业技术职务任职资格${/^0\D/.test(years) ? '' : `满${years}`}`;
}

// ---------- scoring ----------

function pointsLit(x: IR): string | null {
  return x.k === 'lit' && typeof x.value === 'number' && x.display?.unit === '分' ? litText(x) : null;
}

function points(x: IR, ctx: Ctx): string {
  const p = pointsLit(x);
  if (p) return `计${p}`;
  if (x.k === 'arith' && x.op === '+') return `${points(x.left, ctx)}；${points(x.right, ctx)}`;
  if (x.k === 'arith' && x.op === '*') {
    const [pts, per] = pointsLit(x.left) ? [pointsLit(x.left)!, x.right] : pointsLit(x.right) ? [pointsLit(x.right)!, x.left] : [null, null];
    if (pts && per) {
      // floor(Y / 50万元) * 1分 → Y每满50万元计1分
      if (per.k === 'floor' && per.arg.k === 'arith' && per.arg.op === '/' && per.arg.right.k === 'lit') {
        return `${value(per.arg.left, ctx)}每满${litText(per.arg.right)}计${pts}`;
      }
      // Y / 1学时 * 0.25分 → Y每1学时计0.25分
      if (per.k === 'arith' && per.op === '/' && per.right.k === 'lit') return `${value(per.left, ctx)}每${litText(per.right)}计${pts}`;
      if (isCount(per)) return `${value(per, ctx)}每项计${pts}`;
      return `按${value(per, ctx)}计，每1计${pts}`;
    }
  }
  if (x.k === 'agg' && (x.agg === 'max' || x.agg === 'sum') && x.take) {
    const pre = `${windowPrefix(x.window, ctx)}${narrowing(x.where, ctx)}${x.listLabel}`;
    const how = x.agg === 'max' ? '按其中得分最高的一项计分（不累加）' : '逐项计分并累加';
    return `${pre}${how}：${pointsCases(x.take, ctx)}`;
  }
  if (x.k === 'if') return pointsCases(x, ctx);
  return `计${value(x, ctx)}分`;
}

function pointsCases(x: IR, ctx: Ctx): string {
  const out: string[] = [];
  let c: IR = x;
  while (c.k === 'if') {
    out.push(`${cond(c.cond, ctx, 2)}的，${points(c.then, ctx)}`);
    c = c.else;
  }
  if (!(c.k === 'lit' && c.value === 0)) out.push(`其他，${points(c, ctx)}`);
  return out.join('；');
}

/** if-chains used as values (a case table that is not points). */
function cases(x: Node<'if'>, ctx: Ctx, then: (t: IR) => string): string {
  return `${cond(x.cond, ctx, 2)}时为${then(x.then)}，否则为${then(x.else)}`;
}
