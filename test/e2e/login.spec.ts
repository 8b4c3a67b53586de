// The log-in form keeps what a clerk typed before the page's scripts ran. On a busy machine the browser tests
// typed into the server's HTML, and hydration set the user name back to '' ("Please fill out this field").
import { expect, test } from '@playwright/test';
import { hydrated, watchErrors } from './support.ts';

test('what is typed into the log-in form before the scripts run is kept, and logs in', async ({ page }) => {
	const errors = watchErrors(page);
	// hold the app's scripts until the form is filled: until then the page is the server's HTML only
	let release!: () => void;
	const held = new Promise<void>((r) => (release = r));
	await page.route('**/_app/immutable/**', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto('/login?next=%2Fstandards', { waitUntil: 'commit' });
	await page.getByLabel('用户名').fill('hr-editor');
	await page.getByLabel('密码').fill('demo-password');
	expect(await page.locator('html[data-hydrated]').count()).toBe(0); // typed before hydration
	release();
	await hydrated(page);
	await expect(page.getByLabel('用户名')).toHaveValue('hr-editor');
	await page.getByRole('button', { name: '登录' }).click();
	await page.waitForURL((url) => url.pathname === '/standards');
	await expect(page.getByRole('banner')).toContainText('人社局经办');
	expect(errors).toEqual([]);
});
