import { existsSync } from 'node:fs';
import type { TestProjectInlineConfiguration } from 'vitest/config';
import type { BrowserCommand, BrowserProvider } from 'vitest/node';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
import { chromiumContextOptions, firefoxUserPrefs, type SystemPreferences } from './systemPreferences.ts';
import { startWebKitDriver, type WebKitDriver, webkitCapabilities } from './webkit.ts';

/**
 * The three engines the browser tests run in (DESIGN.md, "Every engine and every bundler"): Debian's
 * chromium and Firefox ESR through Playwright (Firefox over WebDriver BiDi), WebKitGTK's MiniBrowser
 * through WebdriverIO. Engine launch details live here so every browser project runs in the same engines.
 */
export const ENGINES = ['chromium', 'firefox', 'webkit'] as const;
export type Engine = (typeof ENGINES)[number];

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Vitest's browser config for one project, minus what this file decides per engine. */
type BrowserOptions = NonNullable<NonNullable<TestProjectInlineConfiguration['test']>['browser']>;
type TestOptions = Omit<NonNullable<TestProjectInlineConfiguration['test']>, 'name' | 'browser'>;

export interface EngineProjectOptions extends TestOptions {
  /** Browser commands the tests call (they run in Node); the engine's own are added. */
  commands?: BrowserOptions['commands'];
  /** Permissions granted to the page where the engine can grant them (Chromium). */
  chromiumPermissions?: string[];
  /** What the system prefers when the engine starts (dark, reduced motion); unset: the machine's own. */
  systemPreferences?: SystemPreferences;
}

/** Firefox's test frame sits in a holder scaled with a CSS transform, in which BiDi cannot click. */
const FIREFOX_SETUP = new URL('./firefoxFrameSetup.ts', import.meta.url).pathname;

/**
 * Sends an absolute path as keys to an `<input type=file>` (`userEvent.upload` needs WebDriver's
 * Selenium-only upload endpoint, which WebKitWebDriver lacks). Runs inside the test frame.
 */
const webkitPickFiles: BrowserCommand<[selector: string, paths: string[]]> = async (
  context,
  selector,
  paths,
) => {
  const browser = (context as unknown as { browser: WebdriverIO.Browser }).browser;
  const input = await browser.$(selector);
  await input.addValue(paths.join('\n'));
};

/** Chromium: what `@media (prefers-…)` matches, `null` for the system's (Playwright's emulateMedia). */
const emulateMedia: BrowserCommand<
  [media: { colorScheme?: string | null; reducedMotion?: string | null }]
> = async (context, media) => {
  const { page } = context as unknown as { page: import('playwright').Page };
  await page.emulateMedia({
    colorScheme: (media.colorScheme ?? null) as 'dark' | 'light' | null,
    reducedMotion: (media.reducedMotion ?? null) as 'reduce' | 'no-preference' | null,
  });
};

type ProviderOption = Awaited<ReturnType<typeof import('@vitest/browser-playwright').playwright>>;

/**
 * Checks that `path` exists when the project starts its browser, not when the config loads: a machine
 * without one engine still runs every other project.
 */
function installedWhenUsed<T extends Pick<ProviderOption, 'providerFactory'>>(
  provider: T,
  path: string,
  hint: string,
): T {
  const factory = provider.providerFactory;
  provider.providerFactory = (project) => {
    if (!existsSync(path)) throw new Error(`${path} was not found. ${hint}`);
    return factory(project);
  };
  return provider;
}

async function chromiumProvider(permissions: string[] = [], preferences?: SystemPreferences) {
  const { playwright } = await import('@vitest/browser-playwright');
  return installedWhenUsed(
    playwright({
      launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
      contextOptions: { permissions, ...chromiumContextOptions(preferences) },
    }),
    CHROMIUM_PATH,
    'Install it with `sudo apt-get install -y chromium`, or set CHROMIUM_PATH.',
  );
}

async function firefoxProvider(preferences?: SystemPreferences) {
  const { playwright } = await import('@vitest/browser-playwright');
  return installedWhenUsed(
    playwright({
      // Playwright's WebDriver BiDi backend drives the stock browser; no patched Firefox download needed.
      launchOptions: {
        channel: 'moz-firefox',
        executablePath: FIREFOX_PATH,
        firefoxUserPrefs: firefoxUserPrefs(preferences),
      },
      contextOptions: { viewport: { width: 1280, height: 1024 } },
    }),
    FIREFOX_PATH,
    'Install it with `sudo apt-get install -y firefox-esr`, or set FIREFOX_PATH.',
  );
}

