// Elaboration of expressions: type-check an AST expression and lower it to IR in one pass.
// Definitions are expanded at each use (they may be used in record or list-item scope), constants folded,
// quantities normalised, and bare words resolved to enum values by the field they are compared with.
import type * as A from '../../../../grammar/ast.ts';
import { dependsOnRecord, type IR, type Scalar, type Window } from '../ir.ts';
import { allFieldPaths, lookupField, recordFields, type FieldInfo } from '../records/fields.ts';
import { report, type Env } from './context.ts';
import { isValidDate, minusMonths, plusDays, describeMonths } from './dates.ts';
import { closest, hintFor } from '../suggest.ts';
import { BOOLEAN, DATE, ERROR, NULL, NUMBER, STRING, describeType, type Type } from './types.ts';
import { baseUnitName, dimensionOfSchemaUnit, units, type Dimension } from './units.ts';
import { LIMITS } from '../limits.ts';

const lit = (value: Scalar, type: Type, span: A.Span, extra: Partial<IR> = {}): IR =>
  ({ k: 'lit', value, type, span, ...extra }) as IR;
const errorIR = (span: A.Span): IR => lit(null, ERROR, span);
const isError = (ir: IR) => ir.type.t === 'error';

export function elab(e: A.Expr, env: Env): IR {
  const ctx = env.ctx;
  if (++ctx.steps > LIMITS.checkSteps) {
    // where it ran out is deep inside; the outermost definition being expanded is what to look at
    const outer = env.stack.length ? ctx.defs.get(env.stack[0])?.decl.name.span : undefined;
    if (!ctx.exhausted) report(env, 'expressionTooLarge', outer ?? e.span, { max: LIMITS.checkSteps });
    ctx.exhausted = true;
    return errorIR(e.span);
  }
  return elabNode(e, env);
}

function elabNode(e: A.Expr, env: Env): IR {
  switch (e.kind) {
    case 'number': return inRange(e.value, e.text, '', e.span, env) ? lit(e.value, NUMBER, e.span) : errorIR(e.span);
    case 'quantity': return quantity(e, env);
    case 'date':
      if (!isValidDate(e.value)) {
        report(env, 'badDate', e.span, { text: e.value });
        return errorIR(e.span);
      }
      return lit(e.value, DATE, e.span);
    case 'string': return lit(e.value, STRING, e.span);
    case 'boolean': return lit(e.value, BOOLEAN, e.span);
    case 'null': return lit(null, NULL, e.span);
    case 'referenceDate': return lit(env.ctx.referenceDate, DATE, e.span, { label: '基准日' });
    case 'ref': return resolveRef(e, env);
    case 'call': return call(e, env);
    case 'not': {
      const arg = condition(e.arg, env, '“非”的对象');
      return { k: 'not', arg, type: BOOLEAN, span: e.span };
    }
    case 'logical': {
      const what = e.op === 'and' ? '“且”连接的条件' : '“或”连接的条件';
      const args = e.args.map((a) => condition(a, env, what));
      return { k: e.op, args, type: BOOLEAN, span: e.span };
    }
    case 'compare': return compare(e, env);
    case 'memberOf': return memberOf(e, env);
    case 'startsWith': {
      const value = known(elab(e.value, env), env);
      const prefix = known(elab(e.prefix, env), env);
      if (isError(value) || isError(prefix)) return errorIR(e.span);
      if (value.type.t !== 'string') report(env, 'typeMismatch', e.value.span, { what: '“开头是”的对象', expected: '文本', actual: describeType(value.type) });
      if (prefix.k !== 'lit' || typeof prefix.value !== 'string') {
        report(env, 'notConstant', e.prefix.span, { what: '“开头是”之后的文本' });
        return errorIR(e.span);
      }
      return { k: 'startsWith', value, prefix: prefix.value, type: BOOLEAN, span: e.span };
    }
    case 'fullPeriod': return fullPeriod(e, env);
    case 'arith': return arith(e, env);
    case 'negate': {
      const arg = numeric(e.arg, env, '负号的对象');
      if (arg.k === 'lit' && typeof arg.value === 'number') return { ...arg, value: -arg.value, span: e.span };
      return { k: 'arith', op: '-', left: lit(0, arg.type, e.span), right: arg, type: arg.type, span: e.span };
    }
    case 'floor': {
      const arg = numeric(e.arg, env, '“向下取整”的对象');
      return { k: 'floor', arg, type: arg.type, span: e.span };
    }
    case 'aggregate': return aggregate(e, env);
    case 'case': return caseExpr(e, env);
    case 'error': return errorIR(e.span);
    default: {
      const never: never = e;
      return never;
    }
  }
}

