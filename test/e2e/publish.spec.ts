// Publishing, end to end in Chromium, each test on a server and data directory of its own (fresh-server.ts):
// an HR editor changes a threshold and submits; an HR approver and an S&T approver approve; the published
// version shows its hash and the public bundle URL serves it. An S&T editor's stale save gets the conflict
// view and loses nothing.
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fresh-server.ts';
import { EDIT_URL as EDIT, editorReady, gotoLineEnd, openFile, signIn, watchErrors } from './support.ts';

async function asUser(browser: Browser, baseURL: string, username: string, next: string): Promise<Page> {
	const context = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 768 } });
	const page = await context.newPage();
	await signIn(page, username, next);
	return page;
}

const text = (page: Page, file: string) =>
	page.evaluate((f) => (window as unknown as { __stdcEditor: { text(f: string): string } }).__stdcEditor.text(f), file);

/** Replaces the end of a line (which must end with `from`) by `to`, typed as a clerk would. */
async function retype(page: Page, file: string, line: number, from: string, to: string): Promise<void> {
	await openFile(page, file);
	expect((await text(page, file)).split('\n')[line - 1].endsWith(from)).toBe(true);
	await gotoLineEnd(page, line);
	// Select the old text and replace it in one edit, so that an autosave never catches half of it.
	for (let i = 0; i < [...from].length; i++) await page.keyboard.press('Shift+ArrowLeft');
	await page.keyboard.insertText(to);
	expect((await text(page, file)).split('\n')[line - 1].endsWith(to)).toBe(true);
}

test('an HR editor raises a threshold and submits; both bureaus approve; the version is published with its hash and served', async ({ browser, server }, testInfo) => {
	const hr = await asUser(browser, server.url, 'hr-editor', EDIT);
	const errors = watchErrors(hr);
	await editorReady(hr);
	// 副研究员 F 培训授课: 32学时 → 33学时 (no pinned sample sits on that edge, so the set can still be submitted).
	await retype(hr, '副研究员.std', 37, '32学时', '33学时');
	await expect(hr.getByTestId('save-status')).toHaveText(/已保存到服务器：第 2 版/, { timeout: 30_000 });
	await hr.screenshot({ path: testInfo.outputPath('1-editor-saved.png') });

	await hr.getByTestId('set-link').click();
	await expect(hr.getByTestId('readiness')).toContainText('✓ 编译无错误');
	await expect(hr.getByTestId('readiness')).toContainText('固定预期全部成立');
	await hr.getByTestId('submit').click();
	await expect(hr.getByTestId('flash')).toContainText('已提交');
	await expect(hr.getByTestId('set-state')).toHaveText('待审批');
	const hash = (await hr.getByTestId('pending-hash').textContent())!.trim();
	expect(hash).toMatch(/^[0-9a-f]{64}$/);

	for (const [who, bureau] of [
		['hr-approver', 'hr'],
		['st-approver', 'st']
	] as const) {
		const approver = await asUser(browser, server.url, who, '/standards/2026');
		await expect(approver.getByTestId('pending-hash')).toHaveText(hash);
		// Impact is a step of publishing: the approver sees what the version changes before approving.
		await expect(approver.getByTestId('impact-step-changes')).toContainText('32学时');
		await expect(approver.getByTestId('impact-step-changes')).toContainText('33学时');
		await expect(approver.getByTestId('impact-step-levels').locator('tr[data-level="副研究员"]')).toBeVisible();
		if (bureau === 'hr') await approver.screenshot({ path: testInfo.outputPath('2-approver-impact.png'), fullPage: true });
		await approver.getByTestId('approve').click();
		await expect(approver.getByTestId('flash')).toContainText('已批准');
		if (bureau === 'hr') {
			await expect(approver.getByTestId('approval-hr')).toContainText('已批准');
			await expect(approver.getByTestId('approval-st')).toContainText('待批准');
		}
		await approver.screenshot({ path: testInfo.outputPath(`2-approved-${bureau}.png`), fullPage: true });
		if (bureau === 'st') {
			await expect(approver.getByTestId('set-state')).toHaveText('已发布');
			await expect(approver.getByTestId('current-hash')).toHaveText(hash);
			await expect(approver.getByTestId('revisions').locator('tr', { hasText: '现行' })).toContainText(hash.slice(0, 12));
		}
		await approver.context().close();
	}

	// The public bundle URL, without log-in, serves exactly what both bureaus approved.
	const response = await fetch(`${server.url}/api/public/2026/bundle`);
	expect(response.status).toBe(200);
	const bundle = await response.json();
	expect(bundle.meta.contentHash).toBe(hash);
	expect(JSON.stringify(bundle)).toContain('33');
	expect(errors).toEqual([]);
});

