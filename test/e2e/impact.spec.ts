// The impact page for a changed draft: change list, counts and ECharts charts rendered, the sweep chart
// following its slider; the nearest qualifying path beside a failing sample's explanation.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fresh-server.ts';
import { signIn, watchErrors } from './support.ts';

const DIR = path.resolve('standards/2026');
const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.std')).sort().map((f) => ({ path: f, text: fs.readFileSync(path.join(DIR, f), 'utf8') }));
const draft = files.map((f) => (f.path === '副研究员.std' ? { ...f, text: f.text.replace('合同成交额 >= 500万元', '合同成交额 >= 300万元').replace('最低 55分', '最低 45分') } : f));
const samples = fs.readdirSync(path.join(DIR, 'samples')).filter((f) => f.endsWith('.json')).map((f) => ({ path: `samples/${f}`, text: fs.readFileSync(path.join(DIR, 'samples', f), 'utf8') }));

// The draft is saved on the server (its own server and data directory: the save must not reach other tests).
test('impact page: a changed draft against the current set, charts rendered, the sweep follows the slider', async ({ page }) => {
	const errors = watchErrors(page);
	await signIn(page, 'hr-editor', '/');
	const set = await (await page.request.get('/api/sets/2026')).json();
	const saved = await page.request.post('/api/sets/2026/drafts', { data: { baseRevisionId: set.head.id, content: { files: [...draft, ...samples] } } });
	expect(saved.status(), await saved.text()).toBe(201);
	await page.goto('/standards/2026/impact');
	await expect(page.getByText(/草稿：服务器上的第 2 版/)).toBeVisible();

	const changes = page.getByTestId('change-list');
	await expect(changes).toContainText('副研究员 业绩条件 A 促成技术合同成交额：门槛由 500万元 调整为 300万元');
	await expect(changes).toContainText('副研究员 业绩量化积分 最低分由 55分 调整为 45分');

	const row = page.getByTestId('impact-summary').locator('tr[data-level="副研究员"]');
	await expect(row).toBeVisible();
	const cells = await row.locator('td').allTextContents();
	expect(Number(cells[2])).toBeGreaterThan(Number(cells[1])); // lower thresholds: more pass

	for (const id of ['chart-pass', 'chart-scores', 'chart-causes', 'chart-sweep']) {
		const chart = page.getByTestId(id);
		await expect(chart.locator('svg')).toBeVisible();
		await expect(chart.locator('svg path').first()).toBeAttached();
	}
	await expect(page.getByTestId('chart-pass').locator('svg')).toContainText('副研究员');
	await expect(page.getByTestId('flips')).toContainText('不通过→通过');
	await expect(page.getByTestId('flips')).toContainText('原要求 >= 500万元（不满足），现要求 >= 300万元（满足）');

	// the sweep: pick 副研究员 A's threshold, then drag the slider and watch the text and the chart follow
	const select = page.getByTestId('sweep-target');
	const option = select.locator('option', { hasText: '副研究员 A 促成技术合同成交额 门槛' });
	await select.selectOption((await option.getAttribute('value'))!);
	const now = page.getByTestId('sweep-now');
	await expect(now).toContainText('300万元：');
	const sweepChart = page.getByTestId('chart-sweep');
	await expect(sweepChart.locator('svg')).toContainText('当前 300万元');
	await page.screenshot({ path: 'test-results/impact-page.png', fullPage: true });

	const slider = page.getByTestId('sweep-slider');
	await slider.scrollIntoViewIfNeeded(); // the mouse works in the viewport: the slider is below the fold
	const box = (await slider.boundingBox())!;
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
	await page.mouse.down();
	await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2, { steps: 8 });
	await page.mouse.up();
	await expect(now).not.toContainText('300万元：');
	const value = (await now.textContent())!.split('：')[0];
	expect(value).toMatch(/万元$/);
	await expect(sweepChart.locator('svg')).toContainText(`当前 ${value}`);
	await sweepChart.screenshot({ path: 'test-results/impact-sweep.png' });
	expect(errors).toEqual([]);
});

test('applicant page: the nearest qualifying path beside a failing level', async ({ page }) => {
	await page.goto('/applicants/S29');
	const level = page.locator('[data-testid="level"][data-level="助理研究员"]');
	await expect(level.getByTestId('nearest')).toContainText('新增 1 项技术合同（合同角色：主持）');
	// a level passed, or closed by a gate, has no path to show
	for (const section of await page.getByTestId('level').all()) {
		const verdict = await section.locator('header [data-verdict]').getAttribute('data-verdict');
		if (verdict !== 'fail') await expect(section.getByTestId('nearest')).toHaveCount(0);
	}
});