// ---------- helpers for operands ----------

/** A bare word that never found its enum field is an unknown name. */
function known(ir: IR, env: Env): IR {
  if (ir.type.t !== 'symbol') return ir;
  const name = ir.type.name;
  const sug = closest(name, nameCandidates(env));
  report(env, 'unknownName', ir.span, { name, hint: hintFor(sug) + keywordSpacingHint(name) }, sug);
  return errorIR(ir.span);
}

function keywordSpacingHint(name: string): string {
  const kw = ['且', '或', '非', '其中', '于', '取', '满', '属于'].find((k) => name.includes(k) && name !== k);
  return kw ? `（关键字“${kw}”两侧需要空格）` : '';
}

function nameCandidates(env: Env): string[] {
  const scope = env.scope.item ?? recordFields;
  const fields = scope.type.kind === 'object' ? Object.keys(scope.type.fields) : [];
  return [...env.params.keys(), ...env.ctx.consts.keys(), ...env.ctx.defs.keys(), ...fields];
}

export function condition(e: A.Expr, env: Env, what: string): IR {
  const ir = known(elab(e, env), env);
  if (isError(ir)) return { ...ir, type: BOOLEAN };
  if (ir.type.t !== 'boolean') {
    report(env, 'notBoolean', e.span, { what, actual: describeType(ir.type) });
    return errorIR(e.span);
  }
  return ir;
}

export function numeric(e: A.Expr, env: Env, what: string): IR {
  const ir = known(elab(e, env), env);
  if (isError(ir)) return ir;
  if (ir.type.t !== 'number') {
    report(env, 'notNumber', e.span, { what, actual: describeType(ir.type) });
    return errorIR(e.span);
  }
  return ir;
}

export function constantDuration(e: A.Expr, env: Env): number | null {
  const ir = known(elab(e, env), env);
  if (isError(ir)) return null;
  if (ir.type.t !== 'duration') {
    report(env, 'notDuration', e.span, { actual: describeType(ir.type) });
    return null;
  }
  if (ir.k !== 'lit' || typeof ir.value !== 'number') {
    report(env, 'notConstant', e.span, { what: '时长' });
    return null;
  }
  return ir.value;
}

// ---------- literals ----------

/** A number within LIMITS.number (in its base unit), else reported: 400 digits are not Infinity. */
function inRange(value: number, text: string, unit: string, span: A.Span, env: Env): boolean {
  if (Math.abs(value) <= LIMITS.number) return true;
  report(env, 'numberRange', span, { text: text.length > 40 ? `${text.slice(0, 20)}…${text.slice(-8)}` : text, max: LIMITS.number, unit });
  return false;
}

/** A date computed at compile time, or reported when it leaves the years 1000–9999. */
function dateInRange(date: string, span: A.Span, env: Env): IR {
  const year = Number(date.slice(0, date.indexOf('-', 1)));
  if (/^\d{4}-\d{2}-\d{2}$/.test(date) && year >= 1000) return lit(date, DATE, span);
  report(env, 'dateRange', span, { year: Number.isFinite(year) ? year : date });
  return errorIR(span);
}

