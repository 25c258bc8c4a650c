import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createHttpTransport,
  createMessageManager,
  ErrorCode,
  type HttpTransportOptions,
  MessageStatus,
} from '../src';
import { fixture } from './fixtures';
import { settle } from './support/fakeTime';
import { createStubServer, type StubOptions } from './support/stubServer';

// The plain PUT path's rules, against an in-memory stub of the reference server (support/stubServer.ts)
// and fake timers: no server, no real waiting. The real server: tests/integration/.

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const BASE = 'http://stub.test';

async function setup(stub: StubOptions = {}, options: Partial<HttpTransportOptions> = {}) {
  const server = createStubServer(stub);
  const manager = createMessageManager({
    transport: createHttpTransport({
      baseUrl: BASE,
      token: 'tok',
      resumable: false,
      sender: server.sender,
      ...options,
    }),
  });
  const created = await manager.createImageMessage({
    imagePath: '/photos/photo.jpg',
    fileContent: fixture('photo.jpg'),
    fileName: 'photo.jpg',
  });
  if (!created.data) throw new Error(created.desc);
  return { server, manager, id: created.data.id };
}

describe('createHttpTransport, plain PUT', () => {
  it('sends one PUT with the bytes, the token and the name; progress ends at 100', async () => {
    const { server, manager, id } = await setup();
    const progress: number[] = [];
    const result = await settle(
      manager.sendMessage({ id, receiver: 'bob', onProgress: (p) => progress.push(p) }),
    );
    expect(result.code).toBe(ErrorCode.SUCC);
    expect(result.data).toMatchObject({ status: MessageStatus.SEND_SUCC, msgID: 'msg_1' });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({
      method: 'PUT',
      url: `${BASE}/api/messages/${id}?receiver=bob`,
      headers: { authorization: 'Bearer tok', 'x-file-name': 'photo.jpg', 'content-type': 'image/jpeg' },
    });
    expect(progress.at(-1)).toBe(100);
  });

  it('a 4xx is final: exactly one request, the server’s code and text kept', async () => {
    const { server, manager, id } = await setup(
      {
        fault: () => ({
          kind: 'reply',
          status: 400,
          body: { code: 6017, desc: 'Say who gets the message.' },
        }),
      },
      { retries: 3 },
    );
    const result = await settle(manager.sendMessage({ id, receiver: 'bob' }));
    expect(result).toMatchObject({ code: 6017, desc: 'Say who gets the message.' });
    expect(server.requests).toHaveLength(1);
  });

  it('retries a 5xx with doubling backoff, then reports 6008', async () => {
    const { server, manager, id } = await setup(
      { fault: () => ({ kind: 'reply', status: 500, body: { code: 6008, desc: 'disk full' } }) },
      { retries: 2, retryDelayMs: 1000 },
    );
    const sending = manager.sendMessage({ id, receiver: 'bob' });
    await vi.advanceTimersByTimeAsync(0);
    expect(server.requests).toHaveLength(1);
    // ±20 % jitter: the first retry comes between 0.8 and 1.2 s, the second 1.6–2.4 s after it.
    await vi.advanceTimersByTimeAsync(790);
    expect(server.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(420);
    expect(server.requests).toHaveLength(2);
    const result = await settle(sending);
    expect(result.code).toBe(ErrorCode.UPLOAD_FAILED);
    expect(result.desc).toMatch(/HTTP 500: disk full/);
    expect(server.requests).toHaveLength(3);
  });

  it('online but unanswered (server down, or CORS): SERVER_UNREACHABLE naming the origin, after the retries', async () => {
    const { server, manager, id } = await setup(
      { fault: () => ({ kind: 'drop', afterBytes: 0 }) },
      { retries: 1 },
    );
    const result = await settle(manager.sendMessage({ id, receiver: 'bob' }));
    expect(result.code).toBe(ErrorCode.SERVER_UNREACHABLE);
    expect(result.desc).toMatch(/^Couldn't reach the server at http:\/\/stub\.test after 2 tries: .*CORS/);
    expect(result.data?.status).toBe(MessageStatus.SEND_FAIL);
    expect(server.requests).toHaveLength(2);
  });

  it('offline (navigator.onLine false): 9508', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    const { manager, id } = await setup({ fault: () => ({ kind: 'drop', afterBytes: 0 }) }, { retries: 0 });
    const result = await settle(manager.sendMessage({ id, receiver: 'bob' }));
    expect(result.code).toBe(ErrorCode.NETWORK_DISCONNECT);
    expect(result.desc).toMatch(/offline/);
  });

  it('a stall (no progress, no answer for stallTimeoutMs) is cut with 6012 and not retried', async () => {
    const { server, manager, id } = await setup(
      { fault: () => ({ kind: 'hang' }) },
      { stallTimeoutMs: 5000, retries: 2 },
    );
    const sending = manager.sendMessage({ id, receiver: 'bob' });
    await vi.advanceTimersByTimeAsync(4999);
    expect(manager.getSendState(id)?.status).toBe('sending');
    await vi.advanceTimersByTimeAsync(1);
    const result = await sending;
    expect(result.code).toBe(ErrorCode.REQUEST_TIMEOUT);
    expect(result.desc).toMatch(/no progress for 5 s/);
    expect(server.requests).toHaveLength(1);
  });

  it('asks for the token before every attempt; a failing token() is 6014', async () => {
    let calls = 0;
    const { server, manager, id } = await setup(
      { fault: () => ({ kind: 'reply', status: 503, body: { code: 6008, desc: 'again' } }) },
      { retries: 1, token: () => `t${++calls}` },
    );
    await settle(manager.sendMessage({ id, receiver: 'bob' }));
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer t1', 'Bearer t2']);

    const broken = await setup({}, { token: () => Promise.reject(new Error('refresh failed')) });
    const result = await settle(broken.manager.sendMessage({ id: broken.id, receiver: 'bob' }));
    expect(result.code).toBe(6014);
    expect(result.desc).toMatch(/refresh failed/);
    expect(broken.server.requests).toHaveLength(0);
  });

  it('a cancel during the backoff resolves CANCELED at once, with no further attempt', async () => {
    const { server, manager, id } = await setup(
      { fault: () => ({ kind: 'reply', status: 502, body: { code: 6008, desc: 'bad gateway' } }) },
      { retries: 2, retryDelayMs: 60_000 },
    );
    const controller = new AbortController();
    const sending = manager.sendMessage({ id, receiver: 'bob', signal: controller.signal });
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    expect((await sending).code).toBe(ErrorCode.CANCELED);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(server.requests).toHaveLength(1);
  });

  it('declares the service limit it is given', () => {
    const manager = createMessageManager({
      transport: createHttpTransport({ baseUrl: BASE, token: 'tok', maxBytes: 1024 }),
    });
    expect(manager.maxBytes).toBe(1024);
  });
});
