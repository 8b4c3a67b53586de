// The standards editor in the browser: Monaco with the language service in a worker, markers while typing,
// completion, the live preview of the sample applicants, explanations that jump to their clause, samples.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
// Each test on a server of its own: the editor saves to the server, so tests must not see each other's saves.
import { expect, test } from './fresh-server.ts';
import { editorReady, gotoLineEnd, lineOf, openEditor, openFile, SAMPLES, signIn, source, watchErrors } from './support.ts';
import { recordSchema } from '../../src/lib/core/records/schema.ts';


interface Hook {
	markers(): { file: string; line: number; col: number; code: string; message: string }[];
	active(): string;
	text(path: string): string | null;
	position(): { lineNumber: number; column: number } | null;
}


/** The page's test hook (set once Monaco is up). */
const ed = (page: Page) => ({
	markers: () => page.evaluate(() => (window as unknown as { __stdcEditor: Hook }).__stdcEditor.markers()),
	active: () => page.evaluate(() => (window as unknown as { __stdcEditor: Hook }).__stdcEditor.active()),
	text: (file: string) => page.evaluate((f) => (window as unknown as { __stdcEditor: Hook }).__stdcEditor.text(f), file)
});


test('the editor loads the 2026 set with every sample in the live preview', async ({ page }) => {
	const errors = watchErrors(page);
	await openEditor(page);
	await expect(page.getByTestId('file-tab')).toHaveCount(5);
	await expect(page.getByTestId('file-tab').first()).toHaveText(/common\.std/);
	await expect(page.getByTestId('no-problems')).toBeVisible();
	await expect(page.getByTestId('save-status')).toContainText('服务器上的第 1 版');
	const cells = page.getByTestId('preview-cell');
	await expect(cells).toHaveCount(SAMPLES.length * 4);
	// Highlighting from the grammar's tokens: keywords get their own colour class.
	const levelLine = page.locator('.view-line').filter({ hasText: '级别 副研究员' }).first();
	await expect(levelLine).toBeVisible();
	// Tokenised: the line is no longer one plain run (mtk1) but has a coloured token; and the fonts are in.
	await expect(levelLine.locator('span[class^="mtk"]:not(.mtk1)').first()).toBeVisible();
	await page.evaluate(() => document.fonts.ready);
	fs.mkdirSync('test-results', { recursive: true });
	await page.screenshot({ path: 'test-results/editor.png' });
	expect(errors).toEqual([]);
});

test('an error typed shows a marker with its message at its line, and goes away when fixed', async ({ page }) => {
	const errors = watchErrors(page);
	await openEditor(page);
	await openFile(page, '副研究员.std');
	const line = lineOf(source('副研究员.std'), '合同成交额 >= 500万元');
	await gotoLineEnd(page, line);
	await page.keyboard.press('Backspace');
	await page.keyboard.press('Backspace');
	await page.keyboard.insertText('学时');

	const problem = page.getByTestId('problem').first();
	await expect(problem).toContainText('单位不一致：金额（元）与学时不能比较');
	await expect(problem).toHaveAttribute('data-line', String(line));
	await expect(page.getByTestId('compile-status')).toHaveText(/1 个错误/);
	await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeVisible();
	const markers = await ed(page).markers();
	expect(markers).toEqual([
		expect.objectContaining({ file: '副研究员.std', line, code: 'E202', message: '单位不一致：金额（元）与学时不能比较' })
	]);
	// The preview keeps the last compiled results, marked as such.
	await expect(page.getByText('标准集有错误，下表为最近一次成功编译的结果。')).toBeVisible();
	await page.screenshot({ path: 'test-results/editor-error.png' });

	await page.keyboard.press('Backspace');
	await page.keyboard.press('Backspace');
	await page.keyboard.insertText('万元');
	await expect(page.getByTestId('no-problems')).toBeVisible();
	await expect(page.getByTestId('compile-status')).toHaveText(/已编译/);
	await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(0);
	expect(await ed(page).markers()).toEqual([]);
	expect(errors).toEqual([]);
});

