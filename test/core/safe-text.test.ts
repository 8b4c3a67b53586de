import { describe, expect, it } from 'vitest';
import { csvCell, looksLikeFormula, spreadsheetText, terminalInline, terminalText } from '../../src/lib/core/safe-text.ts';

describe('terminal text', () => {
  it('shows control characters instead of sending them', () => {
    expect(terminalInline('张三\r通过')).toBe('张三\\u{d}通过');
    expect(terminalInline('a\u001b[2Jb\u0007\u0000')).toBe('a\\u{1b}[2Jb\\u{7}\\u{0}');
    expect(terminalInline('x\u202ey')).toBe('x\\u{202e}y');
    expect(terminalText('第一行\n第二行\u0085')).toBe('第一行\n第二行\\u{85}');
    expect(terminalInline('a\nb')).toBe('a\\u{a}b');
  });
  it('leaves ordinary Chinese and full-width text alone', () => {
    const s = '促成技术合同成交额（万元）：500，“主持”';
    expect(terminalText(s)).toBe(s);
    expect(terminalInline(s)).toBe(s);
  });
});

describe('spreadsheet cells', () => {
  it('neutralises formulas', () => {
    for (const f of ['=1+1', '+86 571', '-2', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(looksLikeFormula(f)).toBe(true);
      expect(spreadsheetText(f)).toBe(`'${f}`);
    }
    expect(spreadsheetText('通过')).toBe('通过');
    expect(spreadsheetText('a=b')).toBe('a=b');
  });
  it('quotes CSV fields that need it', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('普通')).toBe('普通');
  });
});