function quantity(e: Extract<A.Expr, { kind: 'quantity' }>, env: Env): IR {
  const u = units[e.unit];
  if (!u) {
    report(env, 'unknownUnit', e.span, { unit: e.unit });
    return errorIR(e.span);
  }
  if (u.dim === 'duration') {
    const months = e.value * u.factor;
    if (!(Math.abs(months) <= LIMITS.durationMonths)) {
      report(env, 'durationRange', e.span, { text: e.text, max: describeMonths(LIMITS.durationMonths) });
      return errorIR(e.span);
    }
    return lit(months, { t: 'duration' }, e.span, { label: e.text });
  }
  if (u.dim === 'count') return inRange(e.value, e.text, '', e.span, env) ? lit(e.value, NUMBER, e.span) : errorIR(e.span);
  const value = e.value * u.factor;
  if (!inRange(value, e.text, baseUnitName[u.dim as Dimension] ?? '', e.span, env)) return errorIR(e.span);
  if (u.dim === 'money' && !Number.isInteger(Math.round(value * 1e6) / 1e6)) {
    report(env, 'notInteger', e.span, { text: e.text, value: String(value) });
    return errorIR(e.span);
  }
  const exact = u.dim === 'money' ? Math.round(value) : value;
  return lit(exact, { t: 'number', dim: u.dim }, e.span, { display: { unit: u.name, factor: u.factor } });
}

// ---------- names ----------

function fieldType(f: FieldInfo, env: Env): Type {
  switch (f.type.kind) {
    case 'string': return STRING;
    case 'integer':
    case 'number': return { t: 'number', dim: dimensionOfSchemaUnit(f.unit) };
    case 'boolean': return BOOLEAN;
    case 'date': return DATE;
    case 'enum': {
      const order = env.ctx.orders.get(f.path);
      return { t: 'enum', field: f.path, values: f.type.values, labels: f.type.labels, ...(order ? { order } : {}) };
    }
    case 'object': return { t: 'object', field: f };
    case 'array': return { t: 'list', field: f };
  }
}

function resolveRef(e: Extract<A.Expr, { kind: 'ref' }>, env: Env): IR {
  const first = e.path[0].text;
  const dotted = e.path.map((p) => p.text).join('.');
  if (e.path.length === 1) {
    const param = env.params.get(first);
    if (param) {
      if (env.scope.item && dependsOnRecord(param)) {
        report(env, 'outerRefInItem', e.span, { name: first });
        return errorIR(e.span);
      }
      return { ...param, span: e.span } as IR;
    }
    const c = env.ctx.consts.get(first);
    if (c) return constant(first, e.span, env);
    const d = env.ctx.defs.get(first);
    if (d) {
      if (d.decl.params.length) {
        report(env, 'missingArgs', e.span, { name: first, params: d.decl.params.map((p) => p.text).join('、') });
        return errorIR(e.span);
      }
      return expand(d.decl, [], e.span, env);
    }
  }
  const scope = env.scope.item ?? recordFields;
  const field = lookupField(scope, dotted);
  if (field) {
    const type = fieldType(field, env);
    return { k: 'field', path: dotted, item: env.scope.item !== null, type, span: e.span, label: field.label };
  }
  if (env.scope.item && lookupField(recordFields, dotted)) {
    report(env, 'outerRefInItem', e.span, { name: dotted });
    return errorIR(e.span);
  }
  if (e.path.length === 1) return lit(first, { t: 'symbol', name: first }, e.span);
  const candidates = env.scope.item ? relativePaths(env.scope.item) : allFieldPaths();
  const sug = closest(dotted, candidates);
  report(env, 'unknownField', e.span, { name: dotted, hint: hintFor(sug) }, sug);
  return errorIR(e.span);
}

function relativePaths(item: FieldInfo): string[] {
  return allFieldPaths()
    .filter((p) => p.startsWith(`${item.path}.`))
    .map((p) => p.slice(item.path.length + 1));
}