test('a misspelt field gets a did-you-mean quick fix', async ({ page }) => {
	const errors = watchErrors(page);
	await openEditor(page);
	await openFile(page, 'common.std');
	const line = lineOf(source('common.std'), '是否公务员 = 否');
	const text = source('common.std').split('\n')[line - 1];
	await gotoLineEnd(page, line);
	await page.keyboard.press('Home'); // to the first non-blank character
	for (let i = 0; i < text.indexOf('是否公务员') - text.search(/\S/) + '是否公务'.length; i++) await page.keyboard.press('ArrowRight');
	await page.keyboard.press('Delete');
	await page.keyboard.insertText('圆');
	await expect(page.getByTestId('problem').first()).toContainText('是否公务圆');
	await page.keyboard.press('Control+.');
	const fix = page.locator('.action-widget').getByText('改为“是否公务员”');
	await expect(fix).toBeVisible();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('no-problems')).toBeVisible();
	expect(await ed(page).text('common.std')).toBe(source('common.std'));
	expect(errors).toEqual([]);
});

test('a clause written with Chinese field and enum names by completion only; hover shows the code', async ({ page }) => {
	const errors = watchErrors(page);
	await openEditor(page);
	await openFile(page, '副研究员.std');
	const lines = source('副研究员.std').split('\n');
	await gotoLineEnd(page, lines.length - (lines[lines.length - 1] === '' ? 1 : 0));
	await page.keyboard.press('Enter');
	const widget = page.locator('.suggest-widget');
	const focused = widget.locator('.monaco-list-row.focused');
	// The list and the field: Chinese names first, the code beside them; typing the code finds the name.
	await page.keyboard.insertText('定义 临时 "临时" = 合计 ');
	await page.keyboard.press('Control+Space');
	await expect(widget).toBeVisible();
	await page.keyboard.type('achi');
	await expect(focused).toContainText('业绩');
	await page.keyboard.press('Enter');
	await page.keyboard.type('.');
	await expect(widget).toBeVisible();
	await expect(widget).toContainText('技术合同');
	await page.keyboard.type('contr');
	await expect(focused).toContainText('技术合同');
	await page.keyboard.press('Enter');
	await page.keyboard.type('.');
	await expect(widget).toContainText('成交金额');
	await expect(widget).toContainText('amount_yuan');
	await page.keyboard.type('amo');
	await expect(focused).toContainText('成交金额');
	await page.screenshot({ path: 'test-results/editor-completion.png' });
	await page.keyboard.press('Enter');
	await expect(widget).toBeHidden();
	// Inside 其中: the contract's own fields, then its enum values by their Chinese labels.
	await page.keyboard.insertText(' 其中');
	await page.keyboard.type(' ');
	await expect(widget).toContainText('合同角色');
	await page.keyboard.type('rol');
	await expect(focused).toContainText('合同角色');
	await page.keyboard.press('Enter');
	await page.keyboard.insertText(' =');
	await page.keyboard.type(' ');
	await expect(widget).toContainText('主持');
	await expect(widget).toContainText('lead');
	await page.keyboard.type('lea');
	await expect(focused).toContainText('主持');
	await page.keyboard.press('Enter');
	// Units after a number: typing the first character of the unit offers the rest.
	await page.keyboard.insertText(' 于 近5年 >= 300');
	await page.keyboard.type('万');
	await expect(widget).toContainText('万元');
	await page.keyboard.press('Enter');
	const written = '定义 临时 "临时" = 合计 业绩.技术合同.成交金额 其中 合同角色 = 主持 于 近5年 >= 300万元';
	expect(await ed(page).text('副研究员.std')).toContain(written);
	// It compiles (an unused definition is only a warning).
	await expect(page.getByTestId('compile-status')).toHaveText(/已编译/);
	// Hover over the Chinese names shows their codes.
	const line = page.locator('.view-line').filter({ hasText: '定义 临时' });
	await line.locator('span', { hasText: '合同角色' }).last().hover();
	await expect(page.locator('.monaco-hover').first()).toContainText('achievements.contracts.role');
	await page.mouse.move(0, 0);
	await line.locator('span', { hasText: '主持' }).last().hover();
	await expect(page.locator('.monaco-hover').first()).toContainText('lead');
	expect(errors).toEqual([]);
});

/** Every enum code of the record schema that is not also its own Chinese label. */
function enumCodes(): string[] {
	const out = new Set<string>();
	const walk = (n: unknown): void => {
		if (!n || typeof n !== 'object') return;
		const labels = (n as { 'x-enum-labels'?: Record<string, string> })['x-enum-labels'];
		for (const [code, label] of Object.entries(labels ?? {})) if (code !== label) out.add(code);
		Object.values(n as object).forEach(walk);
	};
	walk(recordSchema);
	return [...out];
}

