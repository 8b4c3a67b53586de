// Applicants in and out of spreadsheets (.xlsx, CSV) and JSON/NDJSON, with upload limits.
export { readXlsx, looksLikeXlsx } from './xlsx-read.ts';
export { writeXlsx } from './xlsx-write.ts';
export { readCsv, writeCsv } from './csv.ts';
export { importJson, importSheets, type ImportIssue, type ImportResult } from './import.ts';
export { recordsXlsx, resultRows, resultsCsv, resultsXlsx, templateXlsx, RESULT_HEADERS } from './export.ts';
export { workbookLayout, MAIN_SHEET } from './layout.ts';
export { wanToYuan, yuanToWan } from './amounts.ts';
export { importUpload, type Upload } from './upload.ts';
export { DEFAULT_LIMITS, SpreadsheetLimitError, type CellValue, type ReadLimits, type SheetData } from './types.ts';
