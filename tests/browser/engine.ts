// Which engine a browser test runs in (projects `…@chromium`, `…@firefox`, `…@webkit`, scripts/engines.ts),
// and the one way a test steps aside where the engine lacks what it needs: by name, with its reason.
import type { TestContext } from 'vitest';
import { commands, server, userEvent } from 'vitest/browser';

export type Engine = 'chromium' | 'firefox' | 'webkit';

/** WebKit runs as WebKitGTK's MiniBrowser. */
export const engine: Engine =
  server.browser === 'chromium' ? 'chromium' : server.browser === 'firefox' ? 'firefox' : 'webkit';

/**
 * Skips the running test in `engines`, saying why. The reason is kept on the test (`meta.skipReason`),
 * so `npm test` counts the test as skipped and prints its name and reason; a test skipped without one
 * counts as failed.
 *
 * @example it('pastes', (context) => { skipIn(context, 'firefox', 'no clipboardData on a synthetic ClipboardEvent'); … })
 */
export function skipIn(context: TestContext, engines: Engine | Engine[], reason: string): void {
  if (![engines].flat().includes(engine)) return;
  context.task.meta.skipReason = reason;
  context.skip(reason);
}

/**
 * Picks files through an `<input type=file>` as a user would, in every engine: Playwright takes `File`
 * objects (Chromium, Firefox); WebKitWebDriver only takes paths typed into the input (`webkitPickFiles`).
 * `paths` are relative to the repository's root.
 */
export async function pickFiles(input: HTMLInputElement, paths: string[]): Promise<void> {
  if (engine === 'webkit') {
    const marker = `pick-${Math.random().toString(36).slice(2)}`;
    input.setAttribute('data-pick', marker);
    await commands.webkitPickFiles(`[data-pick="${marker}"]`, paths);
    input.removeAttribute('data-pick');
    return;
  }
  const files = await Promise.all(
    paths.map(async (path) => {
      const response = await fetch(`/${path}`);
      return new File([await response.arrayBuffer()], path.split('/').pop() as string);
    }),
  );
  await userEvent.upload(input, files);
}

/** A `prefers-*` media feature the page should report, or `undefined` to report the system's again. */
export interface EmulatedMedia {
  colorScheme?: 'light' | 'dark';
  reducedMotion?: 'reduce' | 'no-preference';
}

/**
 * Whether `emulateMedia` can change what `@media (prefers-…)` matches: in Chromium only (Playwright's
 * emulateMedia has no effect over BiDi in Firefox ESR 153; WebKitWebDriver has no such command).
 */
export const canEmulateMedia = engine === 'chromium';

/** Changes what the page's `prefers-color-scheme` / `prefers-reduced-motion` report (Playwright's emulateMedia). */
export async function emulateMedia(media: EmulatedMedia = {}): Promise<void> {
  if (!canEmulateMedia) throw new Error(`media features cannot be emulated in ${engine}`);
  await commands.emulateMedia(media);
}

declare module 'vitest' {
  interface TaskMeta {
    /** Why the test was skipped in this engine (skipIn). */
    skipReason?: string;
  }
}
