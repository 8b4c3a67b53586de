// A value in Chinese words: how every output a clerk reads (explanations, tables, CSV, the web pages, the
// official document, the impact list) shows verdicts, routes, enum values, amounts, counts and requirements.
// Pure functions; enum labels come from the record schema, the one source of truth.
import type { Figure } from '../compile/bundle-types.ts';
import { enumLabelOf } from '../records/fields.ts';

export { ROUTE_LABEL, VERDICT_LABEL, formatScore, routeText, scoreText, verdictText, type Route, type Verdict } from './labels.ts';

/** An enum value by its Chinese label: enumText('education.degree', 'doctor') → 博士 (the code when unknown). */
export function enumText(fieldPath: string, code: string): string {
  return enumLabelOf(fieldPath, code) ?? code;
}

export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return String(Math.round(n * 1e6) / 1e6);
}

/** An amount held as integer 元, as a clerk reads it: 3200000 → 320万元, 8000 → 8000元. */
export function formatYuan(yuan: number): string {
  return Math.abs(yuan) >= 10_000 ? `${formatNumber(yuan / 10_000)}万元` : `${formatNumber(yuan)}元`;
}

/** A count as a person says it: 3项. */
export function countText(n: number, unit = '项'): string {
  return `${formatNumber(n)}${unit}`;
}

export function formatValue(v: unknown, f: Pick<Figure, 'kind' | 'unit' | 'enumLabels'>): string {
  if (v === null || v === undefined) return '无';
  if (Array.isArray(v)) return v.map((x) => formatValue(x, f)).join('、');
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') return f.unit ? `${formatNumber(v / f.unit.factor)}${f.unit.name}` : formatNumber(v);
  if (f.enumLabels && typeof v === 'string') return f.enumLabels[v] ?? v;
  return String(v);
}

/** A requirement's operator in words: “至少” for counts, “不低于” for amounts, “不晚于” for dates. */
export function opText(op: string, f: Pick<Figure, 'kind' | 'unit'>): string {
  const count = f.unit?.name === '项' || f.unit?.name === '人';
  if (f.kind === 'date') {
    return ({ '<=': '不晚于', '<': '早于', '>=': '不早于', '>': '晚于', '=': '为', '==': '为', '!=': '不为' } as Record<string, string>)[op] ?? op;
  }
  const words: Record<string, string> = count
    ? { '>=': '至少', '>': '多于', '<=': '至多', '<': '少于', '=': '', '==': '', '!=': '不为' }
    : { '>=': '不低于', '>': '高于', '<=': '不超过', '<': '低于', '=': '为', '==': '为', '!=': '不为' };
  if (op in words) return words[op];
  if (op === '属于') return '为';
  return op;
}

/** What an ordered-enum requirement reads as: “>= municipal” → “市级及以上”. */
function enumRequirement(op: string, target: unknown, f: Pick<Figure, 'kind' | 'unit' | 'enumLabels'>): string | null {
  if (f.kind !== 'enum' || typeof target !== 'string') return null;
  const label = formatValue(target, f);
  const suffix: Record<string, string> = { '>=': '及以上', '>': '以上', '<=': '及以下', '<': '以下' };
  return op in suffix ? `${label}${suffix[op]}` : null;
}

/** “促成技术合同成交额：320万元，要求不低于500万元”; “符合条件的奖项：0项，要求至少1项”. */
export function figureText(f: Figure, value: unknown, target: unknown): string {
  return figureTexter(f)(value, target);
}

/** What precedes the applicant's value: the label, and a word when it already reads as a sentence. */
function figureLead(f: Figure): string {
  // A label that already reads as a sentence ("学历：博士及以上，满0年") is followed by what the applicant has.
  return f.label.includes('：') ? `${f.label}，${f.unit?.name === '项' ? '实有' : '实为'}` : `${f.label}：`;
}

/** What follows the value: the requirement (“，要求至少1项”); `truth`: the value is shown as 是/否. */
function requirement(f: Figure, target: unknown): { text: string; truth: boolean } {
  if (f.kind === 'boolean' && target === true && f.op === '=') return { text: '', truth: true };
  const ordered = enumRequirement(f.op, target, f);
  if (ordered) return { text: `，要求${ordered}`, truth: false };
  if (f.op === '开头是') return { text: `，要求以“${formatValue(target, f)}”开头`, truth: false };
  const sep = Array.isArray(target) && target.length > 1 ? '之一' : '';
  return { text: `，要求${opText(f.op, f)}${formatValue(target, f)}${sep}`, truth: false };
}

/**
 * figureText of one figure, with what does not depend on the value made once: the lead, and the requirement
 * for as long as the target stays the same (every target of the 2026 set is a constant).
 */
export function figureTexter(f: Figure): (value: unknown, target: unknown) => string {
  const lead = figureLead(f);
  let last: unknown = figureTexter; // no target is this function
  let req = { text: '', truth: false };
  return (value, target) => {
    if (target !== last) (req = requirement(f, target)), (last = target);
    return lead + formatValue(req.truth ? !!value : value, f) + req.text;
  };
}