function constant(name: string, span: A.Span, env: Env): IR {
  const c = env.ctx.consts.get(name)!;
  c.used = true;
  if (c.value) return { ...c.value, span } as IR;
  if (c.busy) {
    report(env, 'recursiveDefinition', span, { name });
    return errorIR(span);
  }
  c.busy = true;
  const value = known(elab(c.decl.value, { ...env, scope: { item: null }, params: new Map(), stack: [] }), env);
  c.busy = false;
  if (dependsOnRecord(value) || value.k !== 'lit') {
    if (!isError(value)) report(env, 'notConstant', c.decl.value.span, { what: `常量“${name}”的值` });
    c.value = errorIR(c.decl.value.span);
  } else {
    c.value = { ...value, label: c.decl.label?.text ?? name };
  }
  return { ...c.value, span } as IR;
}

function call(e: Extract<A.Expr, { kind: 'call' }>, env: Env): IR {
  const name = e.callee.text;
  const d = env.ctx.defs.get(name);
  if (!d) {
    const sug = closest(name, env.ctx.defs.keys());
    report(env, 'unknownName', e.callee.span, { name, hint: hintFor(sug) }, sug);
    return errorIR(e.span);
  }
  if (!d.decl.params.length) {
    report(env, 'notCallable', e.callee.span, { name });
    return errorIR(e.span);
  }
  if (d.decl.params.length !== e.args.length) {
    report(env, 'argCount', e.span, { name, expected: d.decl.params.length, actual: e.args.length });
    return errorIR(e.span);
  }
  const args = e.args.map((a) => elab(a, env));
  const ir = expand(d.decl, args, e.span, env);
  // "年度考核合格及以上（2023）": the arguments tell apart the expansions of one definition.
  return { ...ir, label: `${ir.label}（${e.args.map(argText).join('，')}）` } as IR;
}

function argText(a: A.Expr): string {
  switch (a.kind) {
    case 'number': case 'quantity': return a.text;
    case 'date': case 'string': return a.value;
    case 'ref': return a.path.map((p) => p.text).join('.');
    default: return '…';
  }
}

function expand(decl: Extract<A.Decl, { kind: 'define' }>, args: IR[], span: A.Span, env: Env): IR {
  const name = decl.name.text;
  env.ctx.defs.get(name)!.used = true;
  if (env.stack.includes(name)) {
    report(env, 'recursiveDefinition', span, { name });
    return errorIR(span);
  }
  if (env.stack.length >= LIMITS.definitionNesting) {
    report(env, 'nestingTooDeep', span, { what: '定义的层层引用', max: LIMITS.definitionNesting });
    return errorIR(span);
  }
  const params = new Map<string, IR>();
  decl.params.forEach((p, i) => params.set(p.text, args[i]));
  const body = elab(decl.body, { ...env, params, stack: [...env.stack, name] });
  return { ...body, label: decl.label?.text ?? name, ...(decl.params.length ? {} : { atomic: true }) } as IR;
}

// ---------- comparisons ----------

const cmpOp = (op: A.CompareOp) => (op === '=' ? '==' : op);

/** Resolve a bare word against an enum type; null when it is not one of the values (reported). */
function enumValue(sym: IR, ty: Extract<Type, { t: 'enum' }>, env: Env): IR | null {
  if (sym.type.t === 'symbol' || (sym.k === 'lit' && sym.type.t === 'string')) {
    const v = String((sym as { value: Scalar }).value);
    if (ty.values.includes(v)) return lit(v, ty, sym.span, { label: ty.labels[v] ?? v });
    const sug = closest(v, ty.values);
    const names = sym.type.t === 'symbol' ? closest(v, nameCandidates(env)) : [];
    if (!sug.length && names.length) {
      // Closer to a name than to any value: most likely a mistyped parameter or definition.
      report(env, 'unknownName', sym.span, { name: v, hint: hintFor(names) }, names);
      return null;
    }
    report(env, 'unknownEnumValue', sym.span, { value: v, field: ty.field, values: ty.values.join(' / '), hint: hintFor(sug) }, sug);
    return null;
  }
  return sym;
}

