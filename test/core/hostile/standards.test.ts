// Hostile standard text: each defect once found (crash, hang, wrong answer) is a coded, positioned diagnostic now,
// reached in bounded time. CPU time is measured (not wall time), with a wide margin, so a busy machine does not
// fail these; the old behaviour took minutes or threw.
import { describe, expect, it } from 'vitest';
import { analyze, compile } from '../../../src/lib/core/index.ts';
import { LIMITS } from '../../../src/lib/core/limits.ts';

const HEAD = '标准集 "t" { 年度 2026 基准日 2026-09-30 }\n';
const DATES = '日期字段 achievements.contracts.signed_on\n';
const LEVEL = `基本条件 G "基本" { G1 "杭州": work_region_code 开头是 "3301" }
积分 T "积分" { S1 "项" 上限 10分: 计数 education * 1分 }
级别 研究实习员 { 代码 "1" 层级 初级 岗位等级 1 至 2 基本条件 G 常规路线 "r" 任一 { "x": X } 业绩条件 "p" 至少 1 项 { A "a": 是 } 积分 T 最低 0分 }
`;

function run(text: string) {
  const t = process.cpuUsage();
  const r = compile([{ path: 'x.std', text }]);
  const u = process.cpuUsage(t);
  return { ...r, cpuMs: (u.user + u.system) / 1000, codes: r.diagnostics.map((d) => d.code) };
}

const find = (r: ReturnType<typeof run>, code: string) => {
  const d = r.diagnostics.find((x) => x.code === code);
  expect(d, `${code} in ${r.codes.join(',')}`).toBeDefined();
  return d!;
};

