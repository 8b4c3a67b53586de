// Applicants in: a workbook (or CSV files, one per sheet) laid out as layout.ts says, or JSON / NDJSON.
// Every cell is parsed by its schema field; every rejected row is reported with sheet, row, column, value
// and a Chinese message, and the applicants whose rows are all good are still imported (then checked
// against the whole contract by validateRecord, as any record is).
import { validateRecord } from '../records/validate.ts';
import { isCalendarDate } from '../records/contract.ts';
import { wanToYuan } from './amounts.ts';
import { columnName } from './xlsx-write.ts';
import { MAIN_SHEET, workbookLayout, type Column, type SheetLayout } from './layout.ts';
import type { CellValue, SheetData } from './types.ts';

export interface ImportIssue {
  sheet: string;
  /** 1-based row as the spreadsheet numbers it (the header is row 1); for JSON the record's number. */
  row: number;
  /** The column's header and letter, “成交金额（万元）（E列）”, or a field path for JSON. */
  column: string;
  value: string;
  message: string;
  /** The applicant the row belongs to, when known. */
  id?: string;
}

export interface ImportResult {
  records: Record<string, unknown>[];
  issues: ImportIssue[];
  /** Applicants not imported because of an issue. */
  rejected: string[];
}

const shown = (v: CellValue): string => (v === null ? '' : String(v));

/** A cell a writer neutralised ('=…) reads back as it was typed. */
function unneutralise(s: string): string {
  return /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s;
}

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

/** Excel's serial day number (1900 system) → ISO date. */
function serialToIso(n: number): string | null {
  if (!Number.isInteger(n) || n < 1 || n > 2958465) return null;
  const ms = Date.UTC(1899, 11, 30) + n * 86400000;
  return new Date(ms).toISOString().slice(0, 10);
}

function parseCell(c: Column, raw: CellValue): Parsed {
  const f = c.field;
  const text = typeof raw === 'string' ? unneutralise(raw.trim()) : raw;
  if (text === null || text === '') return f.nullable ? { ok: true, value: null } : { ok: false, message: '必填，不能为空' };
  switch (f.type.kind) {
    case 'string':
      return { ok: true, value: String(text) };
    case 'boolean':
      if (text === true || text === '是' || text === 'TRUE' || text === 'true') return { ok: true, value: true };
      if (text === false || text === '否' || text === 'FALSE' || text === 'false') return { ok: true, value: false };
      return { ok: false, message: '应填“是”或“否”' };
    case 'enum': {
      const labels = f.type.labels;
      const s = String(text);
      const byLabel = f.type.values.find((v) => labels[v] === s);
      if (byLabel) return { ok: true, value: byLabel };
      if (f.type.values.includes(s)) return { ok: true, value: s };
      return { ok: false, message: `应为以下之一：${f.type.values.map((v) => labels[v] ?? v).join('、')}` };
    }
    case 'date': {
      if (typeof text === 'number') {
        const iso = serialToIso(text);
        return iso ? { ok: true, value: iso } : { ok: false, message: '不是日期（应为 YYYY-MM-DD）' };
      }
      const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(String(text));
      const iso = m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : '';
      return m && isCalendarDate(iso) ? { ok: true, value: iso } : { ok: false, message: '不是有效日期（应为 YYYY-MM-DD，如 2024-05-01）' };
    }
    case 'integer':
    case 'number': {
      if (c.wan) {
        const r = typeof text === 'boolean' ? { ok: false as const, message: '不是金额' } : wanToYuan(text);
        return r.ok ? { ok: true, value: r.yuan } : { ok: false, message: r.message };
      }
      const n = typeof text === 'number' ? text : typeof text === 'string' && /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
      if (!Number.isFinite(n)) return { ok: false, message: '应为数字' };
      if (f.type.kind === 'integer' && !Number.isInteger(n)) return { ok: false, message: '应为整数' };
      if (f.unit === '元' && !Number.isInteger(n)) return { ok: false, message: '金额应为整数元' };
      return { ok: true, value: n };
    }
    default:
      return { ok: false, message: '无法识别的列' };
  }
}

