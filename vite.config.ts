import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 20000,
    // the bureaus' keys (src/lib/server/public/keys.ts) of the test runs, never the app's data directory
    env: { DATA_DIR: 'node_modules/.cache/stdc-tests/data' },
    // template databases for the store tests (test/server/harness.ts)
    globalSetup: ['test/server/global-setup.ts']
  }
});
