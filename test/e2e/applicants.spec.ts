// Applicants through the browser: an HR editor uploads the prepared workbook with good and broken rows, sees
// the cell-by-cell report, the good applicants join the draft's samples; the results export downloads as CSV.
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { watchErrors } from './support.ts';

test('import a workbook with good and broken rows, then export the results', async ({ page }) => {
	const errors = watchErrors(page);
	await page.goto('/standards/2026/applicants');
	await expect(page).toHaveURL(/\/login\?next=/);
	await page.getByLabel('用户名').fill('hr-editor');
	await page.getByLabel('密码').fill('demo-password');
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('样例申报人的导入与导出');
	const before = await page.getByTestId('samples').getByRole('row').count();

	await page.getByTestId('import-file').setInputFiles('test/fixtures/excel/applicants-mixed.xlsx');
	await page.getByRole('button', { name: '导入' }).click();
	await expect(page.getByTestId('import-message')).toContainText('已导入 2 名申报人');
	const report = page.getByTestId('import-report');
	await expect(report).toContainText('这些申报人未导入：S17、S24');
	const row = report.getByRole('row').filter({ hasText: '在职状态（D列）' });
	await expect(row).toContainText('申报人');
	await expect(row).toContainText('在岗');
	await expect(row).toContainText('应为以下之一：在职在岗、已离职、已离退休');
	await expect(report.getByRole('row').filter({ hasText: '2024-02-30' })).toContainText('不是有效日期');
	await expect(page.getByTestId('samples').getByRole('row')).toHaveCount(before + 2);
	await expect(page.getByTestId('samples')).toContainText('导入-S41');

	const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /下载 CSV/ }).click()]);
	const csv = fs.readFileSync((await dl.path())!, 'utf8');
	expect(csv.charCodeAt(0)).toBe(0xfeff);
	expect(csv.slice(1).split('\r\n')[0]).toBe('申报人编号,姓名,申报级别,评价级别,结论,路线,积分,未满足的条件');
	expect(csv).toContain('S41');
	expect(errors).toEqual([]);
});