describe('hostile standard text', () => {
  it('200 nested parentheses: "nesting too deep" at the 51st, not a RangeError at 1:1', () => {
    const r = run(`${HEAD}定义 X = ${'('.repeat(200)}是${')'.repeat(200)}\n${LEVEL}`);
    const d = find(r, 'E017');
    expect([d.line, d.col]).toEqual([2, 8 + LIMITS.bracketNesting]); // the first ( is at column 8
    expect(r.diagnostics.some((x) => /RangeError/.test(x.message))).toBe(false);
  });

  it('5,000 非 in a row (recursion without brackets): a positioned "nesting too deep"', () => {
    const r = run(`${HEAD}定义 X = ${'非\n'.repeat(5000)}是\n${LEVEL}`);
    const d = find(r, 'E017');
    expect(d.line).toBeGreaterThan(2);
  });

  for (const n of [3000, 10000]) {
    it(`a + chain of ${n} terms over many lines: bounded, "nesting too deep" at the expression`, () => {
      const r = run(`${HEAD}定义 X = ${Array.from({ length: n }, () => '1分').join(' +\n  ')} >= 1分\n${LEVEL}`);
      const d = find(r, 'E017');
      expect(d.line).toBe(2);
      expect(r.bundle).toBeNull();
      expect(r.cpuMs).toBeLessThan(20_000);
    });
  }

  it('a line longer than the limit is one diagnostic at its column, and the file is not parsed', () => {
    const r = run(`${HEAD}定义 X = ${Array.from({ length: 3000 }, () => '1').join(' + ')}\n`);
    const d = find(r, 'E016');
    expect([d.line, d.col]).toEqual([2, LIMITS.lineLength + 1]);
  });

  it('a file larger than the limit is refused before it is lexed', () => {
    const r = run(`${HEAD}// ${'x'.repeat(100)}\n`.repeat(Math.ceil(LIMITS.fileBytes / 100)));
    expect(r.codes).toContain('E015');
    expect(r.cpuMs).toBeLessThan(10_000);
  });

  it('10 MB of random bytes: refused at once; 1.9 MB of them: bounded', () => {
    let seed = 7;
    const byte = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16) & 0xff;
    const bytes = (n: number) => String.fromCharCode(...Array.from({ length: 4096 }, byte)).repeat(Math.ceil(n / 4096)).slice(0, n);
    expect(run(bytes(10_000_000)).codes).toContain('E015');
    const r = run(bytes(1_900_000));
    expect(r.bundle).toBeNull();
    expect(r.cpuMs).toBeLessThan(30_000);
    expect(r.diagnostics.filter((d) => d.file === 'x.std').length).toBeLessThanOrEqual(LIMITS.diagnosticsPerFile + 1);
  });

  it('more diagnostics than the limit: the first ones, errors first, then a count of the rest (no spread of a huge array)', () => {
    const r = run(HEAD + ('§ '.repeat(500) + '\n').repeat(260) + LEVEL); // 130,000 unknown characters
    const inFile = r.diagnostics.filter((d) => d.file === 'x.std');
    expect(inFile.length).toBe(LIMITS.diagnosticsPerFile + 1);
    const note = find(r, 'W018');
    expect(note.message).toMatch(/还有 \d+ 个问题未列出/);
  });

  it('24 definitions that each use the previous twice: bounded, "expression too large" at the outermost one', () => {
    const defs = Array.from({ length: 24 }, (_, i) => (i === 0 ? '定义 d0 = 1分' : `定义 d${i} = d${i - 1} + d${i - 1}`)).join('\n');
    const r = run(`${HEAD}${defs}\n定义 X = d23 >= 1分\n${LEVEL}`);
    const d = find(r, 'E218');
    expect(d.line).toBe(2 + 24); // X, the outermost definition being expanded
    expect(r.cpuMs).toBeLessThan(20_000);
    // none of d0…d22 is "unused": each is named by the next
    expect(r.diagnostics.filter((x) => x.code === 'W400').map((x) => x.message)).toEqual([]);
  });

  it('a chain of 10,000 definitions: "nesting too deep", bounded', () => {
    const defs = Array.from({ length: 10_000 }, (_, i) => (i === 0 ? '定义 d0 = 1分' : `定义 d${i} = d${i - 1} + 1分`)).join('\n');
    const r = run(`${HEAD}${defs}\n定义 X = d9999 >= 1分\n${LEVEL}`);
    expect(find(r, 'E017').message).toContain('定义的层层引用');
    expect(r.cpuMs).toBeLessThan(30_000);
  });

  it('a 400-digit number is a range diagnostic, not Infinity in memory and null in the bundle', () => {
    const r = run(`${HEAD}定义 X = 计数 education >= ${'9'.repeat(400)}\n${LEVEL}`);
    const d = find(r, 'E215');
    expect([d.line, d.col]).toEqual([2, 24]);
    expect(r.bundle).toBeNull();
    // the largest exact integer is still accepted
    expect(run(`${HEAD}定义 X = 计数 education >= ${Number.MAX_SAFE_INTEGER}\n${LEVEL}`).codes).not.toContain('E215');
    expect(run(`${HEAD}定义 X = 合计 achievements.contracts.amount_yuan >= 10000000000亿元\n${LEVEL}`).codes).toContain('E215');
  });

  it('近 999999年 and 满 300000年 are window-length diagnostics, not a RangeError or the date "-297974--3-NaN"', () => {
    const recent = run(`${HEAD}${DATES}窗口 W = 近 999999年\n定义 X = 计数 achievements.contracts 于 W >= 1项\n${LEVEL}`);
    const d = find(recent, 'E216');
    expect([d.line, d.col]).toEqual([3, 10]);
    const full = run(`${HEAD}定义 X = 存在 education 其中 awarded_on 满 300000年\n${LEVEL}`);
    expect(find(full, 'E216').message).toContain('300000年');
    expect(JSON.stringify(full.bundle)).not.toContain('NaN');
    const minus = run(`${HEAD}定义 X = 存在 education 其中 awarded_on >= 基准日 - 100年 - 100年 - 100年 - 100年 - 100年 - 100年 - 100年 - 100年 - 100年 - 100年 - 100年\n${LEVEL}`);
    expect(find(minus, 'E217').message).toContain('公元');
  });

  it('every hostile case still analyses (the editor path) without throwing', () => {
    expect(() => analyze([{ path: 'y.std', text: `${HEAD}定义 X = ${'('.repeat(1000)}` }])).not.toThrow();
  });
});
