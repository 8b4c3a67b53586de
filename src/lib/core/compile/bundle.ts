// The checked model → the bundle. Each level's verdict, route and score are composed from the same
// part logic that explanations evaluate, so a verdict and its explanation cannot disagree.
import type { Span } from '../../../../grammar/ast.ts';
import type { IR } from '../ir.ts';
import type { ComponentModel, LevelModel, RuleModel, StandardSetModel } from '../model.ts';
import { recordSchema } from '../records/schema.ts';
import { baseUnitName, type Dimension } from '../check/units.ts';
import type { Bundle, BundleComponent, BundleLevel, BundleRule, Figure, ListMatch, Src, ValueKind } from './bundle-types.ts';
import { fold, matches, toLogic, type Logic } from './logic.ts';

export function src(span: Span): Src {
  return { file: span.file, line: span.line, col: span.col, endLine: span.endLine, endCol: span.endCol };
}

export function compileBundle(model: StandardSetModel): Bundle {
  return {
    format: 'stdc-bundle@1',
    meta: model.meta,
    procedure: model.committees.map((c) => ({ name: c.name, label: c.label, params: c.params })),
    recordSchema,
    levels: model.levels.map(level)
  };
}

const all = (xs: Logic[]): Logic => (xs.length === 1 ? xs[0] : { and: xs });
const any = (xs: Logic[]): Logic => (xs.length === 1 ? xs[0] : { or: xs });
const countTrue = (xs: Logic[]): Logic => ({ '+': xs.map((x) => ({ if: [x, 1, 0] })) });

function level(l: LevelModel): BundleLevel {
  const gates = l.gates.rules.map(rule);
  const regular = l.regular ? l.regular.lines.map(rule) : [];
  const directReq = l.direct ? l.direct.requires.map(rule) : [];
  const directLines = l.direct ? l.direct.lines.map(rule) : [];
  const items = l.performance.items.map(rule);
  const components = l.scoring.components.map(component);

  const gatesOk = all(gates.map((g) => g.logic));
  const regularOk = regular.length ? any(regular.map((r) => r.logic)) : false;
  const directOk = l.direct ? all([...directReq.map((r) => r.logic), any(directLines.map((r) => r.logic))]) : false;
  const met = countTrue(items.map((i) => i.logic));
  const total = { '+': components.map((c) => c.points) };
  // Ineligible (a gate fails) means no route open and no score reported (policy section 6).
  const ineligible = { '!': [gatesOk] };
  const route = { if: [ineligible, null, regularOk, 'regular', directOk, 'direct', null] };
  const score = { if: [ineligible, null, total] };
  const passes = { and: [{ or: [regularOk, directOk] }, { '>=': [met, l.performance.need] }, { '>=': [total, l.scoring.minimum] }] };
  const verdict = { if: [ineligible, 'ineligible', passes, 'pass', 'fail'] };

  return {
    name: l.name, src: src(l.span), code: l.code, tier: l.tier, postGrades: l.postGrades, committee: l.committee, methods: l.methods,
    gates: { label: l.gates.label, rules: gates, src: src(l.gates.span) },
    routes: {
      regular: l.regular ? { label: l.regular.label, lines: regular, src: src(l.regular.span) } : null,
      direct: l.direct ? { label: l.direct.label, requires: directReq, lines: directLines, src: src(l.direct.span) } : null
    },
    performance: { label: l.performance.label, need: l.performance.need, items, met, src: src(l.performance.span) },
    scoring: { label: l.scoring.label, minimum: l.scoring.minimum, components, src: src(l.scoring.span) },
    verdict, route, score
  };
}

function rule(r: RuleModel): BundleRule {
  return {
    ...(r.id ? { id: r.id } : {}),
    label: r.label,
    ...(r.reason ? { reason: r.reason } : {}),
    logic: toLogic(r.ir),
    figures: figures(r.ir, r.label, 0),
    lists: lists(r.ir),
    src: src(r.span)
  };
}

function component(c: ComponentModel): BundleComponent {
  const raw = toLogic(c.ir);
  return {
    id: c.id, label: c.label, cap: c.cap, raw,
    points: c.cap === null ? raw : { min: [raw, c.cap] },
    lists: lists(c.ir),
    src: src(c.span)
  };
}

// ---------- explanation material ----------

function kindOf(ir: IR): ValueKind {
  switch (ir.type.t) {
    case 'number': return 'number';
    case 'date': return 'date';
    case 'enum': return 'enum';
    case 'boolean': return 'boolean';
    case 'null': return 'null';
    default: return 'string';
  }
}

