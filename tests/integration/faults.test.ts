import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createHttpTransport,
  createMessageManager,
  ErrorCode,
  type HttpTransportOptions,
  type MessageManager,
  MessageStatus,
  type V2TimMessage,
} from '@image-message/core';
import { type RunningServer, startServer } from '@image-message/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fixture } from '../../packages/core/test/fixtures';
import { eventually } from '../../packages/server/test/support/eventually';
import {
  buildServerMain,
  type ServerProcess,
  spawnServer,
} from '../../packages/server/test/support/serverProcess';
import { startCuttingProxy } from '../support/cuttingProxy';
import { throttle } from '../support/throttle';
import { signIn } from './signIn';

// Faults against the real reference server on loopback, through createMessageManager and
// createHttpTransport's fetch path (Node has no XMLHttpRequest). Resumable (tus) uploads: the connection
// cut at 60 %, the server process killed and restarted mid-upload, a cancel. Plain PUT: the server
// process killed mid-upload,
// 500 answers (from a gateway after a cut upload, and from the server itself when its disk fails), a
// stalled connection, and the user cancelling mid-upload and mid-backoff. Each must end at status 3 (or
// CANCELED) with the message kept sendable, leave no partial file on the server, and a retry of the same
// id must store exactly one message. httpTransport.test.ts covers the transport's own rules against stub
// servers (4xx final, 5xx retried, 9508 when nothing listens, a silent socket, a lost response); the
// composer unmounting mid-upload is tests/browser/faults.test.tsx.

// Real uploads of several MiB through throttling proxies, and a server process built and restarted.
vi.setConfig({ testTimeout: 60_000 });

const MiB = 1024 * 1024;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A real JPEG padded to `size`, with a marker so every upload differs. */
function bigJpeg(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  bytes.set(fixture('photo.jpg'));
  crypto.getRandomValues(bytes.subarray(size - 64));
  return bytes;
}

interface Target {
  url: string;
  dataDir: string;
}

const login = (target: Target, userID = 'alice') => signIn(target.url, userID);