function compare(e: Extract<A.Expr, { kind: 'compare' }>, env: Env): IR {
  let left = elab(e.left, env);
  let right = elab(e.right, env);
  if (left.type.t === 'enum' && right.type.t !== 'enum') {
    const r = enumValue(right, left.type, env);
    if (!r) return errorIR(e.span);
    right = r;
  } else if (right.type.t === 'enum' && left.type.t !== 'enum') {
    const l = enumValue(left, right.type, env);
    if (!l) return errorIR(e.span);
    left = l;
  }
  // Report one unknown word per comparison: in `employment_statu = in_service` the field is the mistake.
  left = known(left, env);
  if (isError(left)) return errorIR(e.span);
  right = known(right, env);
  if (isError(right)) return errorIR(e.span);
  const base = { type: BOOLEAN, span: e.span };
  const equality = e.op === '=' || e.op === '!=';
  const lt = left.type;
  const rt = right.type;

  if (lt.t === 'null' || rt.t === 'null') {
    if (!equality) {
      report(env, 'nullCompare', e.span);
      return errorIR(e.span);
    }
    return { k: 'cmp', op: cmpOp(e.op) as '==' | '!=', left, right, ...base };
  }
  if (lt.t === 'enum' && rt.t === 'enum') {
    if (lt.field !== rt.field && !(left.k === 'lit' || right.k === 'lit')) {
      report(env, 'compareTypes', e.span, { left: describeType(lt), right: describeType(rt) });
      return errorIR(e.span);
    }
    if (equality) return { k: 'cmp', op: cmpOp(e.op) as '==' | '!=', left, right, ...base };
    return orderedEnum(e, left, right, env);
  }
  if (lt.t === 'number' && rt.t === 'number') {
    if (!sameDim(left, right, e, env, '比较')) return errorIR(e.span);
    return { k: 'cmp', op: cmpOp(e.op), left, right, ...base };
  }
  if (lt.t === rt.t && (lt.t === 'date' || lt.t === 'string' || lt.t === 'boolean')) {
    if (!equality && lt.t !== 'date') {
      report(env, 'compareTypes', e.span, { left: describeType(lt), right: describeType(rt) });
      return errorIR(e.span);
    }
    return { k: 'cmp', op: cmpOp(e.op), left, right, ...base };
  }
  report(env, 'compareTypes', e.span, { left: describeType(lt), right: describeType(rt) });
  return errorIR(e.span);
}

/** `level >= municipal` → level ∈ {municipal, provincial, national}: portable, and explains itself. */
function orderedEnum(e: Extract<A.Expr, { kind: 'compare' }>, left: IR, right: IR, env: Env): IR {
  const flip: Record<string, A.CompareOp> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
  let op = e.op;
  let field = left;
  let value = right;
  if (left.k === 'lit' && right.k !== 'lit') {
    field = right;
    value = left;
    op = flip[op];
  }
  const ty = field.type as Extract<Type, { t: 'enum' }>;
  if (!ty.order) {
    report(env, 'notOrdered', e.span, { field: ty.field, op: e.op });
    return errorIR(e.span);
  }
  if (value.k !== 'lit') {
    report(env, 'notConstant', value.span, { what: '有序比较的另一侧' });
    return errorIR(e.span);
  }
  const order = ty.order;
  const idx = order.indexOf(String(value.value));
  const keep = (i: number) =>
    op === '>=' ? i >= idx : op === '>' ? i > idx : op === '<=' ? i <= idx : i < idx;
  const set = order.filter((_, i) => keep(i));
  return { k: 'in', value: field, set, type: BOOLEAN, span: e.span, written: `${op} ${value.value}` };
}

function sameDim(left: IR, right: IR, e: A.Expr, env: Env, op: string): boolean {
  const ld = (left.type as { dim: Dimension | null }).dim;
  const rd = (right.type as { dim: Dimension | null }).dim;
  if (ld === rd) return true;
  // A plain number beside a quantity: say how to write it, unless it is 0.
  const plain = ld === null ? left : rd === null ? right : null;
  const dim = ld ?? rd!;
  if (plain && plain.k === 'lit' && plain.value === 0) return true;
  if (plain && plain.k === 'lit') {
    report(env, 'unitMissing', plain.span, { unit: baseUnitName[dim], example: `${plain.value}${baseUnitName[dim]}` });
    return false;
  }
  report(env, 'unitMismatch', e.span, { left: describeType(left.type), right: describeType(right.type), op });
  return false;
}

