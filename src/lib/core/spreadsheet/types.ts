// A workbook as plain data: what the .xlsx/.csv readers produce and the writers take.
export type CellValue = string | number | boolean | null;

export interface SheetData {
  name: string;
  rows: CellValue[][];
}

/** A column whose cells must be one of a list (a dropdown in Excel). */
export interface ListValidation {
  column: number; // 0-based
  values: string[];
}

export interface SheetSpec extends SheetData {
  /** Dropdowns for the data rows (row 2 down to `validationRows`). */
  validations?: ListValidation[];
  /** Column widths in characters. */
  widths?: number[];
  hidden?: boolean;
}

/** Too big, too many rows, not the file type it claims: refused before it can fill memory. */
export class SpreadsheetLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SpreadsheetLimitError';
  }
}

export interface ReadLimits {
  /** The uploaded file itself. */
  maxFileBytes: number;
  /** Everything decompressed from it, summed over its parts (a zip bomb stops here). */
  maxUnzippedBytes: number;
  /** Rows over all sheets. */
  maxRows: number;
  /** Columns in a row. */
  maxColumns: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 10 * 1024 * 1024,
  maxUnzippedBytes: 32 * 1024 * 1024,
  maxRows: 50_000,
  maxColumns: 200
};
