// What the editor keeps of the language service's completions when a typed space opens the list: only what
// that place specifically takes (never the general list of keywords, definitions and fields).
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../src/lib/core/language/index.ts';
import { readStandardDir } from '../../src/lib/core/node.ts';
import { keepAfterSpace } from '../../src/lib/editor/completion-trigger.ts';

const files = readStandardDir('standards/2026');
const ASSOC = 'standards/2026/副研究员.std';

/** The labels the editor shows after a space typed at the end of `typed` (on a scratch line). */
function afterSpace(typed: string): string[] {
	const ws = new Workspace();
	ws.setFiles(files);
	const text = files.find((f) => f.path === ASSOC)!.text + `\n定义 临时 = ${typed}`;
	ws.updateFile(ASSOC, text);
	const lines = text.split('\n');
	return keepAfterSpace(ws.completions(ASSOC, lines.length, lines[lines.length - 1].length + 1)).map((i) => i.label);
}

describe('completion opened by a space', () => {
	it("after 其中 / 且 / 满足 / 取: the list item's fields", () => {
		expect(afterSpace('合计 业绩.技术合同.成交金额 其中 ')).toEqual(expect.arrayContaining(['合同角色', '成交金额']));
		expect(afterSpace('合计 业绩.技术合同.成交金额 其中 合同角色 = 主持 且 ')).toContain('合同角色');
		expect(afterSpace('全部 业绩.技术合同 满足 ')).toContain('合同角色');
		expect(afterSpace('最大 业绩.技术合同 取 ')).toContain('成交金额');
	});

	it('after a comparison with an enum field: its values; after 于: the windows', () => {
		expect(afterSpace('合计 业绩.技术合同.成交金额 其中 合同角色 = ')).toEqual(['主持', '参与']);
		expect(afterSpace('计数 业绩.技术合同 于 ')).toEqual(expect.arrayContaining(['近5年']));
	});

	it('nothing in a general place (the start of an expression, after 且 outside a clause)', () => {
		expect(afterSpace('')).toEqual([]);
		expect(afterSpace('有现职 且 ')).toEqual([]);
		expect(afterSpace('合同成交额 >= ')).toEqual([]);
	});
});
