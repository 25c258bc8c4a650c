import { ErrorCode, type PreparedImage } from '@image-message/core';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import gpsJpegUrl from '../fixtures/photos/gps-exif6.jpg?url';
import heicUrl from '../fixtures/photos/photo.heic?url';

// An app that installs @image-message/core and bundles it with esbuild — which knows nothing about
// workers or `new URL(…, import.meta.url)` — must get the worker with no configuration. The page is
// built from packages/core/dist (tests/support/consumerBundle.ts) and served from its own origin.

interface Reply {
  result: { code: number; desc: string; data?: PreparedImage };
  workers: string[];
}

afterAll(() => commands.closeConsumerBundle());

async function openConsumer(url: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  const ready = new Promise<void>((resolve) => {
    const onMessage = (event: MessageEvent) => {
      if (event.source !== frame.contentWindow || event.data !== 'consumer ready') return;
      window.removeEventListener('message', onMessage);
      resolve();
    };
    window.addEventListener('message', onMessage);
  });
  frame.src = url;
  document.body.append(frame);
  await ready;
  return frame;
}

function prepareInConsumer(frame: HTMLIFrameElement, file: File, options?: object): Promise<Reply> {
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent) => {
      if (event.source !== frame.contentWindow) return;
      window.removeEventListener('message', onMessage);
      resolve(event.data as Reply);
    };
    window.addEventListener('message', onMessage);
    frame.contentWindow?.postMessage({ file, options }, '*');
  });
}

const fixtureFile = async (url: string, name: string) =>
  new File([await (await fetch(url)).arrayBuffer()], name);

// A hang guard: the test builds packages/core/dist and bundles an app (seconds, more on a busy machine).
describe('@image-message/core from dist in an app bundled by esbuild', { timeout: 120_000 }, () => {
  it('prepares in the inlined worker, and loads heic-to from its own chunk only for a HEIC', async () => {
    const { url, chunks } = await commands.serveConsumerBundle();
    const entry = chunks.find((chunk) => chunk.entry);
    expect(entry?.holds).toEqual([]);
    expect(chunks.filter((chunk) => chunk.holds.includes('heic-to'))).toHaveLength(1);
    expect(chunks.filter((chunk) => chunk.holds.includes('prepare worker'))).toHaveLength(1);

    const frame = await openConsumer(url);
    const jpeg = await prepareInConsumer(frame, await fixtureFile(gpsJpegUrl, 'photo.jpg'), {
      maxDimension: 160,
    });
    expect(jpeg.result.code).toBe(ErrorCode.SUCC);
    // Only a worker downscales (the fallback strips and keeps the size), and it started from a blob: URL.
    expect(jpeg.result.data).toMatchObject({ width: 120, height: 160 });
    expect(jpeg.workers).toEqual(['blob:']);

    const heic = await prepareInConsumer(frame, await fixtureFile(heicUrl, 'IMG_1.HEIC'));
    expect(heic.result.code).toBe(ErrorCode.SUCC);
    expect(heic.result.data).toMatchObject({ width: 480, height: 360 });
    expect(heic.result.data?.file.name).toBe('IMG_1.jpg');
    frame.remove();
  });
});
