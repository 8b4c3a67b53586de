// The editor's language service on the real 2026 set: completion, hover, definition, references, outline,
// clauses, incremental updates.
import { beforeEach, describe, expect, it } from 'vitest';
import { Workspace } from '../../src/lib/core/language/index.ts';
import { readStandardDir } from '../../src/lib/core/node.ts';

const files = readStandardDir('standards/2026');
const COMMON = 'standards/2026/common.std';
const ASSOC = 'standards/2026/副研究员.std';
let ws: Workspace;

beforeEach(() => {
  ws = new Workspace();
  ws.setFiles(files);
});

/** Line and column (1-based) of the first occurrence of `needle` in a file, plus `delta` characters. */
function at(path: string, needle: string, delta = 0): [number, number] {
  const text = files.find((f) => f.path === path)!.text;
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`not found: ${needle}`);
  const before = text.slice(0, i + delta);
  return [before.split('\n').length, i + delta - before.lastIndexOf('\n')];
}

/** Completions after typing `typed` at the end of a scratch line appended to a file. */
function completeAfter(typed: string, path = ASSOC): string[] {
  const text = files.find((f) => f.path === path)!.text + `\n定义 临时 = ${typed}`;
  ws.updateFile(path, text);
  const lines = text.split('\n');
  return ws.completions(path, lines.length, lines[lines.length - 1].length + 1).map((c) => c.label);
}

describe('completion', () => {
  it('record fields after a dot: Chinese names first, the code beside them', () => {
    const text = files.find((f) => f.path === ASSOC)!.text + '\n定义 临时 = 合计 业绩.技术合同.';
    ws.updateFile(ASSOC, text);
    const lines = text.split('\n');
    const items = ws.completions(ASSOC, lines.length, lines[lines.length - 1].length + 1);
    const amount = items.find((i) => i.label === '成交金额');
    expect(amount?.kind).toBe('field');
    expect(amount?.detail).toContain('amount_yuan');
    expect(amount?.detail).toContain('元');
    // Typing the code still finds it.
    expect(amount?.filterText).toContain('amount_yuan');
    expect(items.map((i) => i.label)).toEqual(expect.arrayContaining(['签订日期', '合同角色', '合同登记编号']));
    // After a path written in codes, the same Chinese names.
    expect(completeAfter('合计 achievements.contracts.')).toEqual(items.map((i) => i.label));
  });

  it("the list item's fields inside 其中, the record's outside", () => {
    expect(completeAfter('存在 业绩.技术转移平台 其中 ')).toEqual(expect.arrayContaining(['平台级别', '平台角色', '建立日期']));
    expect(completeAfter('存在 业绩.技术转移平台 其中 ')).not.toContain('在职状态');
    expect(completeAfter('')).toContain('在职状态');
    expect(completeAfter('')).not.toContain('employment_status');
  });

  it("right after 其中 / 取 / 满足, and after 且 / 或 / 非 / ( inside such a clause: the item's fields only", () => {
    const itemOnly = (typed: string, fields: string[]) => {
      const text = files.find((f) => f.path === ASSOC)!.text + `\n定义 临时 = ${typed}`;
      ws.updateFile(ASSOC, text);
      const lines = text.split('\n');
      const items = ws.completions(ASSOC, lines.length, lines[lines.length - 1].length + 1);
      expect(items.map((i) => i.label), typed).toEqual(expect.arrayContaining(fields));
      // No keywords, definitions or record-level fields: the place takes one of the item's fields.
      expect(items.filter((i) => i.kind !== 'field' && i.kind !== 'list').map((i) => i.label), typed).toEqual([]);
      expect(items.map((i) => i.label), typed).not.toContain('在职状态');
    };
    const contract = ['合同角色', '成交金额', '签订日期'];
    itemOnly('合计 业绩.技术合同.成交金额 其中 ', contract);
    itemOnly('合计 achievements.contracts.amount_yuan 其中 ', contract);
    itemOnly('合计 业绩.技术合同.成交金额 其中 合同角色 = 主持 且 ', contract);
    itemOnly('存在 业绩.技术合同 其中 合同角色 = 主持 或 ', contract);
    itemOnly('存在 业绩.技术合同 其中 (合同角色 = 主持 或 ', contract);
    itemOnly('存在 业绩.技术合同 其中 非 ', contract);
    itemOnly('全部 业绩.技术合同 满足 ', contract);
    itemOnly('最大 业绩.技术合同 取 ', contract);
    // A word being typed there: the same list, for the editor to filter (rol finds 合同角色 by its code).
    itemOnly('合计 业绩.技术合同.成交金额 其中 rol', contract);
    // Outside an item clause, 且 still offers everything.
    expect(completeAfter('有现职 且 ')).toEqual(expect.arrayContaining(['在职状态', '存在', '合同成交额']));
    // A window before the clause keeps it the aggregation's; a window after the condition closes it.
    itemOnly('计数 业绩.技术合同 于 近5年 其中 ', contract);
    expect(completeAfter('存在 业绩.技术合同 其中 合同角色 = 主持 于 近5年 且 ')).toEqual(expect.arrayContaining(['在职状态', '存在']));
    expect(completeAfter('存在 业绩.技术合同 其中 合同角色 = 主持 于 近5年 且 ')).not.toContain('合同角色');
  });

  it('enum values after a comparison and in 属于, by their Chinese labels', () => {
    expect(completeAfter('存在 业绩.技术合同 其中 合同角色 = ')).toEqual(['主持', '参与']);
    expect(completeAfter('存在 achievements.contracts 其中 role = ')).toEqual(['主持', '参与']);
    expect(completeAfter('存在 年度考核 其中 考核结果 属于 (优秀, ')).toContain('合格');
    const text = files.find((f) => f.path === ASSOC)!.text + '\n定义 临时 = 存在 学历 其中 学位 >= ';
    ws.updateFile(ASSOC, text);
    const lines = text.split('\n');
    const doctor = ws.completions(ASSOC, lines.length, lines[lines.length - 1].length + 1).find((i) => i.label === '博士');
    expect(doctor?.detail).toBe('doctor');
  });

  it('units right after a number, windows after 于', () => {
    expect(completeAfter('合同成交额 >= 500')).toContain('万元');
    expect(completeAfter('计数 achievements.contracts 于 ')).toEqual(expect.arrayContaining(['任现职以来', '近5年']));
  });

  it('definitions and keywords in general position', () => {
    const labels = completeAfter('合');
    expect(labels).toEqual(expect.arrayContaining(['合同成交额', '合计', '存在']));
  });
});