function memberOf(e: Extract<A.Expr, { kind: 'memberOf' }>, env: Env): IR {
  const value = known(elab(e.value, env), env);
  if (isError(value)) return errorIR(e.span);
  const set: Scalar[] = [];
  let ok = true;
  for (const m of e.set) {
    let ir = elab(m, env);
    if (value.type.t === 'enum') {
      const v = enumValue(ir, value.type, env);
      if (!v) {
        ok = false;
        continue;
      }
      ir = v;
    }
    ir = known(ir, env);
    if (isError(ir)) {
      ok = false;
      continue;
    }
    if (ir.k !== 'lit') {
      report(env, 'notConstant', m.span, { what: '“属于”列出的取值' });
      ok = false;
      continue;
    }
    if (value.type.t !== 'enum' && ir.type.t !== value.type.t) {
      report(env, 'compareTypes', m.span, { left: describeType(value.type), right: describeType(ir.type) });
      ok = false;
      continue;
    }
    set.push(ir.value);
  }
  if (!ok) return errorIR(e.span);
  return { k: 'in', value, set, type: BOOLEAN, span: e.span };
}

function fullPeriod(e: Extract<A.Expr, { kind: 'fullPeriod' }>, env: Env): IR {
  const date = known(elab(e.date, env), env);
  const months = constantDuration(e.period, env);
  if (isError(date) || months === null) return errorIR(e.span);
  if (date.type.t !== 'date') {
    report(env, 'typeMismatch', e.date.span, { what: '“满”之前', expected: '日期', actual: describeType(date.type) });
    return errorIR(e.span);
  }
  // 满 N 年: the date lies at least N years before the 基准日.
  const limit = minusMonths(env.ctx.referenceDate, months);
  const right = lit(limit, DATE, e.period.span, { label: `基准日前${describeMonths(months)}` });
  return { k: 'cmp', op: '<=', left: date, right, type: BOOLEAN, span: e.span };
}

// ---------- arithmetic ----------

function arith(e: Extract<A.Expr, { kind: 'arith' }>, env: Env): IR {
  const left = known(elab(e.left, env), env);
  const right = known(elab(e.right, env), env);
  if (isError(left) || isError(right)) return errorIR(e.span);
  // 基准日 - 3年: date arithmetic on constants.
  if (left.type.t === 'date' && right.type.t === 'duration' && (e.op === '-' || e.op === '+')) {
    if (left.k === 'lit' && right.k === 'lit') {
      const months = Number(right.value) * (e.op === '-' ? 1 : -1);
      return dateInRange(minusMonths(String(left.value), months), e.span, env);
    }
    report(env, 'notConstant', e.span, { what: '日期加减' });
    return errorIR(e.span);
  }
  for (const [side, ir] of [[e.left, left], [e.right, right]] as const) {
    if (ir.type.t !== 'number') {
      report(env, 'notNumber', side.span, { what: `“${e.op}”的运算对象`, actual: describeType(ir.type) });
      return errorIR(e.span);
    }
  }
  const ld = (left.type as { dim: Dimension | null }).dim;
  const rd = (right.type as { dim: Dimension | null }).dim;
  let dim: Dimension | null;
  if (e.op === '+' || e.op === '-') {
    if (!sameDim(left, right, e, env, e.op === '+' ? '相加' : '相减')) return errorIR(e.span);
    dim = ld ?? rd;
  } else if (e.op === '*') {
    if (ld && rd) {
      report(env, 'unitProduct', e.span, { left: describeType(left.type), right: describeType(right.type) });
      return errorIR(e.span);
    }
    dim = ld ?? rd;
  } else {
    if (right.k === 'lit' && right.value === 0) {
      report(env, 'divideByZero', e.right.span);
      return errorIR(e.span);
    }
    if (rd && rd !== ld) {
      report(env, 'unitMismatch', e.span, { left: describeType(left.type), right: describeType(right.type), op: '相除' });
      return errorIR(e.span);
    }
    dim = rd ? null : ld;
  }
  const type: Type = { t: 'number', dim };
  if (left.k === 'lit' && right.k === 'lit') {
    const a = Number(left.value);
    const b = Number(right.value);
    const v = e.op === '+' ? a + b : e.op === '-' ? a - b : e.op === '*' ? a * b : a / b;
    return lit(v, type, e.span, left.display ? { display: left.display } : {});
  }
  return { k: 'arith', op: e.op, left, right, type, span: e.span };
}