/**
 * WebdriverIO's provider for MiniBrowser, which starts its own WebKitWebDriver (on its own Xvfb display)
 * when the project first opens the browser and stops it when the project closes.
 */
async function webkitProvider(preferences?: SystemPreferences) {
  const { webdriverio } = await import('@vitest/browser-webdriverio');
  const options: NonNullable<Parameters<typeof webdriverio>[0]> = {
    hostname: '127.0.0.1',
    capabilities: webkitCapabilities(),
  };
  const provider = webdriverio(options);
  // Its list has only firefox/chrome/edge/safari, and it copies the instance's name into `browserName`.
  provider.supportedBrowser = ['MiniBrowser'];
  const factory = provider.providerFactory;
  provider.providerFactory = (project) => {
    const instance = factory(project) as BrowserProvider & { openBrowser(): Promise<unknown> };
    let driver: Promise<WebKitDriver> | undefined;
    const openBrowser = instance.openBrowser.bind(instance);
    const close = instance.close.bind(instance);
    Object.assign(instance, {
      async openBrowser() {
        driver ??= startWebKitDriver(preferences);
        // The provider reads these options (the same object) when it connects.
        options.port = (await driver).port;
        return openBrowser();
      },
      async close() {
        await close();
        await (await driver)?.stop();
      },
    });
    return instance;
  };
  return provider;
}

async function engineBrowser(engine: Engine, options: EngineProjectOptions): Promise<BrowserOptions> {
  const common = { enabled: true, screenshotFailures: false } as const;
  switch (engine) {
    case 'chromium':
      return {
        ...common,
        headless: true,
        provider: await chromiumProvider(options.chromiumPermissions, options.systemPreferences),
        instances: [{ browser: 'chromium' }],
        commands: { ...options.commands, emulateMedia },
      };
    case 'firefox':
      return {
        ...common,
        headless: true,
        provider: await firefoxProvider(options.systemPreferences),
        instances: [{ browser: 'firefox' }],
        // With the page larger than the frame, the frame's scale is 1 (and firefoxFrameSetup.ts lifts it).
        viewport: { width: 800, height: 600 },
        // No emulateMedia: Playwright's has no effect over BiDi in Firefox ESR 153.
        commands: options.commands,
      };
    case 'webkit':
      return {
        ...common,
        // WebKitGTK has no headless mode: it draws on its own Xvfb display (webkit.ts).
        headless: false,
        provider: await webkitProvider(options.systemPreferences),
        instances: [{ browser: 'MiniBrowser' as 'safari' }],
        viewport: { width: 800, height: 600 },
        commands: { ...options.commands, webkitPickFiles },
      };
  }
}

/**
 * One Vitest project per engine, named `name@engine` (`vitest run --project '*@firefox'` runs every
 * project's Firefox share; `--project '!*@*'` everything else).
 */
export async function engineProjects(
  name: string,
  { commands, chromiumPermissions, systemPreferences, setupFiles, ...test }: EngineProjectOptions,
  engines: readonly Engine[] = ENGINES,
): Promise<TestProjectInlineConfiguration[]> {
  const setup = setupFiles === undefined ? [] : [setupFiles].flat();
  return Promise.all(
    engines.map(async (engine) => ({
      extends: true,
      test: {
        ...test,
        name: `${name}@${engine}`,
        setupFiles: engine === 'firefox' ? [FIREFOX_SETUP, ...setup] : setup,
        browser: await engineBrowser(engine, { commands, chromiumPermissions, systemPreferences }),
      },
    })),
  );
}

declare module 'vitest/browser' {
  interface BrowserCommands {
    /** Chromium only: what `@media (prefers-…)` matches; `null` or absent: the system's. */
    emulateMedia: (media: { colorScheme?: string | null; reducedMotion?: string | null }) => Promise<void>;
    /** WebKit only: picks files (absolute paths) in the `<input type=file>` that `selector` finds. */
    webkitPickFiles: (selector: string, paths: string[]) => Promise<void>;
  }
}
