// The nearest qualifying path: for an applicant who fails a level, the smallest set of achievements to add so
// that the level's own compiled verdict says "pass". "Smallest" is lexicographic: fewest added items, then the
// smallest added amount in 元, then the fewest added 学时. Added items are dated on the 基准日 and built from the
// kinds templates.ts derives from the rules, so the search is the same for any standard set.
//
// The search: k = 1, 2, … items; every multiset of k kinds is tried with its open amounts at a bound (a
// multiset that fails even so is out); for those that pass, each open amount is brought down by bisection to
// the least whole value that still passes, 元 before 学时. Exact when passing never gets harder with a larger
// amount and, per unit, one added item can carry the whole amount (true of the 2026 set: every rule adds
// amounts up and compares the sum with >=); the property test brute-forces small cases to hold it to that.
import type { Bundle } from '../compile/bundle-types.ts';
import { compiledBundle, evaluateRecord } from '../evaluate/evaluate.ts';
import { formatValue } from '../evaluate/format.ts';
import { recordSchema } from '../records/schema.ts';
import { NEW_TEXT, templatesFor, withList, type Template } from './templates.ts';

export const MAX_ITEMS = 6;
const BOUND: Record<'元' | '学时', number> = { 元: 10_000_000_000, 学时: 100_000 };

export interface AddedItem {
  list: string;
  listLabel: string;
  item: Record<string, unknown>;
  /** "技术合同（合同角色：主持，成交金额 180万元）" */
  text: string;
}

export interface NearestPath {
  level: string;
  /** passes: nothing to add; path: `items` does it; unreachable: no added achievement can; beyond: more than MAX_ITEMS. */
  status: 'passes' | 'path' | 'unreachable' | 'beyond';
  items: AddedItem[];
  yuan: number;
  hours: number;
  /** "新增 1 项技术合同（合同角色：主持，成交金额 180万元）" */
  text: string;
  /** Unreachable: why, even with every kind of achievement added (the failed gates or route). */
  reasons?: string[];
  /** Other paths of the same number of items (different kinds), cheapest first. */
  alternatives: { items: AddedItem[]; yuan: number; hours: number; text: string }[];
}

interface Candidate {
  kinds: number[];
  amounts: number[][];
  yuan: number;
  hours: number;
}

type Rec = Record<string, unknown>;

function listItems(record: Rec, list: string): unknown[] {
  const v = (record.achievements as Rec | undefined)?.[list.split('.')[1]];
  return Array.isArray(v) ? v : [];
}

/** The record with these items added (amounts: per item, per open field). */
export function applyAdded(record: Rec, added: { list: string; item: Rec }[]): Rec {
  let out = record;
  const lists = [...new Set(added.map((a) => a.list))];
  for (const list of lists) out = withList(out, list, [...listItems(out, list), ...added.filter((a) => a.list === list).map((a) => a.item)]);
  return out;
}

function fieldLabel(list: string, field: string): { title: string; labels?: Record<string, string>; unit?: string } {
  const p = recordSchema.properties?.achievements?.properties?.[list.split('.')[1]]?.items?.properties?.[field];
  return { title: p?.title ?? field, labels: p?.['x-enum-labels'], unit: p?.['x-unit'] };
}

export function describeItem(t: Template, item: Rec): string {
  const parts: string[] = [];
  for (const f of t.relevant) {
    const l = fieldLabel(t.list, f);
    parts.push(`${l.title}：${formatValue(item[f], { kind: typeof item[f] === 'number' ? 'number' : 'enum', enumLabels: l.labels })}`);
  }
  for (const o of t.open) {
    const v = item[o.field] as number;
    if (!v) continue;
    const unit = o.unit === '元' ? { name: '万元', factor: 10_000 } : { name: '学时', factor: 1 };
    parts.push(`${fieldLabel(t.list, o.field).title} ${formatValue(v, { kind: 'number', unit })}`);
  }
  return `${t.listLabel}${parts.length ? `（${parts.join('，')}）` : ''}`;
}

function pathText(items: AddedItem[]): string {
  const groups = new Map<string, number>();
  for (const i of items) groups.set(i.text, (groups.get(i.text) ?? 0) + 1);
  return [...groups].map(([text, n]) => `新增 ${n} 项${text}`).join('；');
}

/** Multisets of k indices from [0, n): non-decreasing sequences, in lexicographic order. */
function* multisets(n: number, k: number): Generator<number[]> {
  const idx = new Array(k).fill(0);
  if (n === 0) return;
  while (true) {
    yield idx.slice();
    let i = k - 1;
    while (i >= 0 && idx[i] === n - 1) i--;
    if (i < 0) return;
    idx[i]++;
    for (let j = i + 1; j < k; j++) idx[j] = idx[i];
  }
}