// ---------- aggregations ----------

/** `achievements.contracts` → the list; `achievements.contracts.amount_yuan` → the list and the field. */
function splitListPath(path: string[]): { list: FieldInfo; rest: string[] } | null {
  for (let n = path.length; n >= 1; n--) {
    const f = lookupField(recordFields, path.slice(0, n).join('.'));
    if (f && f.type.kind === 'array') return { list: f, rest: path.slice(n) };
  }
  return null;
}

function aggregate(e: Extract<A.Expr, { kind: 'aggregate' }>, env: Env): IR {
  const names = e.list.map((n) => n.text);
  const dotted = names.join('.');
  if (env.scope.item) {
    report(env, 'outerRefInItem', e.span, { name: dotted });
    return errorIR(e.span);
  }
  const split = splitListPath(names);
  if (!split) {
    const f = lookupField(recordFields, dotted);
    if (f) report(env, 'notAList', e.span, { name: dotted });
    else {
      const lists = allFieldPaths().filter((p) => lookupField(recordFields, p)?.type.kind === 'array');
      const sug = closest(dotted, lists);
      report(env, 'unknownField', spanOfPath(e.list), { name: dotted, hint: hintFor(sug) }, sug);
    }
    return errorIR(e.span);
  }
  const listField = split.list;
  const item = (listField.type as { item: FieldInfo }).item;
  const itemEnv: Env = { ...env, scope: { item, list: listField.path } };
  const where = e.where ? condition(e.where, itemEnv, '“其中”的条件') : undefined;
  let take: IR | undefined;
  if (split.rest.length) {
    const path = split.rest.map((t) => ({ text: t, span: e.list[0].span }));
    take = resolveRef({ kind: 'ref', path, span: spanOfPath(e.list) }, itemEnv);
    if (e.take) report(env, 'duplicateEntry', e.take.span, { level: dotted, entry: '“取”' });
  } else if (e.take) {
    take = numeric(e.take, itemEnv, '“取”的值');
  }
  if (take && !isError(take) && take.type.t !== 'number') {
    report(env, 'notNumber', take.span, { what: '合计或最大的值', actual: describeType(take.type) });
    take = errorIR(take.span);
  }
  const needsTake = e.agg === 'sum' || e.agg === 'max';
  if (needsTake && !take) {
    report(env, 'typeMismatch', e.span, { what: `${e.agg === 'sum' ? '合计' : '最大'}的对象`, expected: '数值字段（如 achievements.contracts.amount_yuan）或“取 …”', actual: describeType({ t: 'list', field: listField }) });
    return errorIR(e.span);
  }
  let window: Window | undefined;
  let dateField: string | undefined;
  if (e.window) {
    dateField = env.ctx.dateFields.get(listField.path);
    if (!dateField) {
      report(env, 'noDateField', e.window.span, { list: listField.path });
      return errorIR(e.span);
    }
    const w = resolveWindow(e.window, env);
    if (w === null) return errorIR(e.span);
    window = w;
  }
  if ([where, take].some((x) => x && isError(x))) return errorIR(e.span);
  const type: Type = e.agg === 'exists' || e.agg === 'all' ? BOOLEAN : e.agg === 'count' ? NUMBER : take!.type;
  return {
    k: 'agg', agg: e.agg, list: listField.path, listLabel: listField.label, dateField, where, window, take, type, span: e.span
  };
}