test('explanations and the preview show no English code of the record anywhere', async ({ page }) => {
	const errors = watchErrors(page);
	const codes = enumCodes();
	expect(codes).toEqual(expect.arrayContaining(['doctor', 'municipal', 'lead', 'in_service', 'excellent']));
	const english = (text: string) => codes.filter((c) => new RegExp(`(?<![A-Za-z_])${c}(?![A-Za-z_])`).test(text));
	await openEditor(page);
	expect(english(await page.getByTestId('preview').textContent() ?? '')).toEqual([]);
	const panel = page.getByTestId('explanation-panel');
	// A sample that fails, one that passes by the direct route, and an ineligible one (its folded part included).
	for (const [id, level] of [['S01', '副研究员'], ['S30', '研究员'], ['S51', '副研究员']]) {
		await page.locator(`[data-testid="preview-row"][data-id="${id}"] [data-testid="preview-cell"][data-level="${level}"] button`).click();
		await expect(panel).toContainText(level);
		await expect(panel.getByTestId('explanation')).toContainText('G1');
		const text = (await panel.textContent()) ?? '';
		expect(english(text), `${id} ${level}`).toEqual([]);
		if (id === 'S51') {
			await expect(panel.getByTestId('explanation-folded')).toBeVisible();
			expect(text).toContain('供参考');
		}
		await panel.getByRole('button', { name: '返回预览' }).click();
	}
	expect(errors).toEqual([]);
});

test('changing a threshold changes a sample verdict in the preview, highlighted against the saved version', async ({ page }) => {
	const errors = watchErrors(page);
	await openEditor(page);
	const cell = page.locator('[data-testid="preview-row"][data-id="S01"] [data-testid="preview-cell"][data-level="研究实习员"] button');
	await expect(cell).toHaveAttribute('data-verdict', 'pass');
	await expect(cell).not.toHaveAttribute('data-changed', 'true');

	await openFile(page, '研究实习员.std');
	await gotoLineEnd(page, lineOf(source('研究实习员.std'), '服务企业数 >= 5项'));
	await page.keyboard.press('ArrowLeft');
	await page.keyboard.press('Backspace');
	await page.keyboard.type('6');

	await expect(cell).toHaveAttribute('data-verdict', 'fail');
	await expect(cell).toHaveAttribute('data-changed', 'true');
	// S01 pins 研究实习员 as "pass": the preview flags the contradiction.
	await expect(cell).toHaveAttribute('data-mismatch', 'true');
	await expect(page.getByTestId('changed-count')).toBeVisible();
	await expect(page.getByTestId('file-tab').filter({ hasText: '研究实习员.std' })).toContainText('●');
	await page.screenshot({ path: 'test-results/editor-threshold.png' });

	// Saving makes this the version to compare against; the draft survives a reload.
	await page.getByTestId('save').click();
	await expect(cell).not.toHaveAttribute('data-changed', 'true');
	await page.reload();
	await expect(page.getByTestId('compile-status')).toHaveText(/已编译/, { timeout: 60_000 });
	await expect(cell).toHaveAttribute('data-verdict', 'fail');
	await expect(cell).not.toHaveAttribute('data-changed', 'true');
	expect(errors).toEqual([]);
});

test('a preview cell opens the explanation, and a line of it jumps to its clause', async ({ page }) => {
	const errors = watchErrors(page);
	await openEditor(page);
	await page.locator('[data-testid="preview-row"][data-id="S01"] [data-testid="preview-cell"][data-level="副研究员"] button').click();
	const panel = page.getByTestId('explanation-panel');
	await expect(panel).toBeVisible();
	await expect(panel).toContainText('副研究员');
	await expect(panel.getByTestId('explanation')).toContainText('G2 非公务员');
	await page.screenshot({ path: 'test-results/editor-explanation.png' });

	const gate = panel.getByTestId('explanation-line').filter({ hasText: 'G2 非公务员' }).first();
	const file = await gate.getAttribute('data-file');
	const line = Number(await gate.getAttribute('data-line'));
	expect(file).toBe('common.std');
	expect(line).toBe(lineOf(source('common.std'), 'G2 "非公务员"'));
	await gate.click();
	await expect(page.getByTestId('file-tab').filter({ hasText: 'common.std' })).toHaveAttribute('aria-selected', 'true');
	await expect(page.getByTestId('cursor-pos')).toContainText(`第 ${line} 行`);
	expect(await ed(page).active()).toBe('common.std');

	// The clause under the cursor: which samples it passes and fails, and its JSON Logic.
	await page.getByTestId('tab-clause').click();
	const clause = page.getByTestId('clause-panel');
	await expect(clause.getByTestId('clause-label')).toHaveText('非公务员');
	await expect(clause.getByTestId('clause-counts')).toContainText(/不满足 \d+ · 满足 \d+/);
	// The compiled JSON Logic is folded away until asked for.
	await expect(clause.getByTestId('clause-logic')).toHaveCount(0);
	await clause.getByTestId('clause-logic-toggle').click();
	await expect(clause.getByTestId('clause-logic')).toContainText('is_civil_servant');
	await page.screenshot({ path: 'test-results/editor-clause.png' });
	expect(errors).toEqual([]);
});

