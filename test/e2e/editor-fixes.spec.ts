// The editor as a new user meets it at 1366×768: a sample form with no control cut off, amounts in 万元, dates
// as date pickers, distinct preview colours that match the legend, units of the right kind, record errors that
// say the label once, the compiled logic folded, the text readable before Monaco is up, and 404 from the
// server for a year that has no set.
import type { Page } from '@playwright/test';
// Each test on a server of its own: the editor saves to the server, so tests must not see each other's saves.
import { expect, test } from './fresh-server.ts';
import { EDIT_URL, openEditor, signIn, source, watchErrors } from './support.ts';


async function openSample(page: Page, id: string) {
	await page.locator(`[data-testid="preview-row"][data-id="${id}"] th button`).click();
	const editor = page.getByTestId('sample-editor');
	await expect(editor).toBeVisible();
	return editor;
}

/** Every form control in the sample editor that is cut off: by a scrolling or clipping ancestor at the sides,
 *  or too narrow for its own content (a date, the chosen option, the typed text). */
async function clippedControls(page: Page): Promise<string[]> {
	return page.getByTestId('sample-body').evaluate((body) => {
		const problems: string[] = [];
		const name = (el: Element) => el.getAttribute('aria-label') ?? el.id ?? el.tagName;
		for (const el of body.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) {
			const r = el.getBoundingClientRect();
			if (r.width === 0 && r.height === 0) continue; // not rendered (a hidden branch)
			// Clipped by an ancestor that hides or scrolls its overflow sideways.
			for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
				const style = getComputedStyle(a);
				if (style.overflowX === 'visible') continue;
				const c = a.getBoundingClientRect();
				if (r.left < c.left - 0.5 || r.right > c.right + 0.5) problems.push(`${name(el)}: cut off by ${a.className || a.tagName}`);
			}
			// Too narrow for its content.
			if (el instanceof HTMLInputElement && el.type === 'text' && el.scrollWidth > el.clientWidth + 1) {
				problems.push(`${name(el)}: text "${el.value}" wider than the box`);
			}
			if ((el instanceof HTMLInputElement && el.type === 'date') || el instanceof HTMLSelectElement) {
				const width = r.width;
				const saved = el.getAttribute('style');
				el.style.width = 'max-content'; // its own content's width, not what a flex or grid cell stretches it to
				el.style.minWidth = '0';
				el.style.maxWidth = 'none';
				const natural = el.getBoundingClientRect().width;
				if (saved === null) el.removeAttribute('style');
				else el.setAttribute('style', saved);
				if (width + 0.5 < natural) problems.push(`${name(el)}: ${width.toFixed(0)}px wide, needs ${natural.toFixed(0)}px`);
			}
		}
		return problems;
	});
}

