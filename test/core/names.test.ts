// Chinese names for record fields and enum values: mixing with codes, the ambiguity diagnostic, fmt --names zh,
// and the words explanations use for values.
import { describe, expect, it } from 'vitest';
import { compile, evaluateRecord, formatDiagnostic } from '../../src/lib/core/index.ts';
import { renameToChinese } from '../../src/lib/core/fmt/names.ts';
import { countText, enumText, figureText, figureTexter, formatYuan, routeText, scoreText, verdictText } from '../../src/lib/core/evaluate/format.ts';
import { readFileSync } from 'node:fs';

const header = '标准集 "t" { 年度 2026 基准日 2026-09-30 }\n次序 学历.学位: 大专 < 本科 < 硕士 < 博士\n日期字段 业绩.技术合同.签订日期\n日期字段 education.awarded_on\n';
const level = (expr: string) => `${header}
基本条件 门 "基本条件" { G1 "在职": 在职状态 = 在职在岗 }
积分 分 "积分" { S1 "合同" 上限 40分: 向下取整(合计 业绩.技术合同.成交金额 / 50万元) * 1分 }
级别 研究实习员 {
  代码 "064" 层级 初级 岗位等级 11 至 13
  基本条件 门
  常规路线 "学历" 任一 { "条件": ${expr} }
  业绩条件 "业绩" 至少 1 项 { A "合同": 合计 achievements.contracts.amount_yuan 其中 合同角色 = lead >= 50万元 }
  积分 分 最低 0分
}
`;
const src = (text: string) => [{ path: 'input.std', text }];
const record = JSON.parse(readFileSync('test/fixtures/valid-record.json', 'utf8'));

describe('names', () => {
  it('Chinese names, codes and a mix of both compile to the same logic', () => {
    const zh = compile(src(level('存在 学历 其中 学位 >= 硕士 且 授予日期 满 3年')));
    const codes = compile(src(level('存在 education 其中 degree >= master 且 awarded_on 满 3年')));
    const mixed = compile(src(level('存在 学历 其中 degree >= 硕士 且 awarded_on 满 3年')));
    for (const r of [zh, codes, mixed]) expect(r.diagnostics.map(formatDiagnostic)).toEqual([]);
    const logic = (r: typeof zh) => JSON.stringify(r.bundle!.levels.map((l) => [l.verdict, l.route, l.score]));
    expect(logic(codes)).toBe(logic(zh));
    expect(logic(mixed)).toBe(logic(zh));
    // and the logic holds the codes, never the Chinese names
    expect(logic(zh)).toContain('"education"');
    expect(logic(zh)).toContain('"master"');
    expect(logic(zh)).not.toContain('硕士');
    expect(evaluateRecord(zh.bundle!, record).results).toEqual(evaluateRecord(codes.bundle!, record).results);
  });

  it('a name that could mean a parameter or a field is an error at the place it is used', () => {
    const text = `${level('持有(硕士)')}定义 持有(学位) "学历" = 存在 学历 其中 学位 >= 学位\n`;
    const d = compile(src(text)).diagnostics.filter((x) => x.code === 'E119');
    // Both uses inside 其中 (where the item's field 学位 is in scope) could mean either.
    expect(d).toHaveLength(2);
    const line = text.split('\n').findIndex((l) => l.startsWith('定义 持有')) + 1;
    const body = text.split('\n')[line - 1];
    expect(d.map((x) => [x.line, x.col])).toEqual([[line, body.indexOf('学位 >=') + 1], [line, body.lastIndexOf('学位') + 1]]);
    expect(d[0].message).toContain('参数“学位”');
    expect(d[0].message).toContain('education.degree');
    expect(d[0].suggestions).toEqual(['degree']);
    // With another parameter name it checks.
    expect(compile(src(`${level('持有(硕士)')}定义 持有(下限) "学历" = 存在 学历 其中 学位 >= 下限\n`)).diagnostics).toEqual([]);
  });

  it('an unknown Chinese name or value gets a Chinese did-you-mean', () => {
    const r = compile(src(level('存在 学历 其中 学位 >= 硕仕 且 授予日期 满 3年')));
    expect(r.diagnostics.map((x) => x.code)).toEqual(['E103']);
    expect(r.diagnostics[0].message).toContain('硕士（master）');
    expect(r.diagnostics[0].suggestions?.[0]).toBe('硕士');
  });

  it('fmt --names zh rewrites every code of a mixed file, keeps the logic, and is idempotent', () => {
    const text = level('存在 education 其中 degree >= master 且 授予日期 满 3年');
    const once = renameToChinese(src(text));
    expect(once.count).toBeGreaterThan(5);
    expect(once.files[0].text).toContain('存在 学历 其中 学位 >= 硕士 且 授予日期 满 3年');
    expect(once.files[0].text).toContain('合计 业绩.技术合同.成交金额 其中 合同角色 = 主持 >= 50万元');
    expect(once.files[0].text).toContain('日期字段 学历.授予日期');
    const twice = renameToChinese(once.files);
    expect(twice.count).toBe(0);
    expect(twice.files[0].text).toBe(once.files[0].text);
    const logic = (t: string) => JSON.stringify(compile(src(t)).bundle!.levels.map((l) => [l.verdict, l.route, l.score]));
    expect(logic(once.files[0].text)).toBe(logic(text));
  });

  it('fmt --names zh leaves a code alone where its Chinese name would mean a parameter', () => {
    const text = `${level('门槛(3年)')}定义 门槛(硕士) "学历" = 存在 education 其中 degree >= master 且 awarded_on 满 硕士\n`;
    expect(compile(src(text)).diagnostics).toEqual([]);
    const out = renameToChinese(src(text)).files[0].text;
    expect(out).toContain('存在 学历 其中 学位 >= master 且 授予日期 满 硕士');
    expect(compile(src(out)).diagnostics).toEqual([]);
  });
});

