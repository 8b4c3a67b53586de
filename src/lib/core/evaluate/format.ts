// How values read to a clerk: 320万元, 12.5学时, 市级, 是/否. Pure functions.
import type { Figure } from '../compile/bundle-types.ts';

export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return String(Math.round(n * 1e6) / 1e6);
}

export function formatValue(v: unknown, f: Pick<Figure, 'kind' | 'unit' | 'enumLabels'>): string {
  if (v === null || v === undefined) return '无';
  if (Array.isArray(v)) return v.map((x) => formatValue(x, f)).join('、');
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') return f.unit ? `${formatNumber(v / f.unit.factor)}${f.unit.name}` : formatNumber(v);
  if (f.enumLabels && typeof v === 'string') return f.enumLabels[v] ?? v;
  return String(v);
}

const opText: Record<string, string> = { '==': '=', '=': '=', '!=': '≠', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

/** "促成技术合同成交额 320万元，要求 >= 500万元" */
export function figureText(f: Figure, value: unknown, target: unknown): string {
  if (f.kind === 'boolean' && target === true && f.op === '=') return `${f.label}：${formatValue(!!value, f)}`;
  const op = opText[f.op] ?? f.op;
  return `${f.label} ${formatValue(value, f)}，要求 ${op} ${formatValue(target, f)}`;
}