test('samples: a readable form, field errors for invalid edits, a new sample from the template', async ({ page }) => {
	const errors = watchErrors(page);
	await openEditor(page);
	await page.locator('[data-testid="preview-row"][data-id="S01"] th button').click();
	const editor = page.getByTestId('sample-editor');
	await expect(editor).toBeVisible();
	await expect(editor.getByLabel('工作单位行政区划代码')).toHaveValue('330106');
	await expect(editor.getByLabel('在职状态')).toHaveValue('in_service');
	await expect(editor.locator('option:checked').filter({ hasText: '在职在岗' })).toHaveCount(1);

	await editor.getByLabel('工作单位行政区划代码').fill('3301');
	await expect(editor.getByTestId('record-errors')).toContainText('应为 6 位数字的行政区划代码');
	await expect(editor.getByLabel('工作单位行政区划代码')).toHaveAttribute('aria-invalid', 'true');
	await page.screenshot({ path: 'test-results/editor-sample-error.png' });
	await editor.getByLabel('工作单位行政区划代码').fill('330106');
	await expect(editor.getByTestId('record-errors')).toHaveCount(0);

	await editor.getByTestId('sample-new').click();
	await expect(page.getByTestId('sample-editor').getByLabel('申报人编号')).toHaveValue('N01');
	await page.getByTestId('tab-preview').click();
	await expect(page.getByTestId('preview-row')).toHaveCount(SAMPLES.length + 1);
	await expect(page.locator('[data-testid="preview-row"][data-id="N01"] [data-testid="preview-cell"]')).toHaveCount(4);
	expect(errors).toEqual([]);
});

test('the home page links to the editor', async ({ page }) => {
	const errors = watchErrors(page);
	await signIn(page, 'hr-editor', '/');
	await page.getByTestId('open-editor').click();
	await expect(page).toHaveURL(/\/standards\/2026\/edit$/);
	await expect(page.getByTestId('compile-status')).toHaveText(/已编译/, { timeout: 60_000 });
	expect(errors).toEqual([]);
});

test('keyboard: arrow keys move between preview cells, Enter opens the explanation', async ({ page }) => {
	const errors = watchErrors(page);
	await openEditor(page);
	const first = page.locator('[data-testid="preview-row"][data-id="S01"] [data-testid="preview-cell"][data-level="研究实习员"] button');
	await first.focus();
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowDown');
	const focused = page.locator('[data-testid="preview-row"][data-id="S02"] [data-testid="preview-cell"][data-level="助理研究员"] button');
	await expect(focused).toBeFocused();
	await page.keyboard.press('Enter');
	const panel = page.getByTestId('explanation-panel');
	await expect(panel).toContainText('S02');
	await expect(panel).toContainText('助理研究员');
	// The lines of the explanation are buttons too: Tab reaches them, Enter jumps.
	const line = panel.getByTestId('explanation-line').first();
	await line.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('file-tab').filter({ hasText: '助理研究员.std' })).toHaveAttribute('aria-selected', 'true');
	expect(errors).toEqual([]);
});

