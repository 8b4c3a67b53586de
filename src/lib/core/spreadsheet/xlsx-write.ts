// A minimal .xlsx writer (SpreadsheetML in a zip made by fflate): inline strings and numbers, a bold frozen
// header row, column widths, hidden sheets and list dropdowns (data validation). Every string cell goes
// through spreadsheetText, so nothing the user wrote is taken for a formula.
import { strToU8, zipSync } from 'fflate';
import { spreadsheetText } from '../safe-text.ts';
import type { CellValue, SheetSpec } from './types.ts';

const VALIDATION_ROWS = 1000;

function esc(s: string): string {
  // XML 1.0 forbids most C0 controls even as references: drop them.
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** 0 → A, 25 → Z, 26 → AA */
export function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function cell(v: CellValue, ref: string, header: boolean): string {
  const style = header ? ' s="1"' : '';
  if (v === null || v === '') return header ? `<c r="${ref}"${style}/>` : '';
  if (typeof v === 'number' && Number.isFinite(v)) return `<c r="${ref}"${style}><v>${v}</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${style} t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${esc(spreadsheetText(String(v)))}</t></is></c>`;
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function sheetXml(s: SheetSpec, listRefs: Map<string, string>): string {
  const rows = s.rows.map((r, i) =>
    `<row r="${i + 1}">${r.map((v, j) => cell(v, `${columnName(j)}${i + 1}`, i === 0)).join('')}</row>`
  ).join('');
  const cols = s.widths?.length
    ? `<cols>${s.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
    : '';
  const dv = s.validations?.length
    ? `<dataValidations count="${s.validations.length}">${s.validations.map((v) => {
        const col = columnName(v.column);
        return `<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="${esc('取值不在列表中')}" error="${esc('请从下拉列表中选择')}" sqref="${col}2:${col}${VALIDATION_ROWS}"><formula1>${esc(listRefs.get(key(v.values))!)}</formula1></dataValidation>`;
      }).join('')}</dataValidations>`
    : '';
  const pane = s.rows.length > 1 || s.validations?.length
    ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
    : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${pane}${cols}<sheetData>${rows}</sheetData>${dv}</worksheet>`;
}

const key = (values: string[]) => JSON.stringify(values);

/** Writes the sheets; dropdown lists are kept on a hidden sheet “选项” and referenced from each validation. */
export function writeXlsx(sheets: SheetSpec[]): Uint8Array {
  const lists = new Map<string, string>();
  const optionColumns: string[][] = [];
  for (const s of sheets) {
    for (const v of s.validations ?? []) {
      if (lists.has(key(v.values))) continue;
      const col = columnName(optionColumns.length);
      optionColumns.push(v.values);
      lists.set(key(v.values), `${quoteSheet('选项')}!$${col}$1:$${col}$${v.values.length}`);
    }
  }
  const all: SheetSpec[] = [...sheets];
  if (optionColumns.length) {
    const height = Math.max(...optionColumns.map((c) => c.length));
    const rows = Array.from({ length: height }, (_, i) => optionColumns.map((c) => c[i] ?? null));
    all.push({ name: '选项', rows, hidden: true });
  }
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${all.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${all.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${all.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${all.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`),
    'xl/styles.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>`)
  };
  all.forEach((s, i) => {
    // The options sheet has no header row: its first row is already a value the dropdowns refer to.
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(i >= sheets.length ? plainSheetXml(s) : sheetXml(s, lists));
  });
  return zipSync(files, { level: 6 });
}

function plainSheetXml(s: SheetSpec): string {
  const rows = s.rows.map((r, i) => `<row r="${i + 1}">${r.map((v, j) => cell(v, `${columnName(j)}${i + 1}`, false)).join('')}</row>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
}
