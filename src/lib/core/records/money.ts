// Amounts as a clerk types and reads them, in 万元 with digit grouping ("1,250.5"), and the record's integer 元.
// The conversion is done on the digits, never by multiplying a float: "0.0001" 万元 is exactly 1 元, and a
// fifth decimal place (a fraction of a 元) is refused rather than rounded.

export const YUAN_PER_WAN = 10_000;
const WAN_DECIMALS = 4;

export type WanParse = { ok: true; yuan: number } | { ok: false; message: string };

/** Full-width digits and punctuation, as a Chinese input method may type them, to their ASCII forms. */
function halfWidth(text: string): string {
	return text.replace(/[０-９．，]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

// Either plain digits or digits grouped by threes with commas; then an optional fraction.
const WAN = /^(?:(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?|\.(\d+))$/;

/** "1,250.5" (万元) → 12,505,000 (元). Spaces around are ignored; a sign, letters or a unit are not accepted. */
export function parseWan(text: string): WanParse {
	const t = halfWidth(text).trim();
	if (t === '') return { ok: false, message: '请填写金额（单位：万元）' };
	const m = WAN.exec(t);
	if (!m) return { ok: false, message: `“${text.trim()}”不是金额：请只写数字，如 320 或 12.5（单位：万元）` };
	const whole = (m[1] ?? '0').replace(/,/g, '');
	const fraction = m[2] ?? m[3] ?? '';
	if (fraction.length > WAN_DECIMALS) {
		return { ok: false, message: `最多 ${WAN_DECIMALS} 位小数（0.0001万元 即 1元），记录中的金额以整数元保存` };
	}
	const digits = `${whole}${fraction.padEnd(WAN_DECIMALS, '0')}`.replace(/^0+(?=\d)/, '');
	const yuan = Number(digits); // a string of digits: exact while it is a safe integer
	if (!Number.isSafeInteger(yuan)) return { ok: false, message: '金额过大' };
	return { ok: true, yuan };
}

/** 1234567 → "1,234,567". */
export function groupDigits(digits: string): string {
	return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 12,505,000 (元) → "1,250.5" (万元); null for anything that is not a non-negative safe integer of 元. */
export function formatWan(yuan: unknown, grouping = true): string | null {
	if (typeof yuan !== 'number' || !Number.isSafeInteger(yuan) || yuan < 0) return null;
	const s = String(yuan).padStart(WAN_DECIMALS + 1, '0');
	const whole = s.slice(0, -WAN_DECIMALS);
	const fraction = s.slice(-WAN_DECIMALS).replace(/0+$/, '');
	return `${grouping ? groupDigits(whole) : whole}${fraction ? `.${fraction}` : ''}`;
}

/** 12505000 → "12,505,000". */
export function formatYuan(yuan: number): string {
	return Number.isSafeInteger(yuan) && yuan >= 0 ? groupDigits(String(yuan)) : String(yuan);
}
