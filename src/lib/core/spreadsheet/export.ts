// Applicants and results out: the import template (headers from the record schema, dropdowns for every
// enum and 是/否), records in that same layout (so export → import gives the same records), and the results
// per applicant and level (结论、路线、积分、未满足的条件) as .xlsx or CSV.
import type { RecordResult } from '../evaluate/evaluate.ts';
import { routeText, verdictText } from '../evaluate/labels.ts';
import { yuanToWan } from './amounts.ts';
import { columnChoices, workbookLayout, type Column } from './layout.ts';
import type { CellValue, SheetSpec } from './types.ts';
import { writeXlsx } from './xlsx-write.ts';
import { writeCsv } from './csv.ts';

function getPath(obj: unknown, path: string[]): unknown {
  let o = obj;
  for (const k of path) o = o === null || o === undefined ? undefined : (o as Record<string, unknown>)[k];
  return o;
}

function cellOf(c: Column, v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  const t = c.field.type;
  if (t.kind === 'enum' && typeof v === 'string') return t.labels[v] ?? v;
  if (t.kind === 'boolean') return v ? '是' : '否';
  if (c.wan && typeof v === 'number') return Number(yuanToWan(v));
  if (typeof v === 'number' || typeof v === 'string') return v;
  return String(v);
}

function sheets(records: Record<string, unknown>[]): SheetSpec[] {
  return workbookLayout().map((l) => {
    const rows: CellValue[][] = [l.columns.map((c) => c.header)];
    for (const r of records) {
      if (!l.list.length) rows.push(l.columns.map((c) => cellOf(c, getPath(r, c.path))));
      else {
        const items = getPath(r, l.list);
        for (const it of Array.isArray(items) ? items : []) {
          rows.push(l.columns.map((c, i) => (i === 0 ? cellOf(c, r.id) : cellOf(c, getPath(it, c.path)))));
        }
      }
    }
    const validations = l.columns.flatMap((c, i) => {
      const values = columnChoices(c);
      return values ? [{ column: i, values }] : [];
    });
    return { name: l.name, rows, validations, widths: l.columns.map((c) => Math.max(10, Math.min(30, c.header.length * 2 + 2))) };
  });
}

/** The import template: every sheet with its headers and dropdowns, no data. */
export function templateXlsx(): Uint8Array {
  return writeXlsx(sheets([]));
}

/** Records in the template's layout (amounts in 万元, enum values by their Chinese names). */
export function recordsXlsx(records: Record<string, unknown>[]): Uint8Array {
  return writeXlsx(sheets(records));
}

export const RESULT_HEADERS = ['申报人编号', '姓名', '申报级别', '评价级别', '结论', '路线', '积分', '未满足的条件'];

/** One row per applicant and level; a rejected record gets one row saying why. */
export function resultRows(records: unknown[], results: RecordResult[]): CellValue[][] {
  const rows: CellValue[][] = [RESULT_HEADERS];
  results.forEach((r, i) => {
    const rec = (records[i] ?? {}) as Record<string, unknown>;
    const name = typeof rec.name === 'string' ? rec.name : '';
    const target = typeof rec.target_level === 'string' ? rec.target_level : '';
    const id = r.id ?? '';
    if (r.errors?.length) {
      rows.push([id, name, target, '', '记录有误', '', null, r.errors.map((e) => `${e.path}：${e.message}`).join('；')]);
      return;
    }
    for (const l of r.results ?? []) {
      rows.push([id, name, target, l.level, verdictText(l.verdict), l.route ? routeText(l.route) : '', l.verdict === 'ineligible' ? null : l.score, l.verdict === 'pass' ? '' : (l.reasons ?? []).join('；')]);
    }
  });
  return rows;
}

export function resultsXlsx(records: unknown[], results: RecordResult[]): Uint8Array {
  return writeXlsx([{ name: '评价结果', rows: resultRows(records, results), widths: [14, 10, 12, 12, 16, 10, 8, 80] }]);
}

export function resultsCsv(records: unknown[], results: RecordResult[]): string {
  return writeCsv(resultRows(records, results));
}