describe('hover, definition, references', () => {
  it('a field shows its Chinese label, type and unit', () => {
    const h = ws.hover(COMMON, ...at(COMMON, '成交金额', 2));
    expect(h?.markdown).toContain('成交金额');
    expect(h?.markdown).toContain('achievements.contracts.amount_yuan');
    expect(h?.markdown).toContain('元');
  });

  it('a definition shows its text; go to definition crosses files', () => {
    const pos = at(ASSOC, '合同成交额 >=', 1);
    expect(ws.hover(ASSOC, ...pos)?.markdown).toContain('合计 业绩.技术合同.成交金额');
    const def = ws.definition(ASSOC, ...pos);
    expect(def?.file).toBe(COMMON);
    expect(def?.line).toBe(at(COMMON, '定义 合同成交额')[0]);
  });

  it('an enum value shows its Chinese label and its code', () => {
    const md = ws.hover(COMMON, ...at(COMMON, '= 在职在岗', 3))?.markdown;
    expect(md).toContain('在职在岗');
    expect(md).toContain('in_service');
  });

  it('references of a window span files', () => {
    const refs = ws.references(COMMON, ...at(COMMON, '窗口 任现职以来', 4));
    expect(new Set(refs.map((r) => r.file)).size).toBeGreaterThanOrEqual(2);
    expect(refs.length).toBeGreaterThan(10);
  });
});

describe('outline, clauses, tokens, formatting', () => {
  it('outlines a level with its routes and items', () => {
    const [level] = ws.outline(ASSOC);
    expect(level.name).toBe('副研究员');
    const items = level.children!.find((c) => c.name.startsWith('业绩条件'))!;
    expect(items.children!.map((c) => c.name)).toEqual(['A 促成技术合同成交额', 'B 主持技术转移服务', 'C 服务企业', 'D 技术转移平台', 'E 奖项', 'F 培训授课']);
  });

  it('the clause under the cursor, with its compiled logic and the levels using it', () => {
    const item = ws.clauseAt(ASSOC, ...at(ASSOC, 'A "促成技术合同成交额"', 3));
    expect(item?.kind).toBe('item');
    expect(item?.levels).toEqual(['副研究员']);
    expect(JSON.stringify(item?.logic)).toContain('5000000');
    const gate = ws.clauseAt(COMMON, ...at(COMMON, 'G2 "非公务员"', 5));
    expect(gate?.label).toBe('非公务员');
    expect(gate?.levels).toEqual(['研究实习员', '助理研究员', '副研究员', '研究员']);
  });

  it('semantic tokens mark fields and definitions', () => {
    const types = new Set(ws.semanticTokens(ASSOC).map((t) => t.type));
    expect([...types]).toEqual(expect.arrayContaining(['definition', 'field', 'enum', 'window']));
  });

  it('formats a file', () => {
    const text = files.find((f) => f.path === ASSOC)!.text;
    ws.updateFile(ASSOC, text.replace('  代码 "062"', '代码 "062"'));
    expect(ws.format(ASSOC)).toBe(text);
  });
});

describe('incremental updates', () => {
  it('an error appears and goes away; the bundle follows', () => {
    const text = files.find((f) => f.path === ASSOC)!.text;
    expect(ws.diagnostics()).toEqual([]);
    ws.updateFile(ASSOC, text.replace('合同成交额 >= 500万元', '合同成交额 >= 500学时'));
    const d = ws.diagnostics();
    expect(d.map((x) => x.code)).toEqual(['E202']);
    expect(d[0].file).toBe(ASSOC);
    expect(ws.bundle()).toBeNull();
    ws.updateFile(ASSOC, text);
    expect(ws.diagnostics()).toEqual([]);
    expect(ws.bundle()).not.toBeNull();
  });
});

describe('units', () => {
  it('a partly typed unit is replaced, not appended to', () => {
    const text = files.find((f) => f.path === ASSOC)!.text + '\n定义 临时 = 合同成交额 >= 500万';
    ws.updateFile(ASSOC, text);
    const lines = text.split('\n');
    const item = ws.completions(ASSOC, lines.length, lines[lines.length - 1].length + 1).find((c) => c.label === '万元')!;
    expect(item.range!.endCol - item.range!.col).toBe(1);
  });
});
