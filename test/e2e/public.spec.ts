// The public pages: the list of published sets, the 2026 set as the official document (compared with the
// policy text), a print preview, and the downloads checked with `stdc verify`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { watchErrors } from './support.ts';

// A copy of the policy the 2026 set encodes (shared/policy/2026-technical-manager-standard.md).
const policy = fs.readFileSync('test/fixtures/policy-2026.md', 'utf8');

/** The cells of the policy table row that starts with `head`. */
function policyRow(head: string): string[] {
	const line = policy.split('\n').find((l) => l.startsWith(`| ${head}`));
	if (!line) throw new Error(`policy row ${head} not found`);
	return line.split('|').slice(2, -1).map((c) => c.trim());
}

test('the public list shows the 2026 set, in force, with its hash and the two bureaus', async ({ page }) => {
	const errors = watchErrors(page);
	await page.goto('/public');
	await expect(page.getByRole('heading', { name: '标准公开' })).toBeVisible();
	const row = page.getByTestId('published-sets').getByRole('row').filter({ hasText: '2026' });
	await expect(row).toContainText('现行');
	await expect(row).toContainText('sha256:');
	await expect(row).toContainText('杭州市人力资源和社会保障局');
	await expect(row).toContainText('杭州市科学技术局');
	expect(errors).toEqual([]);
});

test('the 2026 document states the policy’s rules; each sentence links to its clause', async ({ page }) => {
	const errors = watchErrors(page);
	await page.goto('/public/2026');
	const doc = page.getByTestId('official-document');
	await expect(doc.getByRole('heading', { level: 1 })).toHaveText('杭州市技术经理专业技术职务任职资格评价标准（2026年度）');
	await expect(doc).toContainText('发布单位：杭州市人力资源和社会保障局');
	await expect(doc).toContainText('基准日：2026年9月30日');
	const text = (await doc.innerText()).replace(/\s+/g, '');

	// Section 4 row A of the policy, per level: ">= 50万元 | >= 200万元 | >= 500万元 | >= 2000万元".
	const a = policyRow('A 促成技术合同成交额').slice(0, 4).map((c) => /(\d+)万元/.exec(c)![1]);
	expect(a).toEqual(['50', '200', '500', '2000']);
	for (const x of a) expect(text).toContain(`任现职以来促成技术合同成交额不低于${x}万元。`);
	// Section 2: 副研究员 "doctor and 现职 intermediate 满2年".
	expect(policyRow('副研究员')[0]).toContain('doctor and 现职 intermediate 满2年');
	expect(text).toContain('具有博士学位，取得中级专业技术职务任职资格满2年。');
	// Section 7: committee sizes ">= 11" and ">= 7"; method 专家评审、业绩展示、面试答辩.
	const size = policyRow('当年度评审委员会人数').map((c) => /(\d+)/.exec(c)![1]);
	expect(text).toContain(`当年度评审委员会人数不少于${size[0]}人。`);
	expect(text).toContain(`当年度评审委员会人数不少于${size[1]}人。`);
	expect(text).toContain(`评价方式：${policyRow('评价方式')[0]}。`);
	// Section 5: minimum scores 20 / 35 / 55 / 70.
	for (const [level, min] of [['研究实习员', 20], ['助理研究员', 35], ['副研究员', 55], ['研究员', 70]] as const) {
		expect(policy).toContain(`${level} ${min}`);
		expect(text).toContain(`${level}不低于${min}分。`);
	}
	// The score table is a table.
	await expect(doc.getByRole('table')).toContainText('S1 合同成交额');

	// A sentence leads to its DSL clause.
	await doc.getByRole('link', { name: '任现职以来促成技术合同成交额不低于500万元。' }).click();
	await expect(page).toHaveURL(/\/public\/2026\/source\/%E5%89%AF%E7%A0%94%E7%A9%B6%E5%91%98\.std#L\d+$/);
	await expect(page.locator('.line:target')).toContainText('A "促成技术合同成交额"');
	expect(errors).toEqual([]);
});

test('print preview: clean A4 pages without the page chrome', async ({ page }) => {
	await page.goto('/public/2026');
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByTestId('publication')).toBeHidden();
	await expect(page.getByRole('banner')).toBeHidden();
	const shot = path.resolve('test-results/artifacts/public-print.png');
	await page.screenshot({ path: shot, fullPage: false });
	const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
	expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
	const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
	expect(pages).toBeGreaterThan(3);
});

test('downloads: bundle, keys, sources and record schema; stdc verify checks the bundle', async ({ page, request }) => {
	await page.goto('/public/2026');
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stdc-public-'));
	const [bundleDl] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /编译产物 bundle\.json/ }).click()]);
	const bundlePath = path.join(dir, 'bundle.json');
	await bundleDl.saveAs(bundlePath);
	const [keysDl] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /两局公钥/ }).click()]);
	const keysPath = path.join(dir, 'keys.json');
	await keysDl.saveAs(keysPath);
	const bundle = JSON.parse(fs.readFileSync(bundlePath, 'utf8'));
	expect(bundle.format).toBe('stdc-bundle@1');
	expect(bundle.publication.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);

	const schema = await request.get('/public/2026/record-schema.json');
	expect((await schema.json()).title).toBe('申报人记录');
	const std = await request.get(`/public/2026/download/${encodeURIComponent('common.std')}`);
	expect(await std.text()).toContain('标准集 "杭州市技术经理专业技术职务任职资格评价标准（2026年度）"');
	// No applicant data anywhere in what the public pages serve.
	expect(JSON.stringify(bundle)).not.toMatch(/申请人\d\d|"S\d\d"/);

	let out = '';
	let code = 0;
	try {
		out = execFileSync(process.execPath, ['bin/stdc.js', 'verify', bundlePath, '--keys', keysPath], { encoding: 'utf8', stdio: 'pipe' });
	} catch (e) {
		const err = e as { status: number; stdout: string; stderr: string };
		code = err.status;
		out = err.stdout + err.stderr;
	}
	// The published 2026 set carries both bureaus' signatures: stdc verify must pass it.
	expect(bundle.publication.signatures.map((x: { bureau: string }) => x.bureau).sort()).toEqual(['杭州市人力资源和社会保障局', '杭州市科学技术局'].sort());
	expect(code, out).toBe(0);
	expect(out).toContain('验证通过');
});
