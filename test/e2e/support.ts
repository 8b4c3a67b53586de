// Shared by the browser tests: every test fails on a console error or an uncaught page error.
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

export const EDIT_URL = '/standards/2026/edit';
export const SAMPLES = fs.readdirSync(path.resolve('standards/2026/samples')).filter((f) => f.endsWith('.json'));

export function watchErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (msg) => {
		if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
	});
	page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
	return errors;
}

/** Waits until the page runs its scripts (+layout.svelte marks <html data-hydrated>). */
export async function hydrated(page: Page): Promise<void> {
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}

/** Signs in through the log-in page as one of the demo accounts (STDC_DEMO=1: every role, one password). */
export async function signIn(page: Page, username: string, next = '/'): Promise<void> {
	await page.goto(`/login?next=${encodeURIComponent(next)}`);
	await hydrated(page);
	await page.getByLabel('用户名').fill(username);
	await page.getByLabel('密码').fill('demo-password');
	await page.getByRole('button', { name: '登录' }).click();
	await page.waitForURL((url) => url.pathname === next.split('?')[0]);
}

/** Signs in (drafts are not public) and opens the 2026 editor; waits until it has compiled, previewed every
 * sample and exposed its test hook. */
export async function openEditor(page: Page, username = 'hr-editor'): Promise<void> {
	await signIn(page, username, EDIT_URL);
	await editorReady(page);
}

/** Waits until the editor on the current page has compiled, previewed every sample and exposed its test hook. */
export async function editorReady(page: Page): Promise<void> {
	await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 60_000 });
	await expect(page.getByTestId('compile-status')).toHaveText(/已编译/, { timeout: 60_000 });
	await expect(page.getByTestId('preview-row')).toHaveCount(SAMPLES.length);
	await page.waitForFunction(() => 'text' in ((window as unknown as { __stdcEditor?: object }).__stdcEditor ?? {}));
}

/** Opens a file's tab (matched by its exact path) and waits until it is the active one. */
export async function openFile(page: Page, file: string): Promise<void> {
	const tab = page.locator(`[data-testid="file-tab"][data-path="${file}"]`);
	await tab.click();
	await expect(tab).toHaveAttribute('aria-selected', 'true');
}

/** Puts the cursor at the end of a line with Monaco's own "go to line" (Ctrl+G). */
export async function gotoLineEnd(page: Page, line: number): Promise<void> {
	await page.locator('.monaco-editor textarea').first().focus();
	await page.keyboard.press('Control+G');
	const input = page.locator('.quick-input-widget input');
	await expect(input).toBeVisible();
	await input.fill(`:${line}`);
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('cursor-pos')).toContainText(`第 ${line} 行`);
	await page.keyboard.press('End');
}

/** The 1-based line of the first occurrence of `needle` in `text`. */
export function lineOf(text: string, needle: string): number {
	const i = text.indexOf(needle);
	if (i < 0) throw new Error(`not found: ${needle}`);
	return text.slice(0, i).split('\n').length;
}

/** A file of the 2026 set as it is in the repository. */
export const source = (file: string): string => fs.readFileSync(path.resolve('standards/2026', file), 'utf8');
