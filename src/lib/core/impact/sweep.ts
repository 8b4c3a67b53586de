// Threshold sweep: one number of the standard (a threshold, a minimum score, the N of an N-of-M, a cap), picked
// by its source position, run across a range of values; the pass count per level at each value.
// The set is compiled once with that number as a parameter (`{ "var": PARAM }`, read from a cell by the fast
// evaluator), so each applicant's sums are computed once and only what depends on the number once per step.
// A number inside a list item's condition (rank <= 5) cannot be a root-scope variable: such a sweep recompiles
// per step (`parametrised: false`), slower and equally exact.
import type { SourceFileAst } from '../../../../grammar/ast.ts';
import type { IR } from '../ir.ts';
import type { StandardSetModel } from '../model.ts';
import type { Bundle } from '../compile/bundle-types.ts';
import { compileBundle, labelOf, unitOf } from '../compile/bundle.ts';
import { compiledBundle } from '../evaluate/evaluate.ts';
import { Plan } from '../evaluate/plan.ts';
import { validateRecord } from '../records/index.ts';
import { formatValue } from '../evaluate/format.ts';

export const PARAM = '$stdc.sweep';

export interface SweepTarget {
  kind: 'literal' | 'need' | 'minimum' | 'cap';
  /** "副研究员 A 促成技术合同成交额 门槛" */
  label: string;
  /** The value written, in base units (元, 学时, 分, 项). */
  value: number;
  unit?: { name: string; factor: number };
  /** The levels whose verdict can change. */
  levels: string[];
  /** Compiled once as a parameter (true) or recompiled per step (false). */
  parametrised: boolean;
  /** For a cap: the score component's id. */
  component?: string;
  /** Where the number is written: file and offsets. */
  file: string;
  start: number;
  end: number;
}

interface Hit {
  ir: Extract<IR, { k: 'lit' }>;
  level: string;
  title: string;
  subject: string;
  unit?: { name: string; factor: number };
  itemScope: boolean;
  /** In a score component (a points factor or a divisor, not a pass threshold). */
  component: boolean;
}

type Span = { file: string; start: number; end: number };
const inside = (s: Span, file: string, offset: number) => s.file === file && s.start <= offset && offset <= s.end;
const sameSpan = (a: Span, b: Span) => a.file === b.file && a.start === b.start && a.end === b.end;

/** Every numeric literal of the model, with where it sits (in a list item's condition or at the record). */
function eachLiteral(model: StandardSetModel, visit: (h: Hit) => void): void {
  const walk = (ir: IR, ctx: Omit<Hit, 'ir' | 'itemScope' | 'unit'>, itemScope: boolean, siblings: IR[]): void => {
    switch (ir.k) {
      case 'lit':
        if (typeof ir.value === 'number') visit({ ir, ...ctx, unit: ir.display ? { name: ir.display.unit, factor: ir.display.factor } : unitOf(ir, ...siblings), itemScope });
        return;
      case 'field': return;
      case 'not': walk(ir.arg, ctx, itemScope, siblings); return;
      // floor(x / b) is compiled with b's value inside a reduce step: not a root-scope place
      case 'floor': walk(ir.arg, ctx, true, siblings); return;
      case 'and': case 'or': case 'min': ir.args.forEach((a) => walk(a, ctx, itemScope, siblings)); return;
      case 'cmp': {
        const c = { ...ctx, subject: labelOf(ir.left.k === 'lit' ? ir.right : ir.left) };
        walk(ir.left, c, itemScope, [ir.right]);
        walk(ir.right, c, itemScope, [ir.left]);
        return;
      }
      case 'arith': walk(ir.left, ctx, itemScope, [ir.right]); walk(ir.right, ctx, itemScope, [ir.left]); return;
      case 'in': case 'startsWith': walk(ir.value, ctx, itemScope, siblings); return;
      case 'if': walk(ir.cond, ctx, itemScope, []); walk(ir.then, ctx, itemScope, siblings); walk(ir.else, ctx, itemScope, siblings); return;
      case 'agg':
        if (ir.where) walk(ir.where, ctx, true, []);
        if (ir.take) walk(ir.take, ctx, true, []);
        if (ir.window?.from) walk(ir.window.from, ctx, itemScope, []);
        return;
      default: {
        const never: never = ir;
        void never;
      }
    }
  };
  for (const l of model.levels) {
    const rules = [...l.gates.rules, ...(l.regular?.lines ?? []), ...(l.direct?.requires ?? []), ...(l.direct?.lines ?? []), ...l.performance.items];
    for (const r of rules) walk(r.ir, { level: l.name, title: r.id ? `${r.id} ${r.label}` : r.label, subject: r.label, component: false }, false, []);
    for (const c of l.scoring.components) walk(c.ir, { level: l.name, title: `${c.id} ${c.label}`, subject: c.label, component: true }, false, []);
  }
}

