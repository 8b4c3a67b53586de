// CSV in and out. Out: BOM (so Excel reads UTF-8 Chinese), CRLF, every cell through csvCell (formula
// neutralised, quoted when needed). In: RFC 4180 with the same row and size limits as the .xlsx reader.
import { csvCell } from '../safe-text.ts';
import { DEFAULT_LIMITS, SpreadsheetLimitError, type CellValue, type ReadLimits } from './types.ts';

export function writeCsv(rows: CellValue[][]): string {
  return '\ufeff' + rows.map((r) => r.map((v) => csvCell(v === null ? '' : String(v))).join(',')).join('\r\n') + '\r\n';
}

export function readCsv(text: string, limits: ReadLimits = DEFAULT_LIMITS): CellValue[][] {
  if (text.length > limits.maxFileBytes) throw new SpreadsheetLimitError(`文件超过 ${Math.round(limits.maxFileBytes / 1024 / 1024)} MB，已拒绝`);
  if (text.includes('\u0000')) throw new SpreadsheetLimitError('不是文本 CSV 文件（含二进制内容）');
  const s = text.replace(/^\ufeff/, '');
  const rows: CellValue[][] = [];
  let row: CellValue[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const endCell = () => {
    row.push(cell === '' ? null : cell);
    if (row.length > limits.maxColumns) throw new SpreadsheetLimitError(`列数超过 ${limits.maxColumns} 列，已拒绝`);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    if (rows.length > limits.maxRows + 1) throw new SpreadsheetLimitError(`行数超过 ${limits.maxRows} 行，已拒绝（请分批导入）`);
    row = [];
  };
  while (i < s.length) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') { cell += '"'; i += 2; continue; }
        quoted = false;
      } else cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\n' || ch === '\r') {
      endRow();
      if (ch === '\r' && s[i + 1] === '\n') i++;
    } else cell += ch;
    i++;
  }
  if (cell !== '' || row.length) endRow();
  return rows;
}