test('an S&T editor saving on top of an older version gets the conflict view, loses nothing, and merges', async ({ browser, server }, testInfo) => {
	// Both open the editor on version 1.
	const st = await asUser(browser, server.url, 'st-editor', EDIT);
	const hr = await asUser(browser, server.url, 'hr-editor', EDIT);
	await editorReady(st);
	await editorReady(hr);

	// The HR editor saves first (version 2), in 研究员.std.
	await retype(hr, '研究员.std', 29, '30项', '31项');
	await expect(hr.getByTestId('save-status')).toHaveText(/已保存到服务器：第 2 版/, { timeout: 30_000 });

	// The S&T editor, still on version 1, changes another file: the save is refused with the conflict view.
	await retype(st, '副研究员.std', 30, '15项', '16项');
	const view = st.getByTestId('conflict-view');
	await expect(view).toBeVisible({ timeout: 30_000 });
	await expect(st.getByTestId('conflict-message')).toContainText('保存被拒绝');
	await expect(st.getByTestId('conflict-message')).toContainText('第 2 版');
	await expect(st.getByTestId('conflict-message')).toContainText('已另存为第 3 版');
	await expect(view.locator('.monaco-diff-editor')).toBeVisible();
	await st.locator('[data-testid="conflict-file"][data-path="研究员.std"]').click();
	await st.screenshot({ path: testInfo.outputPath('3-conflict.png') });

	// Nothing lost: the S&T text is in the right-hand side, and the HR change on the left.
	const conflict = (f: string, side: 'text' | 'theirs') =>
		st.evaluate(([f, side]) => (window as unknown as { __stdcConflict: Record<string, (p: string) => string> }).__stdcConflict[side](f), [f, side] as const);
	expect((await conflict('副研究员.std', 'text')).split('\n')[29]).toMatch(/16项$/);
	expect((await conflict('研究员.std', 'theirs')).split('\n')[28]).toMatch(/31项$/);

	// Merge: take the HR editor's 研究员.std, keep the own 副研究员.std, save on top of version 2.
	await st.getByTestId('conflict-take-file').click();
	expect((await conflict('研究员.std', 'text')).split('\n')[28]).toMatch(/31项$/);
	await st.getByTestId('conflict-save').click();
	await expect(view).toBeHidden();
	await expect(st.getByTestId('save-status')).toHaveText(/已保存到服务器：第 4 版/, { timeout: 30_000 });
	expect((await text(st, '副研究员.std')).split('\n')[29]).toMatch(/16项$/);
	expect((await text(st, '研究员.std')).split('\n')[28]).toMatch(/31项$/);

	// The kept revision and the merged one are in the set's history.
	await st.goto('/standards/2026');
	const rows = st.getByTestId('revisions').locator('tbody tr');
	await expect(rows).toHaveCount(4);
	await expect(rows.filter({ hasText: '冲突另存' })).toHaveCount(1);
	await st.screenshot({ path: testInfo.outputPath('4-history.png'), fullPage: true });
});

test('a reviewer sees the editor read-only and cannot save', async ({ page }) => {
	await signIn(page, 'reviewer', EDIT);
	await editorReady(page);
	await expect(page.getByTestId('read-only')).toContainText('只读');
	await expect(page.getByTestId('save')).toBeDisabled();
	const before = await text(page, 'common.std');
	await page.locator('.monaco-editor textarea').first().focus();
	await page.keyboard.type('x');
	expect(await text(page, 'common.std')).toBe(before);
});
