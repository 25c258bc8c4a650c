import { firefoxUserPrefs } from '../../scripts/systemPreferences.ts';
import { axeViolations, chatWithEverything, prefersDark } from './support/accessibility';
import { expect, test } from './support/fixtures';

// Playwright 1.64 cannot emulate prefers-color-scheme in Firefox over WebDriver BiDi (ESR 153 lacks
// emulation.setMediaFeaturesOverride), so there this test gets a Firefox of its own whose pages are dark
// by preference; Chromium emulates it. Either way the test checks that the page really is dark.
test.use({
  launchOptions: [
    async ({ browserName, launchOptions }, use) =>
      use(
        browserName === 'firefox'
          ? {
              ...launchOptions,
              firefoxUserPrefs: firefoxUserPrefs({ colorScheme: 'dark' }),
            }
          : launchOptions,
      ),
    { scope: 'worker' },
  ],
});

test('the demo has no axe violations with a sent message, a draft and a rejection (dark)', async ({
  as,
  browserName,
}) => {
  const page = await chatWithEverything(as);
  if (browserName === 'chromium') await page.emulateMedia({ colorScheme: 'dark' });
  expect(await prefersDark(page)).toBe(true);
  expect(await axeViolations(page)).toEqual([]);
});