export function nearestPath(bundle: Bundle, levelName: string, record: Rec): NearestPath {
  const li = bundle.levels.findIndex((l) => l.name === levelName);
  if (li < 0) throw new Error(`no level ${levelName}`);
  const level = bundle.levels[li];
  const verdict = compiledBundle(bundle).levels[li].verdict;
  const passes = (r: Rec) => verdict(r) === 'pass';
  const empty = { items: [], yuan: 0, hours: 0, alternatives: [] };
  if (passes(record)) return { level: levelName, status: 'passes', ...empty, text: '已符合条件，无需新增业绩' };

  const kinds = templatesFor(level, bundle.meta.referenceDate, record);
  const build = (ks: number[], amounts: number[][]): { list: string; item: Rec }[] =>
    ks.map((k, i) => {
      const t = kinds[k];
      const item: Rec = { ...t.item };
      for (const f of Object.keys(item)) if (item[f] === NEW_TEXT) item[f] = `（新增${i + 1}）`;
      t.open.forEach((o, j) => (item[o.field] = amounts[i][j]));
      return { list: t.list, item };
    });
  const atBound = (ks: number[]) => ks.map((k) => kinds[k].open.map((o) => BOUND[o.unit]));
  const saturated = Array.from({ length: MAX_ITEMS }, () => kinds.map((_, k) => k)).flat();
  const full = applyAdded(record, build(saturated, atBound(saturated)));
  if (!kinds.length || !passes(full)) {
    const reasons = evaluateRecord(bundle, full, { explain: 'reasons', levels: [levelName] }).results?.[0]?.reasons ?? [];
    return { level: levelName, status: 'unreachable', ...empty, reasons, text: `仅新增业绩无法达到该级别的条件${reasons.length ? `：${reasons.join('；')}` : ''}` };
  }

  for (let k = 1; k <= MAX_ITEMS; k++) {
    const found: Candidate[] = [];
    for (const ks of multisets(kinds.length, k)) {
      if (!passes(applyAdded(record, build(ks, atBound(ks))))) continue;
      found.push(minimise(ks, (amounts) => passes(applyAdded(record, build(ks, amounts)))));
    }
    if (!found.length) continue;
    found.sort((a, b) => a.yuan - b.yuan || a.hours - b.hours);
    const describe = (c: Candidate) => {
      const items = build(c.kinds, c.amounts).map((a, i) => ({ list: a.list, listLabel: kinds[c.kinds[i]].listLabel, item: a.item, text: describeItem(kinds[c.kinds[i]], a.item) }));
      return { items, yuan: c.yuan, hours: c.hours, text: pathText(items) };
    };
    const best = describe(found[0]);
    const seen = new Set([best.text]);
    const alternatives = [];
    for (const c of found.slice(1)) {
      if (alternatives.length >= 3) break;
      const d = describe(c);
      if (seen.has(d.text)) continue;
      seen.add(d.text);
      alternatives.push(d);
    }
    return { level: levelName, status: 'path', ...best, alternatives };
  }
  return { level: levelName, status: 'beyond', ...empty, text: `需新增超过 ${MAX_ITEMS} 项业绩` };

  /** The least amounts that still pass, 元 first, then 学时; per unit one item carries the amount. */
  function minimise(ks: number[], ok: (amounts: number[][]) => boolean): Candidate {
    let amounts = atBound(ks);
    for (const unit of ['元', '学时'] as const) {
      const slots: [number, number][] = [];
      ks.forEach((k, i) => kinds[k].open.forEach((o, j) => o.unit === unit && slots.push([i, j])));
      if (!slots.length) continue;
      let best: number[][] | null = null, bestTotal = Infinity;
      for (const [i, j] of slots) {
        // this slot carries the unit's whole amount, the unit's other slots 0
        const trial = amounts.map((row) => row.slice());
        for (const [a, b] of slots) trial[a][b] = 0;
        const at = (v: number) => {
          trial[i][j] = v;
          return ok(trial);
        };
        if (!at(BOUND[unit])) continue;
        let lo = -1, hi = BOUND[unit]; // at(lo) fails (or lo = -1), at(hi) passes
        while (hi - lo > 1) {
          const mid = Math.floor((lo + hi) / 2);
          if (at(mid)) hi = mid;
          else lo = mid;
        }
        trial[i][j] = hi;
        if (hi < bestTotal) (bestTotal = hi), (best = trial.map((row) => row.slice()));
      }
      if (best) amounts = best;
    }
    const total = (unit: '元' | '学时') => ks.reduce((s, k, i) => s + kinds[k].open.reduce((t, o, j) => t + (o.unit === unit ? amounts[i][j] : 0), 0), 0);
    return { kinds: ks, amounts, yuan: total('元'), hours: total('学时') };
  }
}
