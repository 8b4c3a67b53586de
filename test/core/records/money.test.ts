// 万元 in the sample form ↔ the record's integer 元: exact on the digits, never through a float.
import { describe, expect, it } from 'vitest';
import { formatWan, formatYuan, parseWan } from '../../../src/lib/core/records/money.ts';

const yuan = (text: string) => {
	const r = parseWan(text);
	if (!r.ok) throw new Error(`${text}: ${r.message}`);
	return r.yuan;
};

describe('parseWan', () => {
	it('converts 万元 to integer 元 exactly, where a float product would not', () => {
		expect(yuan('500')).toBe(5_000_000);
		expect(yuan('0.0001')).toBe(1);
		expect(yuan('12.5')).toBe(125_000);
		// 1.1 * 10000 is 11000.000000000002 and 0.0007 * 10000 is 7.000000000000001 in floating point
		expect(yuan('1.1')).toBe(11_000);
		expect(yuan('0.0007')).toBe(7);
		expect(yuan('2.3456')).toBe(23_456);
		expect(yuan('.5')).toBe(5_000);
		expect(yuan('7.')).toBe(70_000);
		expect(yuan('0')).toBe(0);
		expect(yuan('000120')).toBe(1_200_000);
	});

	it('accepts digit grouping, spaces around and full-width digits', () => {
		expect(yuan('1,250.5')).toBe(12_505_000);
		expect(yuan(' 3,000 ')).toBe(30_000_000);
		expect(yuan('１２．５')).toBe(125_000);
		expect(yuan('1，000')).toBe(10_000_000);
	});

	it('refuses a fifth decimal place instead of rounding it', () => {
		const r = parseWan('1.23456');
		expect(r.ok).toBe(false);
		expect(!r.ok && r.message).toContain('最多 4 位小数');
		expect(parseWan('0.00001').ok).toBe(false);
	});

	it('refuses what is not an amount, with a Chinese message', () => {
		for (const bad of ['', 'abc', '-5', '5万', '1,00', '12,34,567', '1.2.3', '1e3', '+3', '.']) {
			const r = parseWan(bad);
			expect(r.ok, bad).toBe(false);
			expect(!r.ok && r.message, bad).toMatch(/[\u4e00-\u9fff]/);
		}
		expect(parseWan('99999999999999').ok).toBe(false); // beyond a safe integer of 元
	});
});

describe('formatWan', () => {
	it('shows 元 as 万元 with digit grouping and no trailing zeros', () => {
		expect(formatWan(5_000_000)).toBe('500');
		expect(formatWan(12_505_000)).toBe('1,250.5');
		expect(formatWan(1)).toBe('0.0001');
		expect(formatWan(0)).toBe('0');
		expect(formatWan(123_456_789_000)).toBe('12,345,678.9');
		expect(formatWan(12_505_000, false)).toBe('1250.5');
	});

	it('gives null for what is not a non-negative integer of 元 (the form then shows it as written)', () => {
		for (const v of [1.5, -1, '500', null, undefined, Number.NaN]) expect(formatWan(v)).toBeNull();
	});

	it('round-trips every amount', () => {
		for (const v of [0, 1, 9, 10, 99_999, 100_000, 123_456, 5_000_001, 987_654_321_012]) {
			expect(yuan(formatWan(v)!)).toBe(v);
			expect(yuan(formatWan(v, false)!)).toBe(v);
		}
	});

	it('formatYuan groups 元', () => {
		expect(formatYuan(12_505_000)).toBe('12,505,000');
	});
});
