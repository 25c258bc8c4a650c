import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumLaunchOptions } from './scripts/chromium.ts';

/**
 * End-to-end tests of the demo that `npm start` serves: the built server and demo app, driven in Debian
 * chromium. Each worker starts its own server on a free port with a fresh DATA_DIR (see
 * tests/e2e/support/fixtures.ts); `npm test` builds first.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  outputDir: 'test-results/e2e',
  use: {
    browserName: 'chromium',
    launchOptions: { ...chromiumLaunchOptions(), args: CHROMIUM_ARGS },
    viewport: { width: 1100, height: 760 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
