import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { remote } from 'webdriverio';
import { startWebKitDriver, type WebKitDriver, webkitCapabilities } from '../../scripts/webkit.ts';
import { apiMessages, photoJpeg, sha256 } from '../e2e/support/fixtures';
import { ServerProcess } from '../e2e/support/serverProcess';
import { type SlowLink, startSlowLink } from './slowLink';

// The demo's main journey in WebKitGTK (Safari's engine), which Playwright cannot drive: WebdriverIO over
// WebKitWebDriver, on its own Xvfb display (scripts/webkit.ts). Sign in, pick a photo, send it, see it in
// the log, open the viewer; then reload mid-upload and Retry: the upload resumes and the server stores
// exactly one message. The built server and demo run as `npm start` runs them (tests/e2e/support), behind
// a proxy that slows uploads (slowLink.ts) where Chromium's e2e uses CDP.

let server: ServerProcess;
let link: SlowLink;
let driver: WebKitDriver;
let browser: WebdriverIO.Browser;
let files: string;

beforeAll(async () => {
  server = await ServerProcess.start();
  link = await startSlowLink(server.url);
  driver = await startWebKitDriver();
  browser = await remote({
    hostname: driver.hostname,
    port: driver.port,
    logLevel: 'silent',
    capabilities: webkitCapabilities() as WebdriverIO.Capabilities,
  });
  await browser.setWindowSize(1100, 800);
  files = await mkdtemp(join(tmpdir(), 'im-journey-'));
});

afterAll(async () => {
  await browser?.deleteSession().catch(() => {});
  await driver?.stop();
  await link?.close();
  await server?.dispose();
  if (files) await rm(files, { recursive: true, force: true });
});

/** Polls `check` (run in the page) until it returns a truthy value; a hang guard, not a timing goal. */
async function until<T>(what: string, check: () => T | Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await browser.execute(check);
    if (value) return value as T;
    if (Date.now() > deadline) {
      const page = await browser.execute(() => document.body.outerHTML.slice(0, 3000));
      throw new Error(`timed out waiting for ${what}; the page:\n${page}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const button = (text: string, within = '') =>
  browser.$(`${within}//button[normalize-space(.)="${text}" or normalize-space(.)="${text[0]}${text}"]`);
const composer = '//div[@role="group"][@aria-label="Send images"]';

async function openBob() {
  await button('Bob', '//nav[@aria-label="Conversations"]').click();
  await until('the composer', () =>
    Boolean(document.querySelector('[role="group"][aria-label="Send images"]')),
  );
}

/**
 * Picks a file through the composer's <input type=file>: WebKitWebDriver types its path into it. WebDriver
 * adds to what a `multiple` input already holds, so the input is emptied first, as a new pick would be.
 */
async function pick(path: string) {
  const input = await browser.$(`${composer}//input[@type="file"]`);
  await browser.execute((element) => {
    (element as unknown as HTMLInputElement).value = '';
  }, input);
  await input.addValue(path);
}

/** A file of `bytes` named `name` on disk, to pick. */
async function onDisk(name: string, bytes: Buffer) {
  const path = join(files, name);
  await writeFile(path, bytes);
  return { path, bytes };
}

/**
 * A PNG of noise, within 2560 px so preparing keeps it as it is: about 15 MB, more than the loopback
 * socket buffers between the page and the proxy hold, so a reload does cut the upload short.
 */
const noisePng = (width: number, height: number) =>
  sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 60 },
    },
  })
    .png({ compressionLevel: 1 })
    .toBuffer();

// The two steps of one journey, in order, in one browser session.
it('signs in, picks a photo, sends it, sees it in the log and opens it in the viewer', async () => {
  await browser.url(link.url);
  await button('Alice').click();
  await until('the signed-in page', () => document.body.textContent?.includes('Signed in as'));
  await openBob();

  // Pick and send: the message shows in the log, and the viewer opens on it.
  const first = await onDisk('first.jpg', await photoJpeg(800, 600));
  await pick(first.path);
  await until('the draft', () =>
    document.querySelector<HTMLImageElement>('[role="group"] img[alt="first.jpg"]'),
  );
  await button('Send', composer).click();
  await until('the message in the log', () => document.querySelectorAll('[role="log"] a').length === 1);
  await browser.$('//*[@role="log"]//button[starts-with(@aria-label, "Open image")]').click();
  // The ORIGIN, at full resolution, in the dialog.
  await until('the viewer with the photo', () =>
    [...document.querySelectorAll<HTMLImageElement>('dialog[open] img')].some(
      (image) => image.complete && image.naturalWidth === 800,
    ),
  );
  await browser.keys('Escape');
  await until('the viewer closed', () => !document.querySelector('dialog[open]'));
  expect(await apiMessages(server.url, 'alice', 'c2c_bob')).toHaveLength(1);
});

it('a reload mid-upload brings the draft back; Retry resumes the upload and the server stores it once', async () => {
  // A photo that takes a while to go up: reload when the server has some of it.
  const trip = await onDisk('trip.png', await noisePng(2560, 1920));
  await pick(trip.path);
  await until('the second draft', () => document.querySelector('[role="group"] img[alt="trip.png"]'));
  link.setUploadSpeed(1024 * 1024);
  await button('Send', composer).click();
  await until(
    'the upload to pass 40 %',
    () => Number(document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')) >= 40,
  );
  await browser.refresh();
  link.setUploadSpeed(undefined);
  const before = link.requests.length;

  await until('the signed-in page again', () => document.body.textContent?.includes('Signed in as'));
  await openBob();
  await until('the interrupted draft', () =>
    [...document.querySelectorAll('[role="group"] [role="alert"]')].some((alert) =>
      alert.textContent?.includes('the page closed while it was uploading'),
    ),
  );
  // The server kept what had arrived before the reload.
  expect(await readdir(join(server.dataDir, 'uploads'))).not.toEqual([]);
  await button('Retry', composer).click();
  await until('both messages in the log', () => document.querySelectorAll('[role="log"] a').length === 2);

  // The stored upload was resumed from the server's offset (HEAD, then PATCH), not sent again (POST).
  const after = link.requests
    .slice(before)
    .filter(({ method, path }) => path.startsWith('/api/uploads') && method !== 'OPTIONS');
  expect(after.map(({ method }) => method)).toEqual(['HEAD', 'PATCH']);
  expect(Number(after[1]?.offset)).toBeGreaterThan(0);
  expect(Number(after[1]?.offset)).toBeLessThan(trip.bytes.length);

  // One more message on the server (two in all), its ORIGIN the picked bytes.
  const stored = await apiMessages(server.url, 'alice', 'c2c_bob');
  expect(stored).toHaveLength(2);
  const origins = await Promise.all(
    stored.map(async (message) => {
      const origin = message.imageElem.imageList.find((image) => image.type === 0)?.url ?? '';
      return sha256(Buffer.from(await (await fetch(origin)).arrayBuffer()));
    }),
  );
  expect(origins).toContain(sha256(trip.bytes));
});