function setPath(obj: Record<string, unknown>, path: string[], value: unknown): void {
  let o = obj;
  for (const k of path.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
  o[path[path.length - 1]] = value;
}

function emptyRecord(): Record<string, unknown> {
  const r: Record<string, unknown> = {};
  for (const s of workbookLayout()) if (s.list.length) setPath(r, s.list, []);
  return r;
}

/** Matches a sheet's header row to the layout's columns; 金额 may be given in 元 instead of 万元. */
function matchHeaders(layout: SheetLayout, header: CellValue[], sheet: string, issues: ImportIssue[]): { col: Column; index: number }[] | null {
  const names = header.map((h) => (h === null ? '' : String(h).trim()));
  const out: { col: Column; index: number }[] = [];
  let ok = true;
  for (const col of layout.columns) {
    let index = names.indexOf(col.header);
    let c = col;
    if (index < 0 && col.wan) {
      index = names.indexOf(col.header.replace('（万元）', '（元）'));
      if (index >= 0) c = { ...col, header: names[index], wan: false };
    }
    if (index < 0) {
      issues.push({ sheet, row: 1, column: col.header, value: '', message: `缺少列“${col.header}”（表头须与模板一致）` });
      ok = false;
      continue;
    }
    out.push({ col: c, index });
  }
  const known = new Set(out.map((o) => o.index));
  names.forEach((n, i) => {
    if (n && !known.has(i)) issues.push({ sheet, row: 1, column: `${n}（${columnName(i)}列）`, value: n, message: '不认识的列，已忽略' });
  });
  return ok ? out : null;
}

const isEmptyRow = (r: CellValue[] | undefined) => !r || r.every((v) => v === null || v === '');

/** Workbook sheets (or CSV files named like the sheets) → records, with every problem reported. */
export function importSheets(sheets: SheetData[], referenceDate?: string): ImportResult {
  const issues: ImportIssue[] = [];
  const layouts = workbookLayout();
  const bad = new Set<string>();
  const records = new Map<string, { record: Record<string, unknown>; row: number }>();
  const byName = new Map(sheets.map((s) => [s.name, s]));
  for (const s of sheets) {
    if (!layouts.some((l) => l.name === s.name) && s.rows.some((r) => !isEmptyRow(r))) {
      issues.push({ sheet: s.name, row: 1, column: '', value: '', message: `不认识的工作表“${s.name}”，已忽略（工作表名须与模板一致）` });
    }
  }
  if (!byName.has(MAIN_SHEET)) {
    issues.push({ sheet: MAIN_SHEET, row: 1, column: '', value: '', message: `缺少工作表“${MAIN_SHEET}”` });
    return { records: [], issues, rejected: [] };
  }
  for (const layout of layouts) {
    const sheet = byName.get(layout.name);
    if (!sheet) continue;
    const cols = matchHeaders(layout, sheet.rows[0] ?? [], layout.name, issues);
    if (!cols) {
      if (layout.list.length === 0) return { records: [], issues, rejected: [] };
      // A list sheet that cannot be read: every applicant it names is rejected rather than imported short.
      for (const r of sheet.rows.slice(1)) if (!isEmptyRow(r) && r[0] !== null) bad.add(String(r[0]));
      continue;
    }
    for (let i = 1; i < sheet.rows.length; i++) {
      const row = sheet.rows[i];
      if (isEmptyRow(row)) continue;
      const rowNo = i + 1;
      const target: Record<string, unknown> = layout.list.length ? {} : emptyRecord();
      let rowOk = true;
      const idCol = cols[0];
      const idRaw = layout.list.length ? row[idCol.index] : row[cols.find((c) => c.col.path.join('.') === 'id')!.index];
      const id = idRaw === null || idRaw === undefined ? '' : String(idRaw).trim();
      const report = (c: { col: Column; index: number }, message: string) => {
        issues.push({ sheet: layout.name, row: rowNo, column: `${c.col.header}（${columnName(c.index)}列）`, value: shown(row[c.index] ?? null), message, ...(id ? { id } : {}) });
        rowOk = false;
      };
      // Nullable objects (现职称): all of their cells empty means null, some of them empty is an error.
      const groupEmpty = new Map<string, boolean>();
      for (const g of layout.nullableGroups) {
        const inGroup = cols.filter((c) => g.every((k, j) => c.col.path[j] === k));
        groupEmpty.set(g.join('.'), inGroup.every((c) => row[c.index] === null || row[c.index] === undefined || row[c.index] === ''));
        if (groupEmpty.get(g.join('.'))) setPath(target, g, null);
      }
      for (const c of cols) {
        if (layout.list.length && c === idCol) continue;
        const group = layout.nullableGroups.find((g) => g.every((k, j) => c.col.path[j] === k));
        if (group && groupEmpty.get(group.join('.'))) continue;
        const p = parseCell(group ? { ...c.col, field: { ...c.col.field, nullable: false } } : c.col, row[c.index] ?? null);
        if (p.ok) setPath(target, c.col.path, p.value);
        else report(c, p.message);
      }
      if (!id) {
        report(layout.list.length ? idCol : cols.find((c) => c.col.path.join('.') === 'id')!, '必填：申报人编号');
        continue;
      }
      if (layout.list.length === 0) {
        if (records.has(id)) {
          report(cols.find((c) => c.col.path.join('.') === 'id')!, `申报人编号重复：已在第 ${records.get(id)!.row} 行出现`);
          bad.add(id);
          continue;
        }
        records.set(id, { record: target, row: rowNo });
      } else {
        const owner = records.get(id);
        if (!owner) {
          report(idCol, `申报人编号“${id}”不在“${MAIN_SHEET}”表中`);
          continue;
        }
        let list: unknown = owner.record;
        for (const k of layout.list) list = (list as Record<string, unknown>)[k];
        (list as unknown[]).push(target);
      }
      if (!rowOk) bad.add(id);
    }
  }
  const out: Record<string, unknown>[] = [];
  const rejected: string[] = [];
  for (const [id, { record, row }] of records) {
    if (bad.has(id)) {
      rejected.push(id);
      continue;
    }
    const check = validateRecord(record, referenceDate);
    if (!check.ok) {
      for (const e of check.errors) issues.push({ sheet: MAIN_SHEET, row, column: e.path, value: '', message: e.message, id });
      rejected.push(id);
      continue;
    }
    out.push(record);
  }
  for (const id of bad) if (!records.has(id) && !rejected.includes(id)) rejected.push(id);
  return { records: out, issues, rejected };
}

/** JSON (one record or an array) or NDJSON text → records, each checked by validateRecord. */
export function importJson(text: string, fileName: string, referenceDate?: string): ImportResult {
  const issues: ImportIssue[] = [];
  let items: { value: unknown; row: number }[] = [];
  const trimmed = text.replace(/^\ufeff/, '').trim();
  const ndjson = /\.ndjson$|\.jsonl$/i.test(fileName) || (!trimmed.startsWith('[') && trimmed.includes('\n{'));
  if (ndjson) {
    trimmed.split(/\r?\n/).forEach((line, i) => {
      if (!line.trim()) return;
      try {
        items.push({ value: JSON.parse(line), row: i + 1 });
      } catch (e) {
        issues.push({ sheet: fileName, row: i + 1, column: '', value: line.slice(0, 80), message: `不是有效的 JSON：${(e as Error).message}` });
      }
    });
  } else {
    try {
      const v = JSON.parse(trimmed);
      items = (Array.isArray(v) ? v : [v]).map((value, i) => ({ value, row: i + 1 }));
    } catch (e) {
      issues.push({ sheet: fileName, row: 1, column: '', value: '', message: `不是有效的 JSON：${(e as Error).message}` });
    }
  }
  const records: Record<string, unknown>[] = [];
  const rejected: string[] = [];
  const seen = new Set<string>();
  for (const { value, row } of items) {
    const check = validateRecord(value, referenceDate);
    const id = check.id ?? `第${row}条`;
    const errors = [...check.errors];
    if (check.id !== null && seen.has(check.id)) errors.push({ path: 'id', message: `申报人编号“${check.id}”重复`, severity: 'error' });
    if (check.id !== null) seen.add(check.id);
    if (errors.length) {
      for (const e of errors) issues.push({ sheet: fileName, row, column: e.path, value: '', message: e.message, id });
      rejected.push(id);
    } else records.push(value as Record<string, unknown>);
  }
  return { records, issues, rejected };
}
