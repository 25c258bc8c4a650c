import type { Page } from '@playwright/test';
import { dropFiles, expect, NEEDS_CDP, photoJpeg, pngImage, test } from './support/fixtures';

/**
 * Slows the page's downloads through CDP, so images are still loading when the list has rendered;
 * returns the function that lifts the limit.
 */
async function slowDownloads(page: Page, bytesPerSecond: number): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  // The memory cache would answer at once: every image must come over the slow link.
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const limit = (latency: number, downloadThroughput: number) =>
    cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency,
      downloadThroughput,
      uploadThroughput: -1,
    });
  await limit(50, bytesPerSecond);
  return async () => {
    await limit(0, -1);
  };
}

/** Starts summing layout-shift scores (as CLS does, without recent input) from now on. */
async function watchLayoutShifts(page: Page) {
  await page.evaluate(() => {
    const record = { score: 0, shifts: [] as string[] };
    (window as unknown as { layoutShifts: typeof record }).layoutShifts = record;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
        sources?: { node?: Node }[];
      })[]) {
        if (entry.hadRecentInput) continue;
        record.score += entry.value;
        record.shifts.push(
          (entry.sources ?? []).map((source) => (source.node as Element)?.className ?? '?').join(', '),
        );
      }
    }).observe({ type: 'layout-shift' });
  });
}

const layoutShifts = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { layoutShifts: { score: number; shifts: string[] } }).layoutShifts,
  );

test('images of mixed shapes load into boxes that never move; the viewer opens, pages, closes and gives focus back', async ({
  as,
  browserName,
}) => {
  test.skip(browserName !== 'chromium', NEEDS_CDP.downloadThrottling);
  const alice = await as('alice');
  await alice.open('Bob');
  await dropFiles(alice.page, [
    { name: 'landscape.jpg', mimeType: 'image/jpeg', buffer: await photoJpeg(1600, 1000) },
    { name: 'portrait.jpg', mimeType: 'image/jpeg', buffer: await photoJpeg(900, 1600) },
    { name: 'panorama.png', mimeType: 'image/png', buffer: await pngImage(2400, 300) },
  ]);
  await alice.page.getByRole('button', { name: 'Send' }).click();
  await expect(alice.log().getByRole('link')).toHaveCount(3, { timeout: 20_000 });

  const bob = await as('bob');
  const fullSpeed = await slowDownloads(bob.page, 20 * 1024);
  await bob.open('Alice');
  const boxes = bob.log().locator('.im-view');
  await expect(boxes).toHaveCount(3);
  await watchLayoutShifts(bob.page);
  const sizesBefore = await boxes.evaluateAll((elements) =>
    elements.map((element) => element.getBoundingClientRect().toJSON()),
  );
  // Images are still arriving over the slow link, and the boxes already have their final shape.
  const stillLoading = await boxes.evaluateAll(
    (elements) => elements.filter((element) => element.getAttribute('data-state') === 'loading').length,
  );
  expect(stillLoading).toBeGreaterThan(0);
  for (const box of await boxes.all())
    await expect(box).toHaveAttribute('data-state', 'loaded', { timeout: 30_000 });
  const sizesAfter = await boxes.evaluateAll((elements) =>
    elements.map((element) => element.getBoundingClientRect().toJSON()),
  );
  expect(sizesAfter).toEqual(sizesBefore);
  expect(await layoutShifts(bob.page)).toEqual({ score: 0, shifts: [] });

  // The viewer: open from the second image, page with the arrows, close with Esc.
  await fullSpeed();
  const opener = bob
    .log()
    .getByRole('button', { name: /^Open image from Alice/ })
    .nth(1);
  await opener.click();
  const dialog = bob.page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  await expect(dialog.getByRole('button', { name: 'Close viewer' })).toBeFocused();
  await expect(dialog.getByText('2 / 3')).toBeVisible();
  const download = dialog.getByRole('link', { name: 'Download original' });
  await expect(download).toHaveAttribute('href', /\/files\/[^/]+\/origin\?/);
  // The ORIGIN ends up in an <img> at full resolution (the uploads finish in any order).
  const original = dialog.getByRole('img', { name: /^from Alice/ });
  await expect(original).toHaveJSProperty('complete', true, { timeout: 15_000 });
  expect([1600, 900, 2400]).toContain(
    await original.evaluate((image: HTMLImageElement) => image.naturalWidth),
  );
  await expect(dialog.getByRole('progressbar')).toHaveCount(0);

  await bob.page.keyboard.press('ArrowRight');
  await expect(dialog.getByText('3 / 3')).toBeVisible();
  await bob.page.keyboard.press('ArrowLeft');
  await bob.page.keyboard.press('ArrowLeft');
  await expect(dialog.getByText('1 / 3')).toBeVisible();
  await bob.page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
});

test('images dropped anywhere on the conversation go to the composer', async ({ as }) => {
  const alice = await as('alice');
  await alice.open('Carol');
  const png = await pngImage(200, 120);
  const transfer = await alice.page.evaluateHandle(
    (data) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], 'onto-log.png', { type: 'image/png' }));
      return dt;
    },
    [...png],
  );
  const log = alice.page.locator('.demo-log-frame');
  await log.dispatchEvent('dragenter', { dataTransfer: transfer });
  await expect(alice.page.locator('.im-drop-overlay')).toBeVisible();
  await expect(alice.page.locator('.im-drop-overlay')).toHaveText('Drop to add');
  await log.dispatchEvent('dragover', { dataTransfer: transfer });
  await log.dispatchEvent('drop', { dataTransfer: transfer });
  await expect(alice.page.getByRole('img', { name: 'onto-log.png' })).toBeVisible();
  await expect(alice.page.locator('.im-drop-overlay')).toBeHidden();
});
