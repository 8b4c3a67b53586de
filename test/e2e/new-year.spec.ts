// 新建年度 on /standards, in Chromium, on a server of its own: an HR editor makes 2027 from 2026 with the
// form's own defaults (基准日 is a date picker holding 2027-09-30), the page says what it made and which lines
// still name old years, and the list shows the new year as a draft.
import { expect, test } from './fresh-server.ts';
import { signIn, watchErrors } from './support.ts';

test('an HR editor makes the 2027 set from 2026 with the form as it opens', async ({ page }, testInfo) => {
	const errors = watchErrors(page);
	await signIn(page, 'hr-editor', '/standards');
	await expect(page.getByTestId('to-year')).toHaveValue('2027');
	const date = page.getByTestId('reference-date');
	await expect(date).toHaveAttribute('type', 'date');
	await expect(date).toHaveValue('2027-09-30');
	// The browser's own validation lets the form go (a bad pattern once made every real date invalid).
	expect(await date.evaluate((el: HTMLInputElement) => el.validity.valid)).toBe(true);
	await page.getByTestId('new-year').click();
	const result = page.getByTestId('new-year-result');
	await expect(result).toContainText('已新建 2027 年度（第 1 版）');
	await expect(page.getByTestId('mentions').locator('tbody tr').first()).toBeVisible();
	await expect(page.getByTestId('sets')).toContainText('2027');
	await expect(page.getByTestId('to-year')).toHaveValue('2028'); // the form now proposes the year after
	await page.screenshot({ path: testInfo.outputPath('new-year.png') });
	expect(errors).toEqual([]);
});
