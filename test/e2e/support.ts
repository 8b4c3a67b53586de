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

/** Opens the 2026 editor and waits until it has compiled, previewed every sample and exposed its test hook. */
export async function openEditor(page: Page): Promise<void> {
	await page.goto(EDIT_URL);
	await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 60_000 });
	await expect(page.getByTestId('compile-status')).toHaveText(/已编译/, { timeout: 60_000 });
	await expect(page.getByTestId('preview-row')).toHaveCount(SAMPLES.length);
	await page.waitForFunction(() => 'text' in ((window as unknown as { __stdcEditor?: object }).__stdcEditor ?? {}));
}