function spanOfPath(path: A.Name[]): A.Span {
  const a = path[0].span;
  const b = path[path.length - 1].span;
  return { ...a, end: b.end, endLine: b.endLine, endCol: b.endCol };
}

export function resolveWindow(name: A.Name, env: Env): Window | null {
  const w = env.ctx.windows.get(name.text);
  if (!w) {
    const sug = closest(name.text, env.ctx.windows.keys());
    report(env, 'unknownWindow', name.span, { name: name.text, hint: hintFor(sug) }, sug);
    return null;
  }
  w.used = true;
  if (w.value !== undefined) return w.value;
  if (w.busy) {
    report(env, 'recursiveDefinition', name.span, { name: name.text });
    return null;
  }
  w.busy = true;
  const recordEnv: Env = { ...env, scope: { item: null }, params: new Map(), stack: [] };
  const label = w.decl.label?.text ?? w.decl.name.text;
  const from = windowStart(w.decl.window, recordEnv);
  w.busy = false;
  w.value = from === undefined ? null : { from, to: env.ctx.referenceDate, label, span: w.decl.span };
  return w.value;
}

/** The inclusive first day of a window (null: unbounded); undefined when the window has an error. */
function windowStart(w: A.WindowExpr, env: Env): IR | null | undefined {
  switch (w.kind) {
    case 'recent': {
      const months = constantDuration(w.period, env);
      if (months === null) return undefined;
      // 近3年 = after 基准日 minus 3 years: the first day is the day after.
      const first = plusDays(minusMonths(env.ctx.referenceDate, months), 1);
      return lit(first, DATE, w.span, { label: `近${describeMonths(months)}起始日` });
    }
    case 'since': {
      const from = known(elab(w.from, env), env);
      if (isError(from)) return undefined;
      if (from.type.t !== 'date') {
        report(env, 'typeMismatch', w.from.span, { what: '“自”之后', expected: '日期', actual: describeType(from.type) });
        return undefined;
      }
      return from;
    }
    case 'conditional': {
      const cond = condition(w.cond, env, '“若”之后');
      const a = windowStart(w.then, env);
      const b = windowStart(w.else, env);
      if (a === undefined || b === undefined || isError(cond)) return undefined;
      const open = (x: IR | null) => x ?? lit('0000-01-01', DATE, w.span);
      return { k: 'if', cond, then: open(a), else: open(b), type: DATE, span: w.span };
    }
    case 'allTime': return null;
    default: {
      const never: never = w;
      return never;
    }
  }
}

// ---------- case tables ----------

function caseExpr(e: Extract<A.Expr, { kind: 'case' }>, env: Env): IR {
  const arms = e.arms.map((a) => ({ when: condition(a.when, env, '情形的条件'), then: numeric(a.then, env, '情形的值'), span: a.span }));
  const other = e.otherwise ? numeric(e.otherwise, env, '“其他”的值') : undefined;
  const values = [...arms.map((a) => a.then), ...(other ? [other] : [])].filter((v) => !isError(v));
  const dim = (values[0]?.type as { dim?: Dimension | null } | undefined)?.dim ?? null;
  for (const v of values) {
    if ((v.type as { dim: Dimension | null }).dim !== dim) {
      report(env, 'unitMismatch', v.span, { left: describeType(values[0].type), right: describeType(v.type), op: '并列' });
      return errorIR(e.span);
    }
  }
  const type: Type = { t: 'number', dim };
  let result: IR = other ?? lit(0, type, e.span);
  for (let i = arms.length - 1; i >= 0; i--) {
    result = { k: 'if', cond: arms[i].when, then: arms[i].then, else: result, type, span: arms[i].span };
  }
  return result;
}

export { errorIR, isError, lit };