/** The sweepable number at a source position (offset in `file`), or null when there is none. */
export function sweepTargetAt(files: SourceFileAst[], model: StandardSetModel, file: string, offset: number): SweepTarget | null {
  const ast = files.find((f) => f.span.file === file);
  for (const d of ast?.decls ?? []) {
    if (d.kind === 'level') {
      for (const e of d.entries) {
        const level = model.levels.find((l) => l.name === d.name.text);
        if (!level) continue;
        const at = { file, start: 0, end: 0, levels: [level.name], parametrised: true };
        if (e.kind === 'performance' && inside(e.need.span, file, offset)) {
          return { kind: 'need', label: `${level.name} ${level.performance.label} 项数`, value: level.performance.need, unit: { name: '项', factor: 1 }, ...at, start: e.need.span.start, end: e.need.span.end };
        }
        if (e.kind === 'scoreRef' && inside(e.minimum.span, file, offset)) {
          return { kind: 'minimum', label: `${level.name} ${level.scoring.label} 最低分`, value: level.scoring.minimum, unit: { name: '分', factor: 1 }, ...at, start: e.minimum.span.start, end: e.minimum.span.end };
        }
      }
    }
    if (d.kind === 'scoreTable') {
      for (const c of d.components) {
        if (!c.cap || !inside(c.cap.span, file, offset)) continue;
        const levels = model.levels.filter((l) => l.scoring.components.some((x) => sameSpan(x.span, c.span)));
        const comp = levels[0]?.scoring.components.find((x) => sameSpan(x.span, c.span));
        if (!comp || comp.cap === null) return null;
        return { kind: 'cap', label: `${comp.id} ${comp.label} 上限`, value: comp.cap, component: comp.id, unit: { name: '分', factor: 1 }, levels: levels.map((l) => l.name), parametrised: true, file, start: c.cap.span.start, end: c.cap.span.end };
      }
    }
  }
  const hits: Hit[] = [];
  eachLiteral(model, (h) => {
    if (inside(h.ir.span, file, offset)) hits.push(h);
  });
  if (!hits.length) return null;
  // the innermost literal under the cursor, with every copy of it (a definition used by several clauses)
  const best = hits.reduce((a, b) => (b.ir.span.end - b.ir.span.start < a.ir.span.end - a.ir.span.start ? b : a));
  const same = hits.filter((h) => sameSpan(h.ir.span, best.ir.span));
  const levels = [...new Set(same.map((h) => h.level))];
  const where = levels.length === 1 ? `${best.level} ${best.title}` : best.subject;
  return {
    kind: 'literal', label: `${where}${best.subject !== best.title.replace(/^\S+ /, '') ? ` ${best.subject}` : ''} ${best.component ? '参数' : '门槛'}`, value: best.ir.value as number,
    ...(best.unit ? { unit: best.unit } : {}), levels, parametrised: same.every((h) => !h.itemScope),
    file: best.ir.span.file, start: best.ir.span.start, end: best.ir.span.end
  };
}

/** The model with the target's number set to `value` (a copy). */
export function withValue(model: StandardSetModel, t: SweepTarget, value: number | string): StandardSetModel {
  const m: StandardSetModel = structuredClone(model);
  for (const l of m.levels) {
    if (!t.levels.includes(l.name)) continue;
    if (t.kind === 'need') l.performance.need = value as number;
    if (t.kind === 'minimum') l.scoring.minimum = value as number;
    if (t.kind === 'cap') for (const c of l.scoring.components) if (c.id === t.component) c.cap = value as number;
  }
  if (t.kind === 'literal') {
    eachLiteral(m, (h) => {
      if (h.ir.span.file === t.file && h.ir.span.start === t.start && h.ir.span.end === t.end) (h.ir as { value: unknown }).value = value;
    });
  }
  return m;
}

const SENTINEL = '\u0000stdc-sweep-parameter';

/** Replace the sentinel wherever the compiler put it by `{ "var": PARAM }` (a fresh bundle: safe to mutate). */
function parametrise(x: unknown): unknown {
  if (x === SENTINEL) return { var: PARAM };
  if (Array.isArray(x)) {
    for (let i = 0; i < x.length; i++) x[i] = parametrise(x[i]);
    return x;
  }
  if (x && typeof x === 'object') for (const k of Object.keys(x)) (x as Record<string, unknown>)[k] = parametrise((x as Record<string, unknown>)[k]);
  return x;
}

