// Mutated and random .std input never crashes the checker, and every diagnostic it gives is well-formed.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, compile } from '../../src/lib/core/index.ts';
import { formatSource } from '../../src/lib/core/fmt/index.ts';
import { mulberry32 } from '../../bench/generate.ts';

const dir = 'standards/2026';
const originals = readdirSync(dir).filter((f) => f.endsWith('.std')).map((f) => ({ path: `${dir}/${f}`, text: readFileSync(`${dir}/${f}`, 'utf8') }));
const snippets = ['{', '}', '(', ')', '：', '，', '且', '或', '非', '存在', '于', '其中', '取', '500万元', '3年', '"', '“', '定义', '级别', '=', '>=', 'level', '.', '\n', '满', '情形', '至少', '2026-02-30', '基准日', '导入 "x.std"', '−', '?', '\u0000'];

function mutate(text: string, rnd: () => number): string {
  let t = text;
  const n = 1 + Math.floor(rnd() * 4);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(rnd() * (t.length + 1));
    const op = Math.floor(rnd() * 4);
    if (op === 0) t = t.slice(0, at) + t.slice(at + 1 + Math.floor(rnd() * 20));
    else if (op === 1) t = t.slice(0, at) + snippets[Math.floor(rnd() * snippets.length)] + t.slice(at);
    else if (op === 2) {
      const lines = t.split('\n');
      const a = Math.floor(rnd() * lines.length);
      const b = Math.floor(rnd() * lines.length);
      [lines[a], lines[b]] = [lines[b], lines[a]];
      t = lines.join('\n');
    } else t = t.slice(0, at) + t.slice(Math.floor(rnd() * t.length));
  }
  return t;
}

function wellFormed(files: { path: string; text: string }[], ds: ReturnType<typeof analyze>['diagnostics']) {
  for (const d of ds) {
    expect(d.code).toMatch(/^[EW]\d{3}$/);
    expect(d.message).toMatch(/[\u4e00-\u9fff]/);
    const f = files.find((x) => x.path === d.file);
    if (!f) continue; // an import that does not exist
    const lines = f.text.split('\n').length;
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(lines);
    expect(d.col).toBeGreaterThanOrEqual(1);
  }
}

describe('fuzz', () => {
  it('survives 300 mutations of the 2026 set', () => {
    const rnd = mulberry32(20260930);
    for (let i = 0; i < 300; i++) {
      const k = Math.floor(rnd() * originals.length);
      const files = originals.map((f, j) => (j === k ? { ...f, text: mutate(f.text, rnd) } : f));
      let result: ReturnType<typeof analyze> | undefined;
      expect(() => (result = analyze(files)), `seed step ${i}`).not.toThrow();
      wellFormed(files, result!.diagnostics);
      expect(() => compile(files)).not.toThrow();
      expect(() => formatSource(files[k].text, files[k].path)).not.toThrow();
    }
  }, 300_000); // 36–73 s on this shared 2-core machine at load 10–17, over 120 s at load 28

  it('survives random token soup', () => {
    const rnd = mulberry32(7);
    for (let i = 0; i < 300; i++) {
      const text = Array.from({ length: 5 + Math.floor(rnd() * 60) }, () => snippets[Math.floor(rnd() * snippets.length)]).join(' ');
      const files = [{ path: 'soup.std', text }];
      expect(() => wellFormed(files, analyze(files).diagnostics)).not.toThrow();
    }
  });

  it('a mutation that breaks the set is reported, not silently accepted', () => {
    const files = originals.map((f) => (f.path.endsWith('common.std') ? { ...f, text: f.text.replace('平台级别 >= 最低级别', '平台级别 >= 最底级别') } : f));
    const r = analyze(files);
    expect(r.diagnostics.some((d) => d.code === 'E100' && d.message.includes('最底级别'))).toBe(true);
  });
});

// The fast-check properties of `npm run fuzz` (test/fuzz/properties.ts), bounded: a few seconds, a fixed seed.
describe('property fuzzing (fast-check), bounded', () => {
  it('checker, compiler, formatter and the applicants reader hold on hostile input', async () => {
    const { fuzz } = await import('../fuzz/properties.ts');
    const runs = await fuzz(Number(process.env.FUZZ_TEST_MS ?? 6000), 20261202, { folds: false }); // folds.test.ts runs those
    for (const r of runs) {
      expect(r.report, r.name).toBe('');
      expect(r.cases, r.name).toBeGreaterThan(0);
    }
  }, 120_000);
});

// Found by `npm run fuzz` (seed 141559727, after 30,127 cases): under error recovery a sub-rule may return
// nothing, and the parser's actions read its position; "属于 (特等奖,* 一等奖)" threw a TypeError out of analyze.
describe('the parser under error recovery, an operand missing', () => {
  const common = originals.find((f) => f.path.endsWith('common.std'))!;
  for (const [what, from, to] of [
    ['a "*" after a comma in 属于 (…)', '属于 (特等奖, 一等奖)', '属于 (特等奖,* 一等奖)'],
    ['"*" with nothing before it', '2分 * 主持项目数', '2分 * * 主持项目数'],
    ['"+" with nothing after it', '+ 向下取整', '+ * 向下取整'],
    ['非 and - before nothing', '非 禁止申报期内', '非 - * 禁止申报期内'],
    ['开头是 and 满 before nothing', '开头是 "3301"', '开头是 * "3301"'],
    ['a call argument that is nothing', '年度考核合格(2023)', '年度考核合格(*, 2023)'],
    ['a 情形 arm that is nothing', '平台级别 = 省级: 6分', '* 省级: 6分']
  ] as const) {
    it(what, () => {
      expect(common.text).toContain(from);
      const files = originals.map((f) => (f === common ? { ...f, text: f.text.replace(from, to) } : f));
      const r = analyze(files);
      wellFormed(files, r.diagnostics);
      expect(r.diagnostics.some((d) => d.severity === 'error' && d.file === common.path)).toBe(true);
      expect(() => compile(files)).not.toThrow();
      expect(formatSource(files.find((f) => f.path === common.path)!.text, common.path).diagnostics.length).toBeGreaterThan(0);
    });
  }
});