describe('values in Chinese words (format.ts)', () => {
  it('verdicts, routes, scores, counts, amounts and enum values', () => {
    expect(['pass', 'fail', 'ineligible'].map(verdictText)).toEqual(['通过', '不通过', '不符合申报资格']);
    expect([routeText('regular'), routeText('direct'), routeText(null)]).toEqual(['常规', '直接申报', '—']);
    expect([scoreText(57.5), scoreText(null)]).toEqual(['57.5分', '不计']);
    expect(countText(3)).toBe('3项');
    expect([formatYuan(3_200_000), formatYuan(8000)]).toEqual(['320万元', '8000元']);
    expect(enumText('education.degree', 'doctor')).toBe('博士');
    expect(enumText('achievements.platforms.level', 'municipal')).toBe('市级');
  });

  it('requirements as a person says them', () => {
    const src0 = { file: 'x', line: 1, col: 1, endLine: 1, endCol: 1 };
    const count = { label: '符合条件的奖项', value: null, op: '>=', target: 1, kind: 'number' as const, unit: { name: '项', factor: 1 }, src: src0 };
    expect(figureText(count, 0, 1)).toBe('符合条件的奖项：0项，要求至少1项');
    const money = { ...count, label: '促成技术合同成交额', unit: { name: '万元', factor: 10_000 } };
    expect(figureText(money, 3_200_000, 5_000_000)).toBe('促成技术合同成交额：320万元，要求不低于500万元');
    const level = { ...count, label: '平台级别', kind: 'enum' as const, unit: undefined, enumLabels: { municipal: '市级', district: '区县级' } };
    expect(figureText(level, 'district', 'municipal')).toBe('平台级别：区县级，要求市级及以上');
    const date = { ...count, label: '取得日期', kind: 'date' as const, op: '<=', unit: undefined };
    expect(figureText(date, null, '2024-09-30')).toBe('取得日期：无，要求不晚于2024-09-30');
  });

  it('a texter keeps its requirement only while the target stays the same', () => {
    const src0 = { file: 'x', line: 1, col: 1, endLine: 1, endCol: 1 };
    const money = { label: '促成技术合同成交额', value: null, op: '>=', target: 1, kind: 'number' as const, unit: { name: '万元', factor: 10_000 }, src: src0 };
    const text = figureTexter(money);
    expect(text(3_200_000, 5_000_000)).toBe('促成技术合同成交额：320万元，要求不低于500万元');
    // a target that depends on the record: the next applicant's sentence quotes the next target
    expect(text(3_200_000, 3_000_000)).toBe('促成技术合同成交额：320万元，要求不低于300万元');
    expect(text(3_200_000, 5_000_000)).toBe('促成技术合同成交额：320万元，要求不低于500万元');
    const truth = figureTexter({ ...money, label: '已取得职称', kind: 'boolean' as const, op: '=', unit: undefined });
    expect(truth(true, true)).toBe('已取得职称：是');
    expect(truth(true, false)).toBe('已取得职称：是，要求为否');
  });
});
