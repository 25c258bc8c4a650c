import {
  createHttpTransport,
  createMessageManager,
  ErrorCode,
  fileToImageMessageParams,
  type HttpTransportOptions,
  MessageStatus,
} from '@image-message/core';
import { beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { digest, noisePng, signIn } from './support';

// The XMLHttpRequest path of createHttpTransport (plain PUT), in each real engine, against the real
// reference server (started by globalSetup.ts, cross-origin, so CORS is part of what is tested). The
// resumable (tus) path: resumableUpload.test.ts.

const serverUrl = inject('serverUrl');
let token: string;
let xhrOpens = 0;

beforeAll(async () => {
  token = await signIn(serverUrl, 'alice');
  // Count XHRs, to be sure the XHR path (not fetch) is the one under test.
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, ...args: Parameters<typeof open>) {
    xhrOpens++;
    return open.apply(this, args);
  } as typeof open;
});

async function prepare(options: Partial<HttpTransportOptions> & { baseUrl: string }, file: File) {
  const manager = createMessageManager({
    transport: createHttpTransport({ token, retryDelayMs: 10, resumable: false, ...options }),
  });
  const params = await fileToImageMessageParams(file);
  const created = await manager.createImageMessage(params);
  if (!created.data) throw new Error(created.desc);
  return { manager, id: created.data.id, bytes: params.fileContent };
}

// Each test makes a 9 MB noise PNG in the page and pushes it through the throttled proxy, and the server
// makes its thumbnail; on a loaded 2-core machine that takes a while, so the hang guard is generous.
describe('createHttpTransport over XMLHttpRequest', { timeout: 60_000 }, () => {
  it('uploads with progress, and the ORIGIN url shows the same image', async () => {
    // About 9 MB: more than the socket buffers take at once, so progress is seen along the way.
    const file = await noisePng(2000, 1500);
    const { manager, id, bytes } = await prepare({ baseUrl: inject('slowUrl') }, file);
    const progress: number[] = [];
    const before = xhrOpens;
    const result = await manager.sendMessage({
      id,
      receiver: 'bob',
      onProgress: (value) => progress.push(value),
    });

    expect(result.code).toBe(ErrorCode.SUCC);
    expect(result.data?.status).toBe(MessageStatus.SEND_SUCC);
    expect(xhrOpens).toBe(before + 1);
    expect(progress.at(-1)).toBe(100);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.filter((value) => value > 0 && value < 100).length).toBeGreaterThan(0);

    const origin = result.data?.imageElem?.imageList?.find((image) => image.type === 0);
    expect(origin).toMatchObject({ width: 2000, height: 1500, size: bytes.byteLength });
    const response = await fetch(origin?.url as string);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await digest(await response.arrayBuffer())).toBe(await digest(bytes));

    // The signed link works where no header can be sent: an <img>. So does the THUMB, made on demand.
    for (const [type, width] of [
      [0, 2000],
      [1, 264],
    ] as const) {
      const image = new Image();
      image.src = result.data?.imageElem?.imageList?.find((entry) => entry.type === type)?.url as string;
      await image.decode();
      expect(image.naturalWidth).toBe(width);
    }
  });

  it('cancels half-way through the upload: CANCELED, and the server keeps nothing', async () => {
    const { manager, id } = await prepare({ baseUrl: inject('slowUrl') }, await noisePng(2000, 1500));
    const controller = new AbortController();
    let abortedAt = -1;
    const result = await manager.sendMessage({
      id,
      receiver: 'bob',
      signal: controller.signal,
      onProgress: (value) => {
        if (value > 0 && abortedAt < 0) {
          abortedAt = value;
          controller.abort();
        }
      },
    });
    expect(result.code).toBe(ErrorCode.CANCELED);
    expect(abortedAt).toBeGreaterThan(0);
    expect(abortedAt).toBeLessThan(100);
    const stored = await fetch(`${serverUrl}/api/messages/${id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(stored.status).toBe(404);
  });

  it('keeps the server’s code for a 4xx read across origins (403 / 10007)', async () => {
    const { manager, id } = await prepare({ baseUrl: serverUrl }, await noisePng(20, 20));
    const result = await manager.sendMessage({ id, groupID: 'nope' });
    expect(result.code).toBe(10007);
    expect(result.desc).toMatch(/not a member/);
  });

  it('nothing listens, while online: SERVER_UNREACHABLE naming the server’s origin, not "offline"', async () => {
    expect(navigator.onLine).toBe(true);
    const { manager, id } = await prepare(
      { baseUrl: 'http://127.0.0.1:9', retries: 1 },
      await noisePng(20, 20),
    );
    const result = await manager.sendMessage({ id, receiver: 'bob' });
    expect(result.code).toBe(ErrorCode.SERVER_UNREACHABLE);
    expect(result.desc).toContain('http://127.0.0.1:9');
  });

  it('a server without CORS headers (the browser blocks its answers): SERVER_UNREACHABLE naming its origin', async () => {
    const noCorsUrl = inject('noCorsUrl');
    // It does answer — to anyone but a page on another origin.
    expect((await fetch(`${noCorsUrl}/api/health`, { mode: 'no-cors' })).type).toBe('opaque');
    for (const resumable of [false, true]) {
      const { manager, id } = await prepare(
        { baseUrl: noCorsUrl, retries: 0, resumable },
        await noisePng(20, 20),
      );
      const result = await manager.sendMessage({ id, receiver: 'bob' });
      expect(result.code).toBe(ErrorCode.SERVER_UNREACHABLE);
      expect(result.desc).toContain(new URL(noCorsUrl).origin);
      expect(result.desc).toMatch(/CORS/);
    }
  });

  it('offline (navigator.onLine false) stays 9508', async () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    try {
      const { manager, id } = await prepare(
        { baseUrl: 'http://127.0.0.1:9', retries: 0 },
        await noisePng(20, 20),
      );
      const result = await manager.sendMessage({ id, receiver: 'bob' });
      expect(result.code).toBe(ErrorCode.NETWORK_DISCONNECT);
    } finally {
      onLine.mockRestore();
    }
  });

  it('reports 6012 when the server never answers', async () => {
    const { manager, id } = await prepare(
      { baseUrl: inject('stallUrl'), stallTimeoutMs: 300 },
      await noisePng(20, 20),
    );
    const result = await manager.sendMessage({ id, receiver: 'bob' });
    expect(result.code).toBe(ErrorCode.REQUEST_TIMEOUT);
  });
});