test('the sample form at 1366×768: no control cut off, dates as date pickers, amounts in 万元', async ({ page }) => {
	const errors = watchErrors(page);
	await page.setViewportSize({ width: 1366, height: 768 });
	await openEditor(page);
	const editor = await openSample(page, 'S24');

	// Amounts: entered and shown in 万元; the record keeps integer 元.
	const amount = editor.getByLabel('第1项 成交金额');
	await expect(amount).toHaveValue('250');
	await expect(amount).toHaveAttribute('data-yuan', '2500000');
	// Dates are date pickers with the record's value.
	const signed = editor.getByLabel('第1项 签订日期');
	await expect(signed).toHaveAttribute('type', 'date');
	await expect(signed).toHaveValue('2024-01-10');

	await amount.scrollIntoViewIfNeeded();
	await page.screenshot({ path: 'test-results/sample-form-1366.png' });
	expect(await clippedControls(page)).toEqual([]);

	// A grouped amount with decimals converts exactly; the record (as JSON) holds 元.
	await amount.fill('1,250.5');
	await expect(amount).toHaveAttribute('data-yuan', '12505000');
	await amount.blur();
	await expect(amount).toHaveValue('1,250.5');
	// More than 4 decimal places of 万元 would be a fraction of a 元: refused, the record unchanged, the text kept.
	await amount.fill('1.23456');
	await expect(editor.getByRole('alert').filter({ hasText: '最多 4 位小数' })).toBeVisible();
	await expect(amount).toHaveAttribute('aria-invalid', 'true');
	await expect(amount).toHaveAttribute('data-yuan', '12505000');
	await expect(amount).toHaveValue('1.23456');
	await editor.getByRole('button', { name: 'JSON', exact: true }).click();
	const json = JSON.parse(await editor.locator('#sample-json').inputValue());
	expect(json.achievements.contracts[0].amount_yuan).toBe(12505000);
	await editor.getByRole('button', { name: '表单', exact: true }).click();

	// A date picked in the picker goes into the record as YYYY-MM-DD.
	await editor.getByLabel('第1项 签订日期').fill('2024-03-05');
	await editor.getByRole('button', { name: 'JSON', exact: true }).click();
	expect(JSON.parse(await editor.locator('#sample-json').inputValue()).achievements.contracts[0].signed_on).toBe('2024-03-05');
	await editor.getByRole('button', { name: '表单', exact: true }).click();

	// A new sample from the template opens at its top, wherever the last one was scrolled to.
	const body = page.getByTestId('sample-body');
	await body.evaluate((el) => (el.scrollTop = el.scrollHeight));
	expect(await body.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
	await editor.getByTestId('sample-new').click();
	await expect(editor.getByLabel('申报人编号')).toHaveValue('N01');
	await expect.poll(() => page.getByTestId('sample-body').evaluate((el) => el.scrollTop)).toBe(0);
	expect(errors).toEqual([]);
});

test('record errors name the field once', async ({ page }) => {
	const errors = watchErrors(page);
	await openEditor(page);
	const editor = await openSample(page, 'S24');
	await editor.getByLabel('工作单位行政区划代码').fill('3301');
	const list = editor.getByTestId('record-errors');
	await expect(list).toContainText('应为 6 位数字的行政区划代码');
	for (const li of await list.locator('li').all()) {
		const label = (await li.getByRole('button').innerText()).split(' › ').pop()!;
		expect(await li.innerText()).not.toContain(`${label}：${label}`);
		expect(await li.innerText()).not.toMatch(new RegExp(`：${label}：`));
	}
	// Beside the field, too, the message does not repeat its label.
	const beside = editor.locator('.field.has-error .err');
	await expect(beside.first()).toBeVisible();
	expect(await beside.first().innerText()).not.toMatch(/^工作单位行政区划代码：/);
	expect(errors).toEqual([]);
});

/** "rgb(1, 2, 3)" → [1, 2, 3] */
const rgb = (css: string) => (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
const distance = (a: number[], b: number[]) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

test('preview colours: the 申报级别 fill and the changed highlight differ, and each matches its legend', async ({ page }) => {
	const errors = watchErrors(page);
	await openEditor(page);
	// S01 applies for 研究实习员; raising a threshold there changes its cell.
	const targetCell = page.locator('[data-testid="preview-row"][data-id="S01"] td.cell.target');
	await expect(targetCell).toHaveAttribute('data-level', '研究实习员');
	await page.getByTestId('file-tab').filter({ hasText: '研究实习员.std' }).click();
	await page.locator('.monaco-editor textarea').first().focus();
	const text = source('研究实习员.std');
	const line = text.slice(0, text.indexOf('服务企业数 >= 5项')).split('\n').length;
	await page.keyboard.press('Control+G');
	await page.locator('.quick-input-widget input').fill(`:${line}`);
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('cursor-pos')).toContainText(`第 ${line} 行`);
	await page.keyboard.press('End');
	await page.keyboard.press('ArrowLeft');
	await page.keyboard.press('Backspace');
	await page.keyboard.type('6');
	const changed = page.locator('[data-testid="preview-row"][data-id="S01"] [data-testid="preview-cell"][data-level="研究实习员"] button');
	await expect(changed).toHaveAttribute('data-changed', 'true');
	// A target cell that did not change, for the plain 申报级别 fill.
	const plainTarget = page.locator('td.cell.target:not(:has([data-changed]))').first();
	await page.mouse.move(0, 0); // no hover colour

	const bg = (loc: ReturnType<Page['locator']>) => loc.evaluate((el) => getComputedStyle(el).backgroundColor);
	const target = rgb(await bg(plainTarget));
	const changedFill = rgb(await bg(changed));
	const legendTarget = rgb(await bg(page.getByTestId('legend-target')));
	const legendChanged = rgb(await bg(page.getByTestId('legend-changed')));
	expect(target).toEqual(legendTarget);
	expect(changedFill).toEqual(legendChanged);
	// Far apart (RGB distance; the two yellows were about 17 apart) and not both warm: the target fill is bluish.
	expect(distance(target, changedFill)).toBeGreaterThan(60);
	expect(target[2]).toBeGreaterThan(target[0]);
	expect(changedFill[0]).toBeGreaterThan(changedFill[2]);
	await page.screenshot({ path: 'test-results/preview-colours.png' });
	expect(errors).toEqual([]);
});

test('unit completion after an amount offers 元, 万元 and 亿元 only', async ({ page }) => {
	const errors = watchErrors(page);
	await openEditor(page);
	await page.getByTestId('file-tab').filter({ hasText: '副研究员.std' }).click();
	const lines = source('副研究员.std').split('\n');
	await page.locator('.monaco-editor textarea').first().focus();
	await page.keyboard.press('Control+G');
	await page.locator('.quick-input-widget input').fill(`:${lines.length - (lines[lines.length - 1] === '' ? 1 : 0)}`);
	await page.keyboard.press('Enter');
	await page.keyboard.press('End');
	await page.keyboard.press('Enter');
	await page.keyboard.insertText('定义 临时 = 存在 achievements.contracts 其中 amount_yuan >= 300');
	await page.keyboard.press('Control+Space');
	const widget = page.locator('.suggest-widget');
	await expect(widget).toBeVisible({ timeout: 15_000 });
	const rows = widget.locator('.monaco-list-row .label-name');
	await expect(rows).toHaveCount(3);
	expect((await rows.allInnerTexts()).sort()).toEqual(['万元', '亿元', '元'].sort());
	await page.keyboard.press('Escape');
	expect(errors).toEqual([]);
});

test('the clause panel folds the compiled JSON Logic behind 显示编译结果', async ({ page }) => {
	const errors = watchErrors(page);
	await openEditor(page);
	await page.getByTestId('file-tab').filter({ hasText: 'common.std' }).click();
	const text = source('common.std');
	const line = text.slice(0, text.indexOf('G2 "非公务员"')).split('\n').length;
	await page.locator('.monaco-editor textarea').first().focus();
	await page.keyboard.press('Control+G');
	await page.locator('.quick-input-widget input').fill(`:${line}`);
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('cursor-pos')).toContainText(`第 ${line} 行`);
	await page.keyboard.press('End');
	await page.getByTestId('tab-clause').click();
	const clause = page.getByTestId('clause-panel');
	await expect(clause.getByTestId('clause-label')).toHaveText('非公务员', { timeout: 15_000 });
	const toggle = clause.getByTestId('clause-logic-toggle');
	await expect(toggle).toHaveText('显示编译结果');
	await expect(toggle).toHaveAttribute('aria-expanded', 'false');
	await expect(clause.getByTestId('clause-logic')).toHaveCount(0);
	await toggle.click();
	await expect(toggle).toHaveAttribute('aria-expanded', 'true');
	await expect(clause.getByTestId('clause-logic')).toContainText('is_civil_servant');
	expect(errors).toEqual([]);
});

