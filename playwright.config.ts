import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumLaunchOptions } from './scripts/chromium.ts';
import { FIREFOX_PATH } from './scripts/engines.ts';

/**
 * End-to-end tests of the demo that `npm start` serves: the built server and demo app, driven in Debian
 * chromium and in Firefox ESR (Playwright's WebDriver BiDi backend). Each test starts its own server on a
 * free port with a fresh DATA_DIR (see tests/e2e/support/fixtures.ts); `npm test` builds first. WebKit,
 * which Playwright cannot drive here, runs the main journey through WebdriverIO (tests/e2e-webkit).
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
    viewport: { width: 1100, height: 760 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: { browserName: 'chromium', launchOptions: { ...chromiumLaunchOptions(), args: CHROMIUM_ARGS } },
    },
    {
      name: 'firefox',
      use: {
        browserName: 'firefox',
        launchOptions: { channel: 'moz-firefox', executablePath: FIREFOX_PATH },
      },
    },
  ],
});
