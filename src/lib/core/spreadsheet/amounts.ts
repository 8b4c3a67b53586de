// 万元 typed by a clerk → integer 元, exactly: by decimal digits, never by multiplying a float.
export type WanResult = { ok: true; yuan: number } | { ok: false; message: string };

/** "12.3456" → 123456; a spreadsheet's double (12.3456 stored as 12.345600000000001) is read at 15 digits. */
export function wanToYuan(value: string | number): WanResult {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? value.toPrecision(15) : 'x') : value.trim().replace(/,/g, '');
  const m = /^(\d+)(?:\.(\d*))?$/.exec(typeof value === 'number' ? stripZeros(text) : text);
  if (!m) return { ok: false, message: '不是金额（万元，最多4位小数，如 500 或 12.5）' };
  const frac = (m[2] ?? '').replace(/0+$/, '');
  if (frac.length > 4) return { ok: false, message: '万元金额最多4位小数（精确到元）' };
  const yuan = Number(m[1]) * 10000 + Number(frac.padEnd(4, '0') || '0');
  if (!Number.isSafeInteger(yuan)) return { ok: false, message: '金额过大' };
  return { ok: true, yuan };
}

function stripZeros(s: string): string {
  if (/e/i.test(s)) return s;
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** 123456 → "12.3456" (the 万元 a clerk reads back; exact). */
export function yuanToWan(yuan: number): string {
  const whole = Math.floor(yuan / 10000);
  const frac = String(yuan % 10000).padStart(4, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}