export function unitOf(...irs: IR[]): Figure['unit'] {
  for (const ir of irs) if (ir.display) return { name: ir.display.unit, factor: ir.display.factor };
  for (const ir of irs) {
    const dim = (ir.type as { dim?: Dimension | null }).dim;
    if (dim) return { name: baseUnitName[dim], factor: 1 };
  }
  if (irs.some((ir) => ir.k === 'agg' && ir.agg === 'count')) return { name: '项', factor: 1 };
  if (irs.some((ir) => ir.k === 'arith' && (ir.left.k === 'agg' || ir.right.k === 'agg'))) return { name: '项', factor: 1 };
  return undefined;
}

export function labelOf(ir: IR): string {
  if (ir.label) return ir.label;
  if (ir.k === 'agg') return ir.take?.label ? `${ir.listLabel}${ir.take.label}合计` : ir.listLabel;
  if (ir.k === 'field') return ir.path;
  return '计算值';
}

function figure(label: string, ir: IR, value: Logic, op: string, target: Logic, unitIrs: IR[]): Figure {
  const enumLabels = ir.type.t === 'enum' ? ir.type.labels : undefined;
  const unit = unitOf(...unitIrs);
  return { label, value, op, target, kind: kindOf(ir), ...(unit ? { unit } : {}), ...(enumLabels ? { enumLabels } : {}), src: src(ir.span) };
}

/** The leaves of a condition's and/or tree, each as the applicant's figure beside its requirement. */
function figures(ir: IR, ruleLabel: string, depth: number): Figure[] {
  if (depth > 0 && ir.atomic) {
    return [{ label: ir.label ?? ruleLabel, value: toLogic(ir), op: '=', target: true, kind: 'boolean', src: src(ir.span) }];
  }
  switch (ir.k) {
    case 'and': case 'or': return ir.args.flatMap((a) => figures(a, ruleLabel, depth + 1));
    case 'cmp': return [figure(labelOf(ir.left), ir.left, toLogic(ir.left), ir.op === '==' ? '=' : ir.op, toLogic(ir.right), [ir.right, ir.left])];
    case 'in': return [figure(labelOf(ir.value), ir.value, toLogic(ir.value), ir.written ? ir.written.split(' ')[0] : '属于', ir.written ? ir.written.split(' ')[1] : ir.set, [ir.value])];
    case 'startsWith': return [figure(labelOf(ir.value), ir.value, toLogic(ir.value), '开头是', ir.prefix, [])];
    case 'agg': {
      if (ir.agg === 'exists') return [countFigure(ir, '>=', 1, false)];
      if (ir.agg === 'all') return [countFigure(ir, '=', 0, true)];
      return [];
    }
    case 'not':
      if (ir.arg.k === 'agg' && ir.arg.agg === 'exists') return [countFigure(ir.arg, '=', 0, false)];
      return figures(ir.arg, ruleLabel, depth + 1);
    default:
      return [{ label: ir.label ?? ruleLabel, value: toLogic(ir), op: '=', target: true, kind: 'boolean', src: src(ir.span) }];
  }
}

function countFigure(ir: Extract<IR, { k: 'agg' }>, op: string, target: number, negate: boolean): Figure {
  const label = ir.label && ir.label !== ir.listLabel ? ir.label : `符合条件的${ir.listLabel}`;
  return { label: negate ? `不符合条件的${ir.listLabel}` : label, value: fold(ir, 'count', negate), op, target, kind: 'number', unit: { name: '项', factor: 1 }, src: src(ir.span) };
}

/** Every aggregation in a condition or a score component, with the items it counts. */
function lists(ir: IR): ListMatch[] {
  const out: ListMatch[] = [];
  const walk = (n: IR): void => {
    switch (n.k) {
      case 'agg':
        out.push({
          list: n.list, label: n.label && n.label !== n.listLabel ? n.label : n.listLabel, matches: matches(n),
          ...(n.take ? { take: toLogic(n.take, { prefix: '' }), unit: itemUnit(n.take) } : {}), src: src(n.span)
        });
        return;
      case 'not': walk(n.arg); return;
      case 'floor': walk(n.arg); return;
      case 'and': case 'or': case 'min': n.args.forEach(walk); return;
      case 'cmp': case 'arith': walk(n.left); walk(n.right); return;
      case 'in': case 'startsWith': walk(n.value); return;
      case 'if': walk(n.cond); walk(n.then); walk(n.else); return;
      case 'lit': case 'field': return;
      default: {
        const never: never = n;
        void never;
      }
    }
  };
  walk(ir);
  return out;
}

/** Amounts of single items print in 万元, hours in 学时, points in 分. */
function itemUnit(take: IR): { name: string; factor: number } | undefined {
  const dim = (take.type as { dim?: Dimension | null }).dim;
  if (dim === 'money') return { name: '万元', factor: 10_000 };
  return dim ? { name: baseUnitName[dim], factor: 1 } : undefined;
}