/** The bundle with the target as a parameter: one compilation for every step. */
export function parametrisedBundle(model: StandardSetModel, t: SweepTarget): Bundle {
  if (!t.parametrised) throw new Error('this number sits in a list item condition; sweep it by recompiling');
  return parametrise(compileBundle(withValue(model, t, SENTINEL))) as Bundle;
}

export interface SweepResult {
  target: SweepTarget;
  values: number[];
  applicants: number;
  /** Per level, the pass count at each value. */
  levels: { level: string; pass: number[] }[];
}

/** `steps` values from `from` to `to` (inclusive), rounded to whole base units (and whole items for N). */
export function range(from: number, to: number, steps: number): number[] {
  if (steps <= 1) return [from];
  const out: number[] = [];
  for (let i = 0; i < steps; i++) out.push(Math.round(from + ((to - from) * i) / (steps - 1)));
  return out;
}

function validRecords(records: Iterable<unknown>, referenceDate: string): unknown[] {
  const out: unknown[] = [];
  for (const r of records) if (validateRecord(r, referenceDate).ok) out.push(r);
  return out;
}

/** The sweep, compiled once. Records that do not validate are left out. */
export function sweep(model: StandardSetModel, t: SweepTarget, records: Iterable<unknown>, values: number[]): SweepResult {
  const valid = validRecords(records, model.meta.referenceDate);
  const levels = model.levels.filter((l) => t.levels.includes(l.name)).map((l) => l.name);
  const counts = levels.map(() => new Array(values.length).fill(0));
  if (!t.parametrised) return recompiled(model, t, valid, values, levels);
  const bundle = parametrisedBundle(model, t);
  const cell = { value: values[0] as unknown };
  const plan = new Plan({ path: PARAM, cell });
  const verdicts = levels.map((name) => plan.compile(bundle.levels.find((l) => l.name === name)!.verdict));
  for (const record of valid) {
    plan.begin(record);
    for (let i = 0; i < values.length; i++) {
      cell.value = values[i];
      plan.step();
      for (let j = 0; j < verdicts.length; j++) if (verdicts[j](record) === 'pass') counts[j][i]++;
    }
  }
  return { target: t, values, applicants: valid.length, levels: levels.map((level, j) => ({ level, pass: counts[j] })) };
}

/** The same sweep by compiling the set once per value: the reference the parametrised sweep is tested against. */
export function recompiled(model: StandardSetModel, t: SweepTarget, records: unknown[], values: number[], levels = t.levels): SweepResult {
  const counts = levels.map(() => new Array(values.length).fill(0));
  values.forEach((v, i) => {
    const bundle = compileBundle(withValue(model, t, v));
    const c = compiledBundle(bundle);
    const verdicts = levels.map((name) => c.levels[bundle.levels.findIndex((l) => l.name === name)].verdict);
    for (const record of records) {
      c.begin(record);
      for (let j = 0; j < verdicts.length; j++) if (verdicts[j](record) === 'pass') counts[j][i]++;
    }
  });
  return { target: t, values, applicants: records.length, levels: levels.map((level, j) => ({ level, pass: counts[j] })) };
}

/** A value as written: 400万元, 3项, 55分. */
export function targetValueText(t: SweepTarget, v: number): string {
  return formatValue(v, { kind: 'number', unit: t.unit });
}

/** Every sweepable number of a set, one per place: each level's N and minimum score, each cap, each threshold. */
export function sweepTargets(files: SourceFileAst[], model: StandardSetModel): SweepTarget[] {
  const out: SweepTarget[] = [];
  const seen = new Set<string>();
  const add = (file: string, offset: number) => {
    const t = sweepTargetAt(files, model, file, offset);
    const key = t && `${t.file}:${t.start}:${t.end}`;
    if (t && key && !seen.has(key)) (seen.add(key), out.push(t));
  };
  for (const f of files) {
    for (const d of f.decls) {
      if (d.kind === 'level') for (const e of d.entries) {
        if (e.kind === 'performance') add(f.span.file, e.need.span.start);
        if (e.kind === 'scoreRef') add(f.span.file, e.minimum.span.start);
      }
      if (d.kind === 'scoreTable') for (const c of d.components) if (c.cap) add(f.span.file, c.cap.span.start);
    }
  }
  eachLiteral(model, (h) => {
    if (!h.itemScope) add(h.ir.span.file, h.ir.span.start);
  });
  return out;
}
