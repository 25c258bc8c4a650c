import { createHash } from 'node:crypto';
import { type BrowserContext, test as base, expect, type Page } from '@playwright/test';
import sharp from 'sharp';
import { ServerProcess } from './serverProcess';

export type Person = 'alice' | 'bob' | 'carol';

/** A signed-in tab of the demo. */
export interface ChatTab {
  page: Page;
  open(conversation: string): Promise<void>;
  log(): ReturnType<Page['getByRole']>;
}

/**
 * Signs `person` in on `page` (a new tab of an existing context, for several tabs of one browser: they
 * share IndexedDB, while each tab keeps its own session).
 */
export async function signInTab(page: Page, url: string, person: Person): Promise<ChatTab> {
  await page.goto(url);
  await page.getByRole('button', { name: new RegExp(`^${person}$`, 'i') }).click();
  await expect(page.getByText('Signed in as')).toBeVisible();
  return {
    page,
    open: (conversation) =>
      page
        .getByRole('navigation', { name: 'Conversations' })
        .getByRole('button', { name: conversation })
        .click(),
    log: () => page.getByRole('log'),
  };
}

// A server (and DATA_DIR) per test: conversations start empty, so counts in one test never depend on
// what another test sent. Starting one takes well under a second.
export const test = base.extend<{ as: (person: Person) => Promise<ChatTab>; server: ServerProcess }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
  server: async ({}, use) => {
    const server = await ServerProcess.start();
    await use(server);
    await server.dispose();
  },
  // Each person gets a context of their own, closed when the test ends: the browser lives for the whole
  // run, and a tab left open keeps reconnecting to its test's stopped server (in Firefox the tabs of a
  // run piled up to 6 GB and a busy core, until a late test timed out).
  as: async ({ browser, server }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (person) => {
      const context = await browser.newContext();
      contexts.push(context);
      return signInTab(await context.newPage(), server.url, person);
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

export { expect };

/** A real photo-like JPEG (gradient + shapes, encoded by libjpeg) of about `approxBytes`. */
export async function photoJpeg(width: number, height: number, quality = 90): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#1e6bd6"/><stop offset="1" stop-color="#f6a21a"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/><circle cx="${width / 2}" cy="${height / 2}" r="${Math.min(width, height) / 4}" fill="#ffd166"/></svg>`;
  // Noise keeps JPEG from compressing the file to nothing, so uploads take measurable time.
  const noise = await sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .png()
    .toBuffer();
  return sharp(Buffer.from(svg))
    .composite([{ input: noise, blend: 'soft-light' }])
    .jpeg({ quality })
    .toBuffer();
}

export async function pngImage(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 40, g: 180, b: 120, alpha: 1 } } })
    .png()
    .toBuffer();
}

export const sha256 = (bytes: Buffer | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Why a test that needs Chromium's DevTools protocol is skipped in Firefox (Playwright has CDP only in
 * Chromium; over WebDriver BiDi there is no network throttling nor quota override). Use it as
 * `test.skip(browserName !== 'chromium', NEEDS_CDP.…)`: the reason is reported with the test's name.
 */
export const NEEDS_CDP = {
  uploadThrottling:
    'slows uploads through CDP (Network.emulateNetworkConditions), which Playwright has in Chromium only',
  downloadThrottling:
    'slows downloads through CDP (Network.emulateNetworkConditions), which Playwright has in Chromium only',
  quota:
    'shrinks the storage quota through CDP (Storage.overrideQuotaForOrigin), which Playwright has in Chromium only',
};

/**
 * Throttles the page's uploads through CDP (Network.emulateNetworkConditions), so progress and a
 * mid-upload cancel can be seen; returns the function that changes the limit (`undefined`: unthrottled).
 */
export async function uploadSpeed(
  page: Page,
): Promise<(bytesPerSecond: number | undefined) => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  return async (bytesPerSecond) => {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: bytesPerSecond === undefined ? 0 : 20,
      downloadThroughput: -1,
      uploadThroughput: bytesPerSecond ?? -1,
    });
  };
}

/** Drops files on the page's drop zone with a real DataTransfer built in the page. */
export async function dropFiles(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  const payload = files.map((file) => ({ name: file.name, type: file.mimeType, data: [...file.buffer] }));
  const transfer = await page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const item of items)
      dt.items.add(new File([new Uint8Array(item.data)], item.name, { type: item.type }));
    return dt;
  }, payload);
  const zone = page.getByRole('button', { name: 'Add images' });
  for (const type of ['dragenter', 'dragover', 'drop'])
    await zone.dispatchEvent(type, { dataTransfer: transfer });
}

/** Messages of a conversation as the server returns them to `person`, through the API. */
export async function apiMessages(url: string, person: Person, conversationID: string) {
  const session = await (
    await fetch(`${url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userID: person }),
    })
  ).json();
  const response = await fetch(`${url}/api/conversations/${conversationID}/messages`, {
    headers: { authorization: `Bearer ${session.data.token}` },
  });
  return (await response.json()).data.messages as {
    id: string;
    msgID: string;
    imageElem: { imageList: { type: number; url: string }[]; placeholder?: string };
  }[];
}
