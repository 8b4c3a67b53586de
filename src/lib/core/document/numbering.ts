// Numbers as a Chinese official document writes them: 一、 （一） 1. （1） ①, 三分之二, 2026年9月30日.

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (up to 99, enough for clause numbers). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** The clause number at a depth (0: 一、 1: （一） 2: 1. 3: （1） 4: ①), for the 1-based index. */
export function clauseNumber(depth: number, index: number): string {
  switch (depth) {
    case 0: return `${chineseNumeral(index)}、`;
    case 1: return `（${chineseNumeral(index)}）`;
    case 2: return `${index}.`;
    case 3: return `（${index}）`;
    default: return CIRCLED[index - 1] ?? `${index})`;
  }
}

/** 2/3 → 三分之二 */
export function fractionText(num: number, den: number): string {
  return `${chineseNumeral(den)}分之${chineseNumeral(num)}`;
}

/** 2026-09-30 → 2026年9月30日 */
export function dateText(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}
