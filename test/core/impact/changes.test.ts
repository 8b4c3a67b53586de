// The change list generated from two checked models of the 2026 set, for known edits.
import { describe, expect, it } from 'vitest';
import { analyze, type SourceFile } from '../../../src/lib/core/index.ts';
import { readStandardDir } from '../../../src/lib/core/node.ts';
import { changeList } from '../../../src/lib/core/impact/changes.ts';
import { formatSource } from '../../../src/lib/core/fmt/index.ts';

const base = readStandardDir('standards/2026');
const model = (files: SourceFile[]) => {
  const a = analyze(files);
  if (!a.model || a.diagnostics.some((d) => d.severity === 'error')) throw new Error(a.diagnostics.map((d) => d.message).join('\n'));
  return a.model;
};
const baseModel = model(base);

/** The 2026 set with one replacement in one file (which must match exactly once). */
function edited(file: string, from: string, to: string): SourceFile[] {
  return base.map((f) => {
    if (!f.path.endsWith('/' + file)) return f;
    expect(f.text.split(from).length, `${from} in ${file}`).toBe(2);
    return { ...f, text: f.text.replace(from, to) };
  });
}
const texts = (files: SourceFile[]) => changeList(baseModel, model(files)).map((c) => c.text);

describe('changeList', () => {
  it('nothing for the same set, nor for a reformatted one', () => {
    expect(texts(base)).toEqual([]);
    const shuffled = base.map((f) => ({ ...f, text: formatSource(f.text.replace(/\n\n/g, '\n\n\n')).text ?? f.text }));
    expect(texts(shuffled)).toEqual([]);
  });

  it('a threshold', () => {
    const files = edited('副研究员.std', 'A "促成技术合同成交额": 合同成交额 >= 500万元', 'A "促成技术合同成交额": 合同成交额 >= 400万元');
    const cs = changeList(baseModel, model(files));
    expect(cs.map((c) => c.text)).toEqual(['副研究员 业绩条件 A 促成技术合同成交额：门槛由 500万元 调整为 400万元']);
    expect(cs[0]).toMatchObject({ kind: 'threshold', key: 'items:A', old: '500万元', new: '400万元' });
    expect(cs[0].at).toMatch(/副研究员\.std:\d+:5$/);
  });

  it('a count threshold and a bare number keep their units', () => {
    expect(texts(edited('副研究员.std', '主持项目数 >= 15项', '主持项目数 >= 12项'))).toEqual(['副研究员 业绩条件 B 主持技术转移服务：主持技术转移服务项数 门槛由 15项 调整为 12项']);
  });

  it('the N of an N-of-M', () => {
    expect(texts(edited('研究员.std', '至少 3 项', '至少 2 项'))).toEqual(['研究员 业绩条件 由 至少3项 调整为 至少2项']);
  });

  it('a window', () => {
    expect(texts(edited('研究员.std', '合同角色 = 主持 于 近5年 >= 1亿元', '合同角色 = 主持 于 截至基准日 >= 1亿元'))).toEqual([
      '研究员 标志性业绩（直接申报） 近5年主持技术合同成交额不低于1亿元：技术合同成交金额合计 时间窗口由“近5年”调整为“截至基准日”'
    ]);
  });

  it('a removed and an added clause', () => {
    const removed = edited('副研究员.std', '    F "培训授课": 授课学时 >= 32学时\n', '');
    expect(texts(removed)).toEqual(['副研究员 业绩条件 F 培训授课：删除']);
    const added = edited('助理研究员.std', '    F "培训授课": 授课学时 >= 16学时\n', '    F "培训授课": 授课学时 >= 16学时\n    G "服务企业（新）": 服务企业数 >= 12项\n');
    expect(texts(added)).toEqual(['助理研究员 业绩条件 G 服务企业（新）：新增']);
  });

  it('a minimum score', () => {
    expect(texts(edited('副研究员.std', '最低 55分', '最低 50分'))).toEqual(['副研究员 业绩量化积分 最低分由 55分 调整为 50分']);
  });

  it('a cap and points in the shared score table show at every level that uses it', () => {
    const cs = texts(edited('common.std', 'S2 "主持项目" 上限 20分: 2分 * 主持项目数', 'S2 "主持项目" 上限 15分: 3分 * 主持项目数'));
    expect(cs).toHaveLength(8);
    expect(cs.slice(0, 2)).toEqual(['研究实习员 业绩量化积分 S2 主持项目：上限由 20分 调整为 15分', '研究实习员 业绩量化积分 S2 主持项目：分值由 2分 调整为 3分']);
  });

  it('a set of values, an operator, a renamed clause and a rewritten one', () => {
    expect(texts(edited('副研究员.std', '考核年度 属于 (2024, 2025) 且 考核结果 = 优秀', '考核年度 属于 (2023, 2024, 2025) 且 考核结果 = 优秀'))).toEqual([
      '副研究员 标志性业绩（直接申报） 2024或2025年度考核至少一次优秀：考核年度 取值范围由（2024、2025）调整为（2023、2024、2025）'
    ]);
    expect(texts(edited('副研究员.std', '服务企业数 >= 20项', '服务企业数 > 20项'))).toEqual(['副研究员 业绩条件 C 服务企业：服务企业数 比较由“>=”调整为“>”']);
    expect(texts(edited('副研究员.std', 'C "服务企业": 服务企业数 >= 20项', 'C "服务企业家": 服务企业数 >= 20项'))).toEqual(['副研究员 业绩条件 C 服务企业家：名称由“服务企业”调整为“服务企业家”']);
    expect(texts(edited('副研究员.std', 'C "服务企业": 服务企业数 >= 20项', 'C "服务企业": 服务企业数 >= 20项 且 授课学时 >= 1学时'))).toEqual(['副研究员 业绩条件 C 服务企业：条件已改写']);
  });
});
