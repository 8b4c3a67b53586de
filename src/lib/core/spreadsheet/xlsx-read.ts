// A bounded .xlsx reader: fflate's streaming unzip with a budget on every decompressed byte, and saxes
// parsing each sheet's XML as it inflates, counting rows. A zip bomb or a sheet of a million rows is refused
// as soon as it crosses a limit, long before it could fill memory. Reads values only (no styles, formulas
// are taken as their cached value, and that value is text like any other).
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { SaxesParser } from 'saxes';
import { DEFAULT_LIMITS, SpreadsheetLimitError, type CellValue, type ReadLimits, type SheetData } from './types.ts';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function looksLikeXlsx(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** Inflates the parts `want` accepts, each handed over in chunks; every byte counts against one budget. */
function inflate(bytes: Uint8Array, want: (name: string) => boolean, onChunk: (name: string, chunk: Uint8Array, final: boolean) => void, limits: ReadLimits, budget: { used: number }): void {
  let failure: Error | null = null;
  const unzip = new Unzip((file: UnzipFile) => {
    if (failure || !want(file.name)) return;
    file.ondata = (err, chunk, final) => {
      if (failure) return;
      if (err) {
        failure = new SpreadsheetLimitError(`文件已损坏，无法解压（${file.name}）`);
        return;
      }
      budget.used += chunk.length;
      if (budget.used > limits.maxUnzippedBytes) {
        failure = new SpreadsheetLimitError(`文件解压后超过 ${mb(limits.maxUnzippedBytes)}，可能是压缩炸弹，已拒绝`);
        file.terminate();
        return;
      }
      try {
        onChunk(file.name, chunk, final);
      } catch (e) {
        failure = e as Error;
        file.terminate();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  // Feed in slices so a failure stops the work early instead of after the whole archive.
  const step = 64 * 1024;
  for (let i = 0; i < bytes.length && !failure; i += step) {
    unzip.push(bytes.subarray(i, Math.min(bytes.length, i + step)), i + step >= bytes.length);
  }
  if (failure) throw failure;
}

function textOf(bytes: Uint8Array, name: string, limits: ReadLimits, budget: { used: number }): string | null {
  const parts: Uint8Array[] = [];
  let found = false;
  inflate(bytes, (n) => n === name, (_n, chunk) => {
    found = true;
    parts.push(chunk);
  }, limits, budget);
  if (!found) return null;
  return new TextDecoder().decode(Buffer.concat(parts));
}

function parseXml(text: string, on: (p: SaxesParser) => void): void {
  const p = new SaxesParser();
  on(p);
  p.write(text).close();
}

/** Column letters of a cell reference to a 0-based index: "C7" → 2. */
function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

export function readXlsx(bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): SheetData[] {
  if (bytes.length > limits.maxFileBytes) throw new SpreadsheetLimitError(`文件超过 ${mb(limits.maxFileBytes)}，已拒绝`);
  if (!looksLikeXlsx(bytes)) throw new SpreadsheetLimitError('不是 .xlsx 文件（Excel 2007 及以后的工作簿）；旧的 .xls 请另存为 .xlsx');
  const budget = { used: 0 };
  const workbook = textOf(bytes, 'xl/workbook.xml', limits, budget);
  const rels = textOf(bytes, 'xl/_rels/workbook.xml.rels', limits, budget);
  if (!workbook || !rels) throw new SpreadsheetLimitError('不是有效的 Excel 工作簿：缺少 xl/workbook.xml');

  const targets = new Map<string, string>();
  parseXml(rels, (p) => p.on('opentag', (t) => {
    if (t.name === 'Relationship') targets.set(String(t.attributes.Id), String(t.attributes.Target));
  }));
  const sheets: { name: string; path: string; hidden: boolean }[] = [];
  parseXml(workbook, (p) => p.on('opentag', (t) => {
    if (t.name !== 'sheet') return;
    const target = targets.get(String(t.attributes['r:id'])) ?? '';
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    sheets.push({ name: String(t.attributes.name), path: path.replace(/\/\.\//g, '/'), hidden: t.attributes.state === 'hidden' || t.attributes.state === 'veryHidden' });
  }));

  const shared: string[] = [];
  const sst = textOf(bytes, 'xl/sharedStrings.xml', limits, budget);
  if (sst) {
    let inSi = false;
    let inT = false;
    let inRph = false;
    let cur = '';
    parseXml(sst, (p) => {
      p.on('opentag', (t) => {
        if (t.name === 'si') { inSi = true; cur = ''; }
        else if (t.name === 'rPh') inRph = true;
        else if (t.name === 't' && inSi && !inRph) inT = true;
      });
      p.on('text', (s) => { if (inT) cur += s; });
      p.on('closetag', (t) => {
        if (t.name === 't') inT = false;
        else if (t.name === 'rPh') inRph = false;
        else if (t.name === 'si') { inSi = false; shared.push(cur); }
      });
    });
  }

  const byPath = new Map(sheets.map((s) => [s.path, s]));
  const out = new Map<string, SheetData>();
  const parsers = new Map<string, { parser: SaxesParser; decoder: TextDecoder }>();
  let rowsSeen = 0;
  inflate(bytes, (n) => byPath.has(n), (name, chunk, final) => {
    let st = parsers.get(name);
    if (!st) {
      const sheet: SheetData = { name: byPath.get(name)!.name, rows: [] };
      out.set(name, sheet);
      st = { parser: sheetParser(sheet, shared, limits, () => {
        if (++rowsSeen > limits.maxRows) throw new SpreadsheetLimitError(`行数超过 ${limits.maxRows} 行，已拒绝（请分批导入）`);
      }), decoder: new TextDecoder() };
      parsers.set(name, st);
    }
    st.parser.write(st.decoder.decode(chunk, { stream: !final }));
    if (final) st.parser.close();
  }, limits, budget);
  return sheets.filter((s) => !s.hidden && out.has(s.path)).map((s) => out.get(s.path)!);
}

function sheetParser(sheet: SheetData, shared: string[], limits: ReadLimits, onRow: () => void): SaxesParser {
  const p = new SaxesParser();
  let row: CellValue[] | null = null;
  let rowIndex = -1;
  let col = 0;
  let type = '';
  let text = '';
  let inValue = false;
  let has = false;
  p.on('opentag', (t) => {
    switch (t.name) {
      case 'row': {
        onRow();
        const r = Number(t.attributes.r);
        rowIndex = Number.isInteger(r) && r > 0 ? r - 1 : rowIndex + 1;
        if (rowIndex >= 1_048_576) throw new SpreadsheetLimitError('行号超出 Excel 的范围');
        row = [];
        col = 0;
        return;
      }
      case 'c': {
        const ref = t.attributes.r ? String(t.attributes.r) : '';
        col = ref ? columnIndex(ref) : col;
        if (col >= limits.maxColumns) throw new SpreadsheetLimitError(`列数超过 ${limits.maxColumns} 列，已拒绝`);
        type = String(t.attributes.t ?? 'n');
        text = '';
        has = false;
        return;
      }
      case 'v': case 't':
        inValue = true;
        return;
      default:
    }
  });
  p.on('text', (s) => {
    if (inValue) {
      text += s;
      has = true;
    }
  });
  p.on('closetag', (t) => {
    switch (t.name) {
      case 'v': case 't':
        inValue = false;
        return;
      case 'c': {
        if (row && has) {
          let v: CellValue;
          if (type === 's') v = shared[Number(text)] ?? '';
          else if (type === 'b') v = text === '1';
          else if (type === 'str' || type === 'inlineStr' || type === 'e') v = text;
          else v = text.trim() === '' ? null : Number(text);
          if (typeof v === 'number' && !Number.isFinite(v)) v = text;
          while (row.length < col) row.push(null);
          row[col] = v;
        }
        col++;
        return;
      }
      case 'row':
        if (row) {
          while (sheet.rows.length < rowIndex) sheet.rows.push([]);
          sheet.rows[rowIndex] = row;
        }
        row = null;
        return;
      default:
    }
  });
  return p;
}
