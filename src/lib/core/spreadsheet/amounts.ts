// 万元 in a spreadsheet cell → integer 元, by the record room's exact conversion (records/money.ts). A cell
// may hold text or a spreadsheet's double (12.3456 stored as 12.345600000000001): a double is read at 15
// significant digits, as the spreadsheet shows it, then converted by its digits.
import { formatWan, parseWan, type WanParse } from '../records/money.ts';

export function wanToYuan(value: string | number): WanParse {
  if (typeof value === 'string') return parseWan(value);
  if (!Number.isFinite(value)) return parseWan(String(value));
  const shown = value.toPrecision(15);
  return parseWan(/e/i.test(shown) ? String(value) : shown.includes('.') ? shown.replace(/0+$/, '').replace(/\.$/, '') : shown);
}

/** 123456 → "12.3456" (no digit grouping: the cell is a number). */
export function yuanToWan(yuan: number): string {
  return formatWan(yuan, false) ?? String(yuan);
}
