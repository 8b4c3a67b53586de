// The kinds of achievement an applicant could add, derived from a compiled level and the record schema: per
// achievement list, every combination of the values its rules tell apart (enum values; around each number the
// rules compare an integer field with), dated on the 基准日 (inside every window, which all end there). Two kinds
// that every aggregation of the level counts alike are one kind. Amount fields that some rule adds up (元, 学时)
// are left open: the search chooses them.
import type { BundleLevel, ListMatch } from '../compile/bundle-types.ts';
import { recordSchema, type SchemaNode } from '../records/schema.ts';
import { compileLogic } from '../evaluate/jsonlogic.ts';

export interface Template {
  list: string;
  listLabel: string;
  /** The item with its open amount fields at 0. */
  item: Record<string, unknown>;
  /** Open amount fields and their unit. */
  open: { field: string; unit: '元' | '学时' }[];
  /** Fields the level's rules read, with the chosen value (for the description). */
  relevant: string[];
}

const ACHIEVEMENTS = 'achievements';
/** Text fields of an added item (names, registration numbers): numbered when added, as some must be unique. */
export const NEW_TEXT = '（新增）';

function levelLists(l: BundleLevel): ListMatch[] {
  const rules = [...l.gates.rules, ...(l.routes.regular?.lines ?? []), ...(l.routes.direct?.requires ?? []), ...(l.routes.direct?.lines ?? []), ...l.performance.items];
  return [...rules.flatMap((r) => r.lists), ...l.scoring.components.flatMap((c) => c.lists)];
}

/** Every `var` path in some logic, with `current.` taken off (inside reduce steps). */
function varsOf(x: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(x)) x.forEach((y) => varsOf(y, out));
  else if (x && typeof x === 'object') {
    for (const [k, v] of Object.entries(x)) {
      if (k === 'var' && typeof v === 'string') out.add(v.replace(/^current\./, ''));
      else if (k === 'var' && Array.isArray(v) && typeof v[0] === 'string') out.add(v[0].replace(/^current\./, ''));
      varsOf(v, out);
    }
  }
  return out;
}

/** Numbers compared with a field in some logic: `{ "<=": [{ "var": "rank" }, 5] }` gives 5 for rank. */
function numbersNear(x: unknown, field: string, out = new Set<number>()): Set<number> {
  if (Array.isArray(x)) x.forEach((y) => numbersNear(y, field, out));
  else if (x && typeof x === 'object') {
    for (const v of Object.values(x)) {
      if (Array.isArray(v) && v.length === 2) {
        const [a, b] = v;
        const isField = (y: unknown) => varsOf(y).has(field) && typeof y === 'object' && y !== null && 'var' in y;
        if (isField(a) && typeof b === 'number') out.add(b);
        if (isField(b) && typeof a === 'number') out.add(a);
      }
      numbersNear(v, field, out);
    }
  }
  return out;
}

function listSchema(list: string): SchemaNode | undefined {
  const [root, name] = list.split('.');
  if (root !== ACHIEVEMENTS) return undefined;
  return recordSchema.properties?.[ACHIEVEMENTS]?.properties?.[name];
}

function product<T>(choices: [string, T[]][]): Record<string, T>[] {
  let out: Record<string, T>[] = [{}];
  for (const [k, vs] of choices) out = out.flatMap((o) => vs.map((v) => ({ ...o, [k]: v })));
  return out;
}

/** The record with one list of achievements replaced by `items`. */
export function withList(record: Record<string, unknown>, list: string, items: unknown[]): Record<string, unknown> {
  const name = list.split('.')[1];
  const ach = (record[ACHIEVEMENTS] ?? {}) as Record<string, unknown>;
  return { ...record, [ACHIEVEMENTS]: { ...ach, [name]: items } };
}

/** The kinds of achievement worth adding for a level, one per way the level's rules count an item. */
export function templatesFor(l: BundleLevel, referenceDate: string, record: Record<string, unknown>): Template[] {
  const byList = new Map<string, ListMatch[]>();
  for (const m of levelLists(l)) if (listSchema(m.list)) byList.set(m.list, [...(byList.get(m.list) ?? []), m]);
  const out: Template[] = [];
  for (const [list, matches] of byList) {
    const schema = listSchema(list)!;
    const props = schema.items?.properties ?? {};
    const read = new Set<string>();
    for (const m of matches) for (const v of varsOf([m.matches, m.take ?? null])) read.add(v);
    const open: Template['open'] = [];
    const choices: [string, unknown[]][] = [];
    const base: Record<string, unknown> = {};
    for (const [field, p] of Object.entries(props)) {
      const relevant = read.has(field);
      if (p['x-unit']) {
        base[field] = 0;
        if (relevant) open.push({ field, unit: p['x-unit'] });
      } else if (p.enum) {
        if (relevant) choices.push([field, p.enum]);
        else base[field] = p.enum[0];
      } else if (p.type === 'integer') {
        const min = p.minimum ?? 0;
        const near = [...new Set([...matches].flatMap((m) => [...numbersNear([m.matches, m.take ?? null], field)]))];
        const cands = relevant ? [...new Set([min, ...near.flatMap((n) => [n - 1, n, n + 1])])].filter((n) => n >= min).sort((a, b) => a - b) : [min];
        choices.push([field, cands]);
      } else if (p.format === 'date') base[field] = referenceDate;
      else if (p.type === 'boolean') base[field] = false;
      else base[field] = NEW_TEXT;
    }
    const compiled = matches.map((m) => ({ matches: compileLogic(m.matches), take: m.take !== undefined ? compileLogic(m.take) : null }));
    const seen = new Set<string>();
    for (const combo of product(choices)) {
      const item = { ...base, ...combo };
      const probe = { ...item };
      for (const o of open) probe[o.field] = 1;
      const rec = withList(record, list, [probe]);
      const sig = compiled.map((c) => {
        // A list match's value is a mask with one character per item, "1" where the item counted.
        const found = c.matches(rec);
        const hit = typeof found === 'string' && found.includes('1');
        return hit ? (c.take ? JSON.stringify(c.take(probe)) : 1) : 0;
      });
      if (sig.every((s) => s === 0)) continue;
      const key = JSON.stringify(sig);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ list, listLabel: schema.title ?? list, item, open, relevant: Object.keys(combo) });
    }
  }
  return out;
}