test('the file text is shown read-only while Monaco is still loading', async ({ page }) => {
	const errors = watchErrors(page);
	await signIn(page, 'hr-editor', '/');
	// Hold back the largest script (Monaco) until the read-only text has been seen.
	let release!: () => void;
	const released = new Promise<void>((r) => (release = r));
	let held = 0;
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		const response = await route.fetch();
		const body = await response.body();
		if (body.length > 1_000_000) {
			held++;
			await released;
		}
		await route.fulfill({ response, body });
	});
	await page.goto(EDIT_URL);
	const readonly = page.getByTestId('readonly-text');
	await expect(readonly).toContainText('级别 副研究员');
	await expect(readonly).toContainText('正在加载编辑器');
	await expect.poll(() => held).toBeGreaterThan(0);
	await expect(page.locator('.monaco-editor')).toHaveCount(0);
	release();
	await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 20_000 });
	await expect(readonly).toHaveCount(0);
	await expect(page.getByTestId('compile-status')).toHaveText(/已编译/, { timeout: 20_000 });
	expect(errors).toEqual([]);
});

test('a year without a standard set answers 404 from the server, on every [year] route', async ({ page }) => {
	await signIn(page, 'reviewer', '/');
	const request = page.request;
	expect((await request.get(EDIT_URL)).status()).toBe(200);
	for (const url of ['/standards/2025/edit', '/standards/abcd/edit', '/standards/2025/common.std', '/standards/2026/无此文件.std', '/standards/2025']) {
		const r = await request.get(url);
		expect(r.status(), url).toBe(404);
	}
	const body = await (await request.get('/standards/2025/edit')).text();
	expect(body).toContain('2025');
});
