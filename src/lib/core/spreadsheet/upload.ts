// One uploaded file (or several CSV files, one per sheet) → records and a report: the type is taken from the
// bytes as well as the name, and every reader works within the limits.
import { importJson, importSheets, type ImportResult } from './import.ts';
import { readCsv } from './csv.ts';
import { looksLikeXlsx, readXlsx } from './xlsx-read.ts';
import { MAIN_SHEET } from './layout.ts';
import { DEFAULT_LIMITS, SpreadsheetLimitError, type ReadLimits, type SheetData } from './types.ts';

export interface Upload {
  name: string;
  bytes: Uint8Array;
}

function text(u: Upload): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(u.bytes);
  } catch {
    throw new SpreadsheetLimitError(`“${u.name}”不是 UTF-8 文本；Excel 的 CSV 请另存为“CSV UTF-8”，或直接上传 .xlsx`);
  }
}

export function importUpload(files: Upload[], referenceDate?: string, limits: ReadLimits = DEFAULT_LIMITS): ImportResult {
  if (!files.length) throw new SpreadsheetLimitError('没有上传文件');
  const total = files.reduce((n, f) => n + f.bytes.length, 0);
  if (total > limits.maxFileBytes) throw new SpreadsheetLimitError(`上传文件超过 ${Math.round(limits.maxFileBytes / 1024 / 1024)} MB，已拒绝`);
  const kinds = files.map((f) => {
    const ext = /\.([a-z]+)$/i.exec(f.name)?.[1]?.toLowerCase() ?? '';
    if (ext === 'xlsx') {
      if (!looksLikeXlsx(f.bytes)) throw new SpreadsheetLimitError(`“${f.name}”的内容不是 .xlsx 工作簿`);
      return 'xlsx';
    }
    if (looksLikeXlsx(f.bytes)) throw new SpreadsheetLimitError(`“${f.name}”是压缩文件，不是${ext.toUpperCase() || '文本'}文件`);
    if (ext === 'csv') return 'csv';
    if (ext === 'json' || ext === 'ndjson' || ext === 'jsonl') return 'json';
    throw new SpreadsheetLimitError(`不支持的文件类型“${f.name}”：请上传 .xlsx、.csv、.json 或 .ndjson`);
  });
  if (kinds.includes('xlsx')) {
    if (files.length !== 1) throw new SpreadsheetLimitError('一次只能上传一个 .xlsx 工作簿');
    return importSheets(readXlsx(files[0].bytes, limits), referenceDate);
  }
  if (kinds.every((k) => k === 'json')) {
    if (files.length !== 1) throw new SpreadsheetLimitError('一次只能上传一个 JSON 文件');
    return importJson(text(files[0]), files[0].name, referenceDate);
  }
  if (!kinds.every((k) => k === 'csv')) throw new SpreadsheetLimitError('CSV 文件不能与其他类型混合上传');
  // CSV: one file per sheet, named like the sheet (申报人.csv, 技术合同.csv …); a lone CSV is the main sheet.
  const sheets: SheetData[] = files.map((f) => ({
    name: files.length === 1 ? MAIN_SHEET : f.name.replace(/\.csv$/i, '').replace(/^.*[\\/]/, ''),
    rows: readCsv(text(f), limits)
  }));
  return importSheets(sheets, referenceDate);
}
