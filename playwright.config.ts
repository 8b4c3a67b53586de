import { defineConfig, devices } from '@playwright/test';

// Browser tests run the production build (npm run build && node build) in Debian's Chromium.
// Chromium comes from apt (`apt-get install -y chromium`), never from `npx playwright install`.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
	testDir: 'test/e2e',
	outputDir: 'test-results/artifacts',
	fullyParallel: true,
	forbidOnly: !!process.env.CI,
	retries: 0,
	// Honest limits for a shared 2-core machine under load, where opening the editor (Monaco, the worker, the
	// first compile and the preview) alone can take 20 s and a whole test 60–75 s at load 10: tests wait on
	// conditions, and these are the ceilings.
	timeout: 180_000,
	expect: { timeout: 20_000 },
	reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
	use: {
		baseURL,
		viewport: { width: 1366, height: 768 },
		locale: 'zh-CN',
		timezoneId: 'Asia/Shanghai',
		screenshot: 'only-on-failure',
		trace: 'retain-on-failure'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				viewport: { width: 1366, height: 768 },
				launchOptions: {
					executablePath: '/usr/bin/chromium',
					args: [
						'--no-sandbox',
						'--disable-gpu',
						'--disable-quic',
						'--no-first-run',
						'--disable-background-networking',
						'--disable-component-update',
						'--disable-sync'
					]
				}
			}
		}
	],
	webServer: {
		// A fresh demo database per run (PGlite in DATA_DIR, with the demo accounts).
		command: `rm -rf test-results/e2e-data-${PORT} && npm run build && node build`,
		url: baseURL,
		env: { PORT: String(PORT), HOST: '127.0.0.1', ORIGIN: baseURL, STDC_DEMO: '1', DATA_DIR: `test-results/e2e-data-${PORT}`, BODY_SIZE_LIMIT: '25M' },
		reuseExistingServer: !process.env.CI,
		timeout: 1_200_000, // `npm run build` takes 1–4 minutes here when the machine is busy, over 10 at load 25
		stdout: 'ignore',
		stderr: 'pipe'
	}
});
