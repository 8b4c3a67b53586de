// Completion after a number offers only the units of the right kind (what the number is compared with).
import { beforeEach, describe, expect, it } from 'vitest';
import { Workspace } from '../../src/lib/core/language/index.ts';
import { readStandardDir } from '../../src/lib/core/node.ts';

const files = readStandardDir('standards/2026');
const ASSOC = 'standards/2026/副研究员.std';
let ws: Workspace;

beforeEach(() => {
  ws = new Workspace();
  ws.setFiles(files);
});

/** The unit completions after typing `typed` on a scratch line appended to a file. */
function unitsAfter(typed: string, prefix = '定义 临时 = '): string[] {
  const text = files.find((f) => f.path === ASSOC)!.text + `\n${prefix}${typed}`;
  ws.updateFile(ASSOC, text);
  const lines = text.split('\n');
  return ws
    .completions(ASSOC, lines.length, lines[lines.length - 1].length + 1)
    .filter((c) => c.kind === 'unit')
    .map((c) => c.label)
    .sort();
}

const MONEY = ['万元', '亿元', '元'].sort();

describe('unit completion by kind', () => {
  it('an amount field: 元, 万元, 亿元 only', () => {
    expect(unitsAfter('存在 achievements.contracts 其中 amount_yuan >= 300')).toEqual(MONEY);
    expect(unitsAfter('合计 achievements.contracts.amount_yuan >= 300')).toEqual(MONEY);
  });

  it('a sum over a condition and a window, and a definition that sums amounts', () => {
    expect(unitsAfter('合计 achievements.contracts.amount_yuan 其中 role = lead 于 近5年 >= 3000')).toEqual(MONEY);
    expect(unitsAfter('合同成交额 >= 500')).toEqual(MONEY); // 定义 合同成交额 = 合计 …amount_yuan …
    expect(unitsAfter('合同成交额 + 5')).toEqual(MONEY);
  });

  it('hours, counts, periods and points', () => {
    expect(unitsAfter('存在 continuing_education 其中 total_hours >= 90')).toEqual(['学时']);
    expect(unitsAfter('计数 achievements.contracts >= 3')).toEqual(['项']);
    expect(unitsAfter('计数 achievements.contracts 其中 role = lead 于 近5年 >= 3')).toEqual(['项']);
    expect(unitsAfter('存在 education 其中 awarded_on 满 3')).toEqual(['个月', '年'].sort());
    expect(unitsAfter('近 3', '窗口 临时窗 = ')).toEqual(['个月', '年'].sort());
  });

  it('a plain number field (a year, a rank) takes no unit', () => {
    expect(unitsAfter('存在 achievements.awards 其中 rank <= 5')).toEqual([]);
  });

  it('every unit where the kind cannot be told', () => {
    const all = unitsAfter('向下取整(合同成交额 / 50');
    expect(all).toEqual(expect.arrayContaining([...MONEY, '学时', '分', '项', '年']));
  });
});
