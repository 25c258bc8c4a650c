import { defineConfig } from 'vitest/config';

/**
 * The demo's main journey in WebKitGTK through WebdriverIO (`npm test` runs it after the build, beside
 * Playwright's e2e in Chromium and Firefox). Kept out of the default projects: it needs the built server
 * and demo (`node scripts/build.mjs --no-types`), and starts its own Xvfb and WebKitWebDriver.
 */
export default defineConfig({
  test: {
    name: 'journey@webkit',
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/e2e-webkit/**/*.test.ts'],
    environment: 'node',
    // Hang guards, not timing goals: MiniBrowser starts in seconds, and one upload is throttled on purpose.
    testTimeout: 180_000,
    hookTimeout: 60_000,
  },
});