/** Messages the server stored with this id, as alice sees her conversation with bob. */
async function storedWithId(target: Target, token: string, id: string): Promise<V2TimMessage[]> {
  const response = await fetch(`${target.url}/api/conversations/c2c_bob/messages?limit=200`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const page = (await response.json()) as { data: { messages: V2TimMessage[] } };
  return page.data.messages.filter((message) => message.id === id);
}

/** The ORIGIN bytes as stored (fetched from the server itself, whatever host the link names). */
async function originBytes(target: Target, message: V2TimMessage): Promise<Uint8Array> {
  const url = new URL(message.imageElem?.imageList?.find((image) => image.type === 0)?.url as string);
  return new Uint8Array(await (await fetch(`${target.url}${url.pathname}${url.search}`)).arrayBuffer());
}

/** The server stored `id` exactly once, and its original is exactly `bytes`; returns that message. */
async function expectStoredOnce(target: Target, token: string, id: string, bytes: Uint8Array) {
  const stored = await storedWithId(target, token, id);
  expect(stored).toHaveLength(1);
  const message = stored[0] as V2TimMessage;
  expect(sha256(await originBytes(target, message))).toBe(sha256(bytes));
  return message;
}

const files = (target: Target, folder: 'tmp' | 'images') => readdir(join(target.dataDir, folder));

/** Nothing of `id` on the server: no message, no image file, no upload in progress. */
async function expectNothingStored(target: Target, token: string, id: string) {
  await eventually(async () => expect(await files(target, 'tmp')).toEqual([]), 10_000);
  expect((await files(target, 'images')).filter((name) => name.startsWith(id))).toEqual([]);
  expect(await storedWithId(target, token, id)).toEqual([]);
}

/** Waits until the server is writing an upload to tmp/ (it has at least `bytes` of it). */
async function uploadUnderway(target: Target, bytes: number) {
  await eventually(async () => {
    const parts = await files(target, 'tmp');
    expect(parts.length).toBe(1);
    expect((await stat(join(target.dataDir, 'tmp', parts[0] as string))).size).toBeGreaterThan(bytes);
  }, 20_000);
}

type Mode = 'pass' | 'fail' | 'stall';

interface Proxy {
  url: string;
  /** Requests seen so far. */
  hits: number;
  /** Requests answered so far (by the proxy or by the server behind it). */
  answered: number;
  close(): Promise<void>;
}

/**
 * A loopback HTTP proxy in front of the real server (`target()` is read per request, so it can follow a
 * restarted server). `mode(n)` decides the n-th request (1-based):
 * - `pass`: forwarded, its body at about 8 MB/s when `throttle` is set;
 * - `fail`: the first `cutAfter` bytes are forwarded, then the upstream request is cut (the server sees
 *   an upload break off), the rest of the body is read, and the client gets a gateway's 500;
 * - `stall`: the first `cutAfter` bytes are forwarded, then nothing is read and nothing answered.
 */
async function startProxy(options: {
  target: () => string;
  mode?: (n: number) => Mode;
  throttle?: boolean;
  cutAfter?: number;
}): Promise<Proxy> {
  const state = { hits: 0, answered: 0 };
  const cutAfter = options.cutAfter ?? 512 * 1024;
  const http = createServer((req: IncomingMessage, res: ServerResponse) => {
    state.hits++;
    res.on('finish', () => state.answered++);
    const mode = options.mode?.(state.hits) ?? 'pass';
    const upstream = request(`${options.target()}${req.url}`, { method: req.method, headers: req.headers });
    // Passing through, a broken upstream breaks the client's connection too (as a dying server would);
    // otherwise the proxy cut the upstream itself and answers (or stalls) on its own.
    upstream.on('error', () => {
      if (mode === 'pass') res.destroy();
    });
    req.on('close', () => {
      if (!req.complete || mode !== 'pass') upstream.destroy();
    });
    if (mode === 'pass') {
      upstream.on('response', (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      (options.throttle ? req.pipe(throttle(64 * 1024, 8)) : req).pipe(upstream);
      return;
    }
    let forwarded = 0;
    req.on('data', (chunk: Buffer) => {
      if (forwarded >= cutAfter) return;
      forwarded += chunk.length;
      upstream.write(chunk);
      if (forwarded < cutAfter) return;
      if (mode === 'stall') req.pause();
      // Cut: the server sees the upload break off and must delete its temp file.
      else upstream.destroy();
    });
    req.on('end', () => {
      upstream.destroy();
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 6008, desc: 'The gateway lost the upstream.' }));
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    get hits() {
      return state.hits;
    },
    get answered() {
      return state.answered;
    },
    close: () =>
      new Promise((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

/** The plain PUT path unless `resumable: true` is passed (the tus faults are at the end). */
function managerFor(baseUrl: string, token: string, options: Partial<HttpTransportOptions> = {}) {
  return createMessageManager({
    transport: createHttpTransport({
      baseUrl,
      token,
      retryDelayMs: 20,
      stallTimeoutMs: 10_000,
      resumable: false,
      ...options,
    }),
  });
}

async function create(manager: MessageManager, bytes: Uint8Array) {
  const created = await manager.createImageMessage({
    imagePath: '/photos/photo.jpg',
    fileContent: bytes,
    fileName: 'photo.jpg',
  });
  if (!created.data) throw new Error(created.desc);
  return created.data.id;
}

/** The retry every fault must allow: same manager, same id, one message stored with the same bytes. */
async function retryStoresOne(
  target: Target,
  token: string,
  manager: MessageManager,
  id: string,
  bytes: Uint8Array,
) {
  const again = await manager.sendMessage({ id, receiver: 'bob' });
  expect(again.code).toBe(ErrorCode.SUCC);
  expect(again.data?.status).toBe(MessageStatus.SEND_SUCC);
  const stored = await expectStoredOnce(target, token, id, bytes);
  expect(stored.msgID).toBe(again.data?.msgID);
  expect(await files(target, 'tmp')).toEqual([]);
}

describe('the server process is killed (SIGKILL) mid-upload', () => {
  let mainJs: string;
  let dataDir: string;
  let child: ServerProcess | undefined;

  beforeAll(async () => {
    mainJs = await buildServerMain('core-faults');
    dataDir = await mkdtemp(join(tmpdir(), 'im-faults-kill-'));
  }, 120_000);
  afterAll(async () => {
    await child?.kill();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('ends at status 3 / SERVER_UNREACHABLE after the retries; after a restart a retry of the same id stores one message', async () => {
    child = await spawnServer(mainJs, { DATA_DIR: dataDir });
    const target = { url: child.url, dataDir };
    const token = await login(target);
    const proxy = await startProxy({ target: () => target.url, throttle: true });
    try {
      const manager = managerFor(proxy.url, token, { retries: 2 });
      const bytes = bigJpeg(6 * MiB);
      const id = await create(manager, bytes);
      const sending = manager.sendMessage({ id, receiver: 'bob' });
      await uploadUnderway(target, 256 * 1024);
      await child.kill('SIGKILL');

      const failed = await sending;
      // Online (Node has no navigator.onLine = false) and unanswered: "couldn't reach", naming the origin.
      expect(failed.code).toBe(ErrorCode.SERVER_UNREACHABLE);
      expect(failed.desc).toContain(`Couldn't reach the server at ${proxy.url} after 3 tries`);
      expect(failed.data?.status).toBe(MessageStatus.SEND_FAIL);
      expect(proxy.hits).toBe(3);
      // The draft is kept: the message can be sent again.
      expect(manager.getSendState(id)).toMatchObject({
        status: 'failed',
        error: { code: ErrorCode.SERVER_UNREACHABLE },
      });
      // The killed process could not clean up: its partial upload is still in tmp/.
      const orphans = await files(target, 'tmp');
      expect(orphans).toHaveLength(1);
      expect(orphans[0]).toMatch(/\.part$/);

      child = await spawnServer(mainJs, { DATA_DIR: dataDir });
      target.url = child.url;
      // The restart removed it, and nothing of the message exists.
      await expectNothingStored(target, token, id);
      await retryStoresOne(target, token, manager, id, bytes);
    } finally {
      await proxy.close();
    }
  });
});

describe('faults in front of and inside a running server', () => {
  let server: RunningServer;
  let token: string;

  beforeAll(async () => {
    server = await startServer({
      port: 0,
      dataDir: await mkdtemp(join(tmpdir(), 'im-faults-')),
      // A proxy that stops forwarding never tells the server; the server gives such an upload up itself.
      uploadIdleTimeoutMs: 1500,
    });
    token = await login(server);
  });
  afterAll(async () => {
    await server.close();
    await rm(server.dataDir, { recursive: true, force: true });
  });

  it('500 from a gateway after each upload was cut: 6008 and status 3, nothing kept; the retry stores one', async () => {
    let failing = true;
    const proxy = await startProxy({ target: () => server.url, mode: () => (failing ? 'fail' : 'pass') });
    try {
      const manager = managerFor(proxy.url, token, { retries: 2 });
      const bytes = bigJpeg(4 * MiB);
      const id = await create(manager, bytes);
      const failed = await manager.sendMessage({ id, receiver: 'bob' });
      expect(failed.code).toBe(ErrorCode.UPLOAD_FAILED);
      expect(failed.desc).toMatch(/HTTP 500: The gateway lost the upstream/);
      expect(failed.data?.status).toBe(MessageStatus.SEND_FAIL);
      expect(proxy.hits).toBe(3);
      expect(manager.getSendState(id)?.status).toBe('failed');
      // Three uploads reached the server and broke off: none left a file or a message.
      await expectNothingStored(server, token, id);

      failing = false;
      await retryStoresOne(server, token, manager, id, bytes);
      expect(proxy.hits).toBe(4);
    } finally {
      await proxy.close();
    }
  });

  it('a 500 that clears up within the retries is invisible: one send, one message', async () => {
    const proxy = await startProxy({ target: () => server.url, mode: (n) => (n <= 2 ? 'fail' : 'pass') });
    try {
      const manager = managerFor(proxy.url, token, { retries: 2 });
      const bytes = bigJpeg(2 * MiB);
      const id = await create(manager, bytes);
      const sent = await manager.sendMessage({ id, receiver: 'bob' });
      expect(sent.code).toBe(ErrorCode.SUCC);
      expect(proxy.hits).toBe(3);
      expect(await storedWithId(server, token, id)).toHaveLength(1);
      expect(await files(server, 'tmp')).toEqual([]);
    } finally {
      await proxy.close();
    }
  });

  it('500 from the server itself (its images/ folder broken): the temp file is removed; the retry stores one', async () => {
    const own = await startServer({ port: 0, dataDir: await mkdtemp(join(tmpdir(), 'im-faults-disk-')) });
    try {
      const ownToken = await login(own);
      // The disk "fails": images/ is replaced by a file, so moving an upload into it fails.
      const imagesDir = join(own.dataDir, 'images');
      await rm(imagesDir, { recursive: true });
      await writeFile(imagesDir, 'not a folder');

      const manager = managerFor(own.url, ownToken, { retries: 1 });
      const bytes = bigJpeg(1 * MiB);
      const id = await create(manager, bytes);
      const failed = await manager.sendMessage({ id, receiver: 'bob' });
      expect(failed.code).toBe(ErrorCode.UPLOAD_FAILED);
      expect(failed.desc).toMatch(/HTTP 500/);
      expect(failed.data?.status).toBe(MessageStatus.SEND_FAIL);
      expect(await files(own, 'tmp')).toEqual([]);
      expect(await storedWithId(own, ownToken, id)).toEqual([]);

      await rm(imagesDir);
      await mkdir(imagesDir);
      await retryStoresOne(own, ownToken, manager, id, bytes);
    } finally {
      await own.close();
      await rm(own.dataDir, { recursive: true, force: true });
    }
  });

  it('a stalled connection: 6012 and status 3, the draft kept, nothing kept on the server; the retry stores one', async () => {
    let stalling = true;
    const proxy = await startProxy({
      target: () => server.url,
      mode: () => (stalling ? 'stall' : 'pass'),
      cutAfter: 1 * MiB,
    });
    try {
      // Short enough to keep the test quick, long enough that a busy machine (every suite at once on two
      // cores) does not look like a stall during the retry.
      const manager = managerFor(proxy.url, token, { retries: 2, stallTimeoutMs: 1_500 });
      // Larger than the loopback socket buffers, so the client really waits on the stalled proxy.
      const bytes = bigJpeg(24 * MiB);
      const id = await create(manager, bytes);
      const stalled = await manager.sendMessage({ id, receiver: 'bob' });
      expect(stalled.code).toBe(ErrorCode.REQUEST_TIMEOUT);
      expect(stalled.desc).toMatch(/no progress/);
      expect(stalled.data?.status).toBe(MessageStatus.SEND_FAIL);
      // A stall is not retried by the transport: the user already waited.
      expect(proxy.hits).toBe(1);
      expect(manager.getSendState(id)).toMatchObject({ status: 'failed', error: { code: 6012 } });
      // The server had part of the upload and then nothing more: it gave the upload up and deleted it.
      await expectNothingStored(server, token, id);

      stalling = false;
      await retryStoresOne(server, token, manager, id, bytes);
    } finally {
      await proxy.close();
    }
  });

  it('the user cancels mid-upload: CANCELED, status 3, nothing kept; sending again stores one', async () => {
    const proxy = await startProxy({ target: () => server.url, throttle: true });
    try {
      const manager = managerFor(proxy.url, token);
      const bytes = bigJpeg(6 * MiB);
      const id = await create(manager, bytes);
      const controller = new AbortController();
      const sending = manager.sendMessage({ id, receiver: 'bob', signal: controller.signal });
      await uploadUnderway(server, 256 * 1024);
      controller.abort();
      const canceled = await sending;
      expect(canceled.code).toBe(ErrorCode.CANCELED);
      expect(canceled.data?.status).toBe(MessageStatus.SEND_FAIL);
      expect(manager.getSendState(id)?.status).toBe('canceled');
      await expectNothingStored(server, token, id);

      await retryStoresOne(server, token, manager, id, bytes);
    } finally {
      await proxy.close();
    }
  });

  it('the user cancels while the transport waits to retry: CANCELED at once, no further attempt', async () => {
    let failing = true;
    const proxy = await startProxy({ target: () => server.url, mode: () => (failing ? 'fail' : 'pass') });
    try {
      // A backoff far longer than the test's timeout: only an abortable wait lets this test finish.
      const manager = managerFor(proxy.url, token, { retries: 2, retryDelayMs: 10 * 60_000 });
      const bytes = bigJpeg(1 * MiB);
      const id = await create(manager, bytes);
      const controller = new AbortController();
      const sending = manager.sendMessage({ id, receiver: 'bob', signal: controller.signal });
      await eventually(() => expect(proxy.answered).toBe(1), 10_000);
      controller.abort();
      const canceled = await sending;
      expect(canceled.code).toBe(ErrorCode.CANCELED);
      expect(proxy.hits).toBe(1);
      await expectNothingStored(server, token, id);

      // The draft is kept; once the gateway recovers, the first attempt of the next send gets through.
      expect(manager.getSendState(id)?.status).toBe('canceled');
      failing = false;
      await retryStoresOne(server, token, manager, id, bytes);
      expect(proxy.hits).toBe(2);
    } finally {
      await proxy.close();
    }
  });
});

const CHUNK = 1 * MiB;

async function uploadsLeft(dataDir: string) {
  return readdir(join(dataDir, 'uploads'));
}

describe('resumable uploads (tus) through faults', () => {
  let server: RunningServer;
  let token: string;

  beforeAll(async () => {
    server = await startServer({ port: 0, dataDir: await mkdtemp(join(tmpdir(), 'im-faults-tus-')) });
    token = await login(server);
  });
  afterAll(async () => {
    await server.close();
    await rm(server.dataDir, { recursive: true, force: true });
  });

  it('the connection cut at 60 %: the send resumes from the server’s offset; at most one chunk re-sent; one message, same bytes', async () => {
    const bytes = bigJpeg(5 * MiB);
    const proxy = await startCuttingProxy({ target: () => server.url, slow: true });
    proxy.reset(0.6 * bytes.length);
    try {
      const manager = managerFor(proxy.url, token, { resumable: true, chunkBytes: CHUNK, retries: 3 });
      const id = await create(manager, bytes);
      const progress: number[] = [];
      const sent = await manager.sendMessage({ id, receiver: 'bob', onProgress: (p) => progress.push(p) });
      expect(sent.code).toBe(ErrorCode.SUCC);
      expect(proxy.uploadBytes).toBeGreaterThan(bytes.length);
      expect(proxy.uploadBytes).toBeLessThanOrEqual(bytes.length + CHUNK);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      await expectStoredOnce(server, token, id, bytes);
      expect(await uploadsLeft(server.dataDir)).toEqual([]);
    } finally {
      await proxy.close();
    }
  });

  it('undisturbed, a send is one POST carrying the image (creation-with-upload) and the PUT', async () => {
    const bytes = bigJpeg(3 * MiB);
    const proxy = await startCuttingProxy({ target: () => server.url });
    proxy.reset();
    try {
      const manager = managerFor(proxy.url, token, { resumable: true });
      const sent = await manager.sendMessage({ id: await create(manager, bytes), receiver: 'bob' });
      expect(sent.code).toBe(ErrorCode.SUCC);
      expect(proxy.requests.map((line) => line.split(' ')[0])).toEqual(['OPTIONS', 'POST', 'PUT']);
      expect(proxy.uploadBytes).toBe(bytes.length);
    } finally {
      await proxy.close();
    }
  });

  it('the POST carrying the image cut at 60 %: it resumes from what reached the server (HEAD, one PATCH); nothing else re-sent', async () => {
    const bytes = bigJpeg(5 * MiB);
    const proxy = await startCuttingProxy({ target: () => server.url, slow: true });
    proxy.reset(0.6 * bytes.length);
    try {
      const manager = managerFor(proxy.url, token, { resumable: true, retries: 3 });
      const id = await create(manager, bytes);
      const sent = await manager.sendMessage({ id, receiver: 'bob' });
      expect(sent.code).toBe(ErrorCode.SUCC);
      expect(proxy.cut).toBe(true);
      expect(proxy.requests.map((line) => line.split(' ')[0])).toEqual([
        'OPTIONS',
        'POST',
        'HEAD',
        'PATCH',
        'PUT',
      ]);
      // What passed the proxy but never reached the server's disk is all that is sent twice.
      expect(proxy.uploadBytes - bytes.length).toBeLessThanOrEqual(256 * 1024);
      await expectStoredOnce(server, token, id, bytes);
      expect(await uploadsLeft(server.dataDir)).toEqual([]);
    } finally {
      await proxy.close();
    }
  });

  it('the user cancels mid-upload: the upload is terminated and its partial file deleted; sending again stores one', async () => {
    const proxy = await startCuttingProxy({ target: () => server.url, slow: true });
    try {
      const manager = managerFor(proxy.url, token, { resumable: true, chunkBytes: CHUNK });
      const bytes = bigJpeg(4 * MiB);
      const id = await create(manager, bytes);
      const controller = new AbortController();
      const sending = manager.sendMessage({
        id,
        receiver: 'bob',
        signal: controller.signal,
        onProgress: (value) => {
          if (value >= 40) controller.abort();
        },
      });
      expect((await sending).code).toBe(ErrorCode.CANCELED);
      await eventually(async () => expect(await uploadsLeft(server.dataDir)).toEqual([]), 10_000);
      expect(await storedWithId(server, token, id)).toEqual([]);
      await retryStoresOne(server, token, manager, id, bytes);
    } finally {
      await proxy.close();
    }
  });
});

describe('resumable uploads (tus): the server process killed (SIGKILL) and restarted mid-upload', () => {
  let mainJs: string;
  let dataDir: string;
  let child: ServerProcess | undefined;

  beforeAll(async () => {
    mainJs = await buildServerMain('core-faults-tus');
    dataDir = await mkdtemp(join(tmpdir(), 'im-faults-tus-kill-'));
  }, 120_000);
  afterAll(async () => {
    await child?.kill();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('the same send resumes against the restarted server: one message, same bytes, at most one chunk re-sent', async () => {
    child = await spawnServer(mainJs, { DATA_DIR: dataDir });
    const target = { url: child.url, dataDir };
    const token = await login(target);
    const proxy = await startCuttingProxy({ target: () => target.url, slow: true });
    try {
      // Retries far apart enough to outlast the restart.
      const manager = managerFor(proxy.url, token, {
        resumable: true,
        chunkBytes: CHUNK,
        retries: 8,
        retryDelayMs: 200,
      });
      const bytes = bigJpeg(6 * MiB);
      const id = await create(manager, bytes);
      const sending = manager.sendMessage({ id, receiver: 'bob' });
      await eventually(() => expect(proxy.uploadBytes).toBeGreaterThan(2.5 * MiB), 20_000);
      await child.kill('SIGKILL');
      child = await spawnServer(mainJs, { DATA_DIR: dataDir });
      target.url = child.url;

      const sent = await sending;
      expect(sent.code).toBe(ErrorCode.SUCC);
      expect(proxy.uploadBytes).toBeLessThanOrEqual(bytes.length + CHUNK);
      await expectStoredOnce(target, token, id, bytes);
      expect(await uploadsLeft(dataDir)).toEqual([]);
    } finally {
      await proxy.close();
    }
  });
});
