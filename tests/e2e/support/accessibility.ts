// What the demo's accessibility tests share: axe over the settled page, and a chat that shows every part.
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { type ChatTab, dropFiles, expect, pngImage } from './fixtures';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * axe-core's WCAG A/AA rules over the settled page, as "rule: targets" lines (empty when clean).
 *
 * Settled: a switch of colour scheme fades backgrounds over 150 ms while text changes at once, and
 * axe sampling in between measured text of one scheme on the background of the other (1.06:1; CI
 * caught it once). getAnimations() flushes styles, so the fades a switch starts are already listed.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation instanceof CSSTransition)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations as AxeViolation[];
  });
  return violations.map(
    (violation) =>
      `${violation.id} (${violation.help}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

/** Alice's chat with Bob holding a sent message, a draft and a rejection: every part of the composer and the log. */
export async function chatWithEverything(as: (person: 'alice') => Promise<ChatTab>): Promise<Page> {
  const alice = await as('alice');
  await alice.open('Bob');
  await dropFiles(alice.page, [
    { name: 'sent.png', mimeType: 'image/png', buffer: await pngImage(320, 200) },
  ]);
  await alice.page.getByRole('button', { name: 'Send' }).click();
  await expect(alice.log().getByRole('link')).toHaveCount(1);

  await dropFiles(alice.page, [
    { name: 'draft.png', mimeType: 'image/png', buffer: await pngImage(240, 160) },
    { name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 not an image') },
  ]);
  await expect(alice.page.getByRole('img', { name: 'draft.png' })).toBeVisible();
  await expect(alice.page.getByRole('alert')).toContainText("notes.pdf isn't an image");
  return alice.page;
}

export const prefersDark = (page: Page) =>
  page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