test('nothing typed is lost when the server cannot be reached and the tab is closed; two tabs keep separate buffers', async ({ browser, server }, testInfo) => {
	const context = await browser.newContext({ baseURL: server.url, locale: 'zh-CN', viewport: { width: 1366, height: 768 } });
	const a = await context.newPage();
	const errors = watchErrors(a);
	await openEditor(a);
	const b = await context.newPage(); // the same browser: already signed in
	await b.goto('/standards/2026/edit');
	await editorReady(b);
	// The connection to the server is lost in tab A: its saves fail, its text stays in this browser.
	await a.route('**/edit?/save', (route) => route.abort('internetdisconnected'));
	await openFile(a, 'common.std');
	await gotoLineEnd(a, 1);
	await a.keyboard.type(' 断网时输入');
	await expect(a.getByTestId('save-status')).toContainText('无法连接服务器', { timeout: 30_000 });
	await expect(a.getByTestId('draft-note')).toContainText('已暂存在本机');
	const buffers = (page: typeof a) =>
		page.evaluate(() =>
			Object.keys(localStorage)
				.filter((k) => k.startsWith('stdc-editor:2026:buffer:'))
				.map((k) => localStorage.getItem(k)!)
		);
	// One buffer, tab A's; tab B (which typed nothing) has written none and overwrote nothing.
	const before = await buffers(b);
	expect(before).toHaveLength(1);
	expect(before[0]).toContain('断网时输入');
	await a.screenshot({ path: testInfo.outputPath('offline.png') });

	// Tab A is left and closed before the server ever saw the text; the next tab restores it and saves it.
	// (Leaving the page fires pagehide, as closing the tab does in a browser; Playwright's page.close does not.)
	await a.goto('about:blank');
	await a.close();
	// As it went, tab A marked its buffer as released, for the next tab to take at once.
	await expect.poll(async () => (await buffers(b)).map((x) => JSON.parse(x).released)).toEqual([true]);
	await b.close();
	const c = await context.newPage();
	errors.push(...watchErrors(c));
	await c.goto('/standards/2026/edit');
	await editorReady(c);
	await expect(c.getByTestId('draft-note')).toContainText('已恢复本机尚未保存到服务器的修改');
	await expect(c.getByTestId('save-status')).toHaveText(/已保存到服务器：第 2 版/, { timeout: 30_000 });
	expect(await ed(c).text('common.std')).toContain('断网时输入');
	await expect.poll(() => buffers(c)).toHaveLength(0);
	const saved = await (await c.request.get('/api/sets/2026')).json();
	const revision = await (await c.request.get(`/api/revisions/${saved.head.id}`)).json();
	expect(revision.content.files.find((f: { path: string }) => f.path === 'common.std').text).toContain('断网时输入');
	// tab A's failed saves are console errors of the aborted requests; nothing else may fail
	expect(errors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
	await context.close();
});

test('a failing cell’s explanation shows the nearest qualifying path; the number under the cursor opens the threshold sweep', async ({ page }) => {
	const errors = watchErrors(page);
	await openEditor(page);
	await page.locator('[data-testid="preview-row"][data-id="S29"] [data-testid="preview-cell"][data-level="助理研究员"] button').click();
	const panel = page.getByTestId('explanation-panel');
	await expect(panel.getByTestId('nearest')).toContainText('新增 1 项技术合同（合同角色：主持）');
	// a passing level has no path to show
	await page.getByRole('button', { name: '返回预览' }).click();
	await page.locator('[data-testid="preview-row"][data-id="S01"] [data-testid="preview-cell"][data-level="研究实习员"] button').click();
	await expect(panel).toContainText('S01');
	await expect(panel.getByTestId('nearest')).toHaveCount(0);

	// the cursor on 副研究员 A's 500万元: the sweep opens on that threshold
	await openFile(page, '副研究员.std');
	await gotoLineEnd(page, lineOf(source('副研究员.std'), '合同成交额 >= 500万元'));
	await page.getByTestId('sweep-at-cursor').click();
	await page.waitForURL(/\/standards\/2026\/impact\?file=/);
	const selected = page.getByTestId('sweep-target').locator('option:checked');
	await expect(selected).toContainText('副研究员 A 促成技术合同成交额 门槛');
	await expect(page.getByTestId('sweep-now')).toContainText('500万元：');
	expect(errors).toEqual([]);
});

test('a save that fails for want of a connection is tried again by itself', async ({ page }) => {
	const errors = watchErrors(page);
	await openEditor(page);
	let refused = 0;
	await page.route('**/edit?/save', (route) => (refused++, route.abort('internetdisconnected')));
	await openFile(page, 'common.std');
	await gotoLineEnd(page, 1);
	await page.keyboard.insertText(' 重试');
	await expect(page.getByTestId('save-status')).toContainText('稍后自动重试', { timeout: 30_000 });
	await page.unroute('**/edit?/save');
	await expect(page.getByTestId('save-status')).toHaveText(/已保存到服务器：第 2 版/, { timeout: 60_000 });
	expect(refused).toBeGreaterThan(0);
	expect(errors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
});
