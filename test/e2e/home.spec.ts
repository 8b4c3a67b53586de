import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { watchErrors } from './support.ts';

const LEVELS = ['研究实习员', '助理研究员', '副研究员', '研究员'];
const SAMPLES_DIR = path.resolve('standards/2026/samples');


test('home page shows the 2026 set and every sample applicant at four levels', async ({ page }) => {
	const errors = watchErrors(page);
	await page.goto('/');

	await expect(page.getByRole('banner')).toContainText('技术经理职称评价标准工作台');
	const setName = page.getByTestId('set-name');
	await expect(setName).toBeVisible();
	await expect(setName).not.toHaveText('');
	await expect(page.getByText('2026-09-30').first()).toBeVisible();

	const sampleFiles = fs.readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.json'));
	expect(sampleFiles.length).toBeGreaterThan(0);
	const rows = page.getByTestId('applicant-row');
	await expect(rows).toHaveCount(sampleFiles.length);

	// Read every row's verdict cells in one go (a locator per cell is slow with many samples).
	const table = await rows.evaluateAll((trs) =>
		trs.map((tr) => ({
			id: tr.getAttribute('data-id'),
			cells: [...tr.querySelectorAll('[data-testid="verdict-cell"]')].map((td) => ({
				level: td.getAttribute('data-level'),
				verdict: td.querySelector('[data-verdict]')?.textContent?.trim() ?? ''
			}))
		}))
	);
	for (const row of table) {
		expect(row.cells.map((c) => c.level), `levels of ${row.id}`).toEqual(LEVELS);
		for (const cell of row.cells) {
			expect(cell.verdict, `${row.id} ${cell.level}`).toMatch(/^(通过|不通过|不符合申报资格)$/);
		}
	}

	await page.waitForLoadState('networkidle');
	fs.mkdirSync('test-results', { recursive: true });
	await page.screenshot({ path: 'test-results/home.png', fullPage: true });
	expect(errors).toEqual([]);
});

test('clicking an applicant shows the explanation per level', async ({ page }) => {
	const errors = watchErrors(page);
	await page.goto('/');
	const row = page.getByTestId('applicant-row').first();
	const id = await row.getAttribute('data-id');
	// Click a verdict cell, not the link: the whole row opens the applicant.
	await row.getByTestId('verdict-cell').first().click();
	await expect(page).toHaveURL(new RegExp(`/applicants/${encodeURIComponent(id ?? '')}$`));

	await expect(page.getByTestId('level')).toHaveCount(LEVELS.length);
	const explanation = page.getByTestId('explanation').first();
	await expect(explanation).toBeVisible();
	await expect(explanation).toContainText(/[✓✗]/);

	await page.waitForLoadState('networkidle');
	await page.screenshot({ path: 'test-results/applicant.png', fullPage: true });
	expect(errors).toEqual([]);
});

test('each source file opens with line numbers', async ({ page }) => {
	const errors = watchErrors(page);
	await page.goto('/');
	const links = page.locator('table.files a');
	const count = await links.count();
	expect(count).toBeGreaterThan(0);
	const name = (await links.first().textContent())?.trim() ?? '';
	await links.first().click();
	await expect(page.getByTestId('file-name')).toHaveText(name);
	await expect(page.locator('#L1')).toBeVisible();
	await expect(page.locator('#L1 .ln')).toHaveText('1');
	expect(errors).toEqual([]);
});
