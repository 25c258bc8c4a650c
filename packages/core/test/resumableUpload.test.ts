import { describe, expect, it, vi } from 'vitest';
import {
  createHttpTransport,
  createMessageManager,
  ErrorCode,
  type HttpTransportOptions,
  type UploadUrlStore,
} from '../src';
import { fixture } from './fixtures';
import { settle, useFakeTimersWithTusLoaded } from './support/fakeTime';
import { createStubServer, type StubOptions } from './support/stubServer';

// createHttpTransport's tus path against an in-memory tus server (support/stubServer.ts), fake timers.
// The real @tus/server, real sockets and a restarted process: tests/integration/faults.test.ts.

useFakeTimersWithTusLoaded();

const BASE = 'http://stub.test';
const CHUNK = 64 * 1024;
const SIZE = 10 * CHUNK + 123;

/** A real JPEG padded to SIZE bytes. */
function image(): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(SIZE);
  bytes.set(fixture('photo.jpg'));
  for (let i = 1000; i < SIZE; i++) bytes[i] = i % 251;
  return bytes;
}

/** Byte equality without vitest's element-by-element diff (slow for 650 KB). */
const same = (a: Uint8Array | undefined, b: Uint8Array) =>
  a !== undefined && Buffer.from(a).equals(Buffer.from(b));

function memoryStore() {
  const urls = new Map<string, string>();
  const store: UploadUrlStore = {
    get: (id) => urls.get(id),
    set: (id, url) => void urls.set(id, url),
    delete: (id) => void urls.delete(id),
  };
  return { store, urls };
}

async function setup(stub: StubOptions = {}, options: Partial<HttpTransportOptions> = {}) {
  const server = createStubServer(stub);
  const { store, urls } = memoryStore();
  const transport = createHttpTransport({
    baseUrl: BASE,
    token: 'tok',
    sender: server.sender,
    chunkBytes: CHUNK,
    retryDelayMs: 100,
    uploadUrls: store,
    ...options,
  });
  const manager = createMessageManager({ transport });
  const bytes = image();
  const created = await manager.createImageMessage({
    imagePath: '/p/photo.jpg',
    fileContent: bytes,
    fileName: 'photo.jpg',
  });
  if (!created.data) throw new Error(created.desc);
  return { server, manager, transport, urls, bytes, id: created.data.id };
}

describe('createHttpTransport, resumable (tus 1.0)', () => {
  it('discovers tus once, then a POST with the first chunk, PATCHes of chunkBytes and a PUT naming the upload; same bytes; progress never decreases', async () => {
    const { server, manager, urls, bytes, id } = await setup();
    const progress: number[] = [];
    const result = await settle(
      manager.sendMessage({ id, receiver: 'bob', onProgress: (p) => progress.push(p) }),
    );
    expect(result.code).toBe(ErrorCode.SUCC);
    expect(server.requests.map((r) => r.method)).toEqual([
      'OPTIONS',
      'POST',
      ...Array(10).fill('PATCH'),
      'PUT',
    ]);
    const post = server.made('POST')[0];
    expect(post?.headers).toMatchObject({
      'tus-resumable': '1.0.0',
      'upload-length': String(SIZE),
      'content-type': 'application/offset+octet-stream',
      authorization: 'Bearer tok',
    });
    expect(post?.received).toBe(CHUNK);
    // The conversation goes with the POST, so a server can refuse the send before the upload.
    expect(post?.headers['upload-metadata']).toContain(`receiver ${btoa('bob')}`);
    expect(server.made('PUT')[0]?.headers['x-upload-url']).toBe(`${BASE}/api/uploads/u1`);
    expect(same(server.messages.get(id)?.bytes, bytes)).toBe(true);
    expect(server.bodyBytes()).toBe(SIZE);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(100);
    // Sent: nothing to resume any more.
    expect(urls.size).toBe(0);

    const next = await manager.createImageMessage({
      imagePath: '/p/b.jpg',
      fileContent: image(),
      fileName: 'b.jpg',
    });
    expect((await settle(manager.sendMessage({ id: next.data?.id as string, receiver: 'bob' }))).code).toBe(
      0,
    );
    expect(server.made('OPTIONS')).toHaveLength(1);
  });

  it('a connection dropped at 60 %: HEAD, then on from the server’s offset; at most one chunk re-sent', async () => {
    const dropAt = Math.floor(SIZE * 0.6);
    let dropped = false;
    const { server, manager, bytes, id } = await setup({
      fault: (request) => {
        if (dropped || request.method !== 'PATCH') return undefined;
        const offset = Number(request.headers['upload-offset']);
        if (offset + CHUNK < dropAt) return undefined;
        dropped = true;
        return { kind: 'drop', afterBytes: dropAt - offset };
      },
    });
    const result = await settle(manager.sendMessage({ id, receiver: 'bob' }));
    expect(result.code).toBe(ErrorCode.SUCC);
    expect(server.made('HEAD')).toHaveLength(1);
    expect(server.made('POST')).toHaveLength(1);
    expect(server.bodyBytes()).toBeLessThanOrEqual(SIZE + CHUNK);
    expect(same(server.messages.get(id)?.bytes, bytes)).toBe(true);
  });

  it('by default an undisturbed send is one POST carrying the file (creation-with-upload) and the PUT', async () => {
    const { server, manager, bytes, id } = await setup({ takesProposedIds: true }, { chunkBytes: undefined });
    const result = await settle(manager.sendMessage({ id, receiver: 'bob' }));
    expect(result.code).toBe(ErrorCode.SUCC);
    expect(server.requests.map((r) => r.method)).toEqual(['OPTIONS', 'POST', 'PUT']);
    expect(server.made('POST')[0]?.received).toBe(SIZE);
    expect(server.bodyBytes()).toBe(SIZE);
    expect(same(server.messages.get(id)?.bytes, bytes)).toBe(true);
  });

  it('by default sends the file with the POST; dropped at 60 %, it goes on from what the server kept', async () => {
    const dropAt = Math.floor(SIZE * 0.6);
    let dropped = false;
    const { server, manager, urls, bytes, id } = await setup(
      {
        takesProposedIds: true,
        fault: (request) => {
          if (dropped || request.method !== 'POST') return undefined;
          dropped = true;
          return { kind: 'drop', afterBytes: dropAt };
        },
      },
      { chunkBytes: undefined },
    );
    const sending = manager.sendMessage({ id, receiver: 'bob' });
    // The URL the POST's upload will have is kept before its body leaves.
    await vi.advanceTimersByTimeAsync(0);
    expect(urls.get(id)).toMatch(new RegExp(`^${BASE}/api/uploads/[0-9a-f]{32}$`));
    const result = await settle(sending);
    expect(result.code).toBe(ErrorCode.SUCC);
    expect(server.requests.map((r) => r.method)).toEqual(['OPTIONS', 'POST', 'HEAD', 'PATCH', 'PUT']);
    expect(server.made('PATCH')[0]?.headers['upload-offset']).toBe(String(dropAt));
    // Nothing the server had kept is sent again.
    expect(server.bodyBytes()).toBe(SIZE);
    expect(same(server.messages.get(id)?.bytes, bytes)).toBe(true);
  });

  it('a dropped POST to a server that names uploads itself starts the upload again', async () => {
    let dropped = false;
    const { server, manager, bytes, id } = await setup(
      {
        fault: (request) => {
          if (dropped || request.method !== 'POST') return undefined;
          dropped = true;
          return { kind: 'drop', afterBytes: CHUNK };
        },
      },
      { chunkBytes: undefined },
    );
    const result = await settle(manager.sendMessage({ id, receiver: 'bob' }));
    expect(result.code).toBe(ErrorCode.SUCC);
    expect(server.requests.map((r) => r.method)).toEqual(['OPTIONS', 'POST', 'HEAD', 'POST', 'PUT']);
    expect(same(server.messages.get(id)?.bytes, bytes)).toBe(true);
  });

  it('retries count attempts in a row that moved nothing; one that moved the upload starts the count again', async () => {
    // Every request with a body is dropped after half a chunk: each attempt moves the upload on, so it
    // never gives up.
    const { server, manager, id } = await setup(
      {
        takesProposedIds: true,
        fault: (request) =>
          request.method === 'PATCH' || request.method === 'POST'
            ? { kind: 'drop', afterBytes: CHUNK / 2 }
            : undefined,
      },
      { retries: 1 },
    );
    const result = await settle(manager.sendMessage({ id, receiver: 'bob' }));
    expect(result.code).toBe(ErrorCode.SUCC);
    expect(server.made('POST')).toHaveLength(1);
    expect(server.made('PATCH').length).toBeGreaterThanOrEqual(20);
  });

  it('cancel terminates the upload (DELETE) and forgets its URL', async () => {
    const { server, manager, urls, id } = await setup({
      fault: (request) =>
        request.method === 'PATCH' && request.headers['upload-offset'] === String(3 * CHUNK)
          ? { kind: 'hang' }
          : undefined,
    });
    const controller = new AbortController();
    const sending = manager.sendMessage({ id, receiver: 'bob', signal: controller.signal });
    await vi.advanceTimersByTimeAsync(50);
    expect(urls.get(id)).toBe(`${BASE}/api/uploads/u1`);
    controller.abort();
    expect((await sending).code).toBe(ErrorCode.CANCELED);
    await vi.advanceTimersByTimeAsync(50);
    expect(server.made('DELETE')).toHaveLength(1);
    expect(server.uploads.size).toBe(0);
    expect(urls.size).toBe(0);
  });

  it('a stall ends the send with 6012 and keeps the URL; the next send of the id resumes (HEAD, no new upload)', async () => {
    let hang = true;
    const { server, manager, urls, bytes, id } = await setup(
      {
        fault: (request) =>
          hang && request.method === 'PATCH' && request.headers['upload-offset'] === String(4 * CHUNK)
            ? { kind: 'hang' }
            : undefined,
      },
      { stallTimeoutMs: 3000 },
    );
    const stalled = await settle(manager.sendMessage({ id, receiver: 'bob' }));
    expect(stalled.code).toBe(ErrorCode.REQUEST_TIMEOUT);
    expect(urls.get(id)).toBe(`${BASE}/api/uploads/u1`);
    hang = false;
    const before = server.bodyBytes();
    const retried = await settle(manager.sendMessage({ id, receiver: 'bob' }));
    expect(retried.code).toBe(ErrorCode.SUCC);
    expect(server.made('POST')).toHaveLength(1);
    expect(server.made('HEAD')).toHaveLength(1);
    expect(server.bodyBytes() - before).toBe(SIZE - 4 * CHUNK);
    expect(same(server.messages.get(id)?.bytes, bytes)).toBe(true);
  });

  it('a stored upload URL (a reload) resumes it; one the server no longer has starts a new upload', async () => {
    let hangOnSend = true;
    const first = await setup(
      { fault: (request) => (hangOnSend && request.method === 'PUT' ? { kind: 'hang' } : undefined) },
      { stallTimeoutMs: 1000 },
    );
    await settle(first.manager.sendMessage({ id: first.id, receiver: 'bob' }));
    const stored = first.urls.get(first.id) as string;
    expect(first.server.uploads.get('u1')?.offset).toBe(SIZE);

    hangOnSend = false;
    // "After a reload": a new transport over the same server, whose store still has the URL.
    const store: UploadUrlStore = { get: () => stored, set: () => {}, delete: () => {} };
    const manager = createMessageManager({
      transport: createHttpTransport({
        baseUrl: BASE,
        token: 'tok',
        sender: first.server.sender,
        chunkBytes: CHUNK,
        uploadUrls: store,
      }),
    });
    const again = await manager.createImageMessage({
      imagePath: '/p/photo.jpg',
      fileContent: first.bytes,
      fileName: 'photo.jpg',
    });
    const before = first.server.bodyBytes();
    const sent = await settle(manager.sendMessage({ id: again.data?.id as string, receiver: 'bob' }));
    expect(sent.code).toBe(ErrorCode.SUCC);
    expect(first.server.bodyBytes()).toBe(before);
    expect(first.server.made('POST')).toHaveLength(1);

    const gone: UploadUrlStore = { get: () => `${BASE}/api/uploads/u999`, set: () => {}, delete: () => {} };
    const fresh = createMessageManager({
      transport: createHttpTransport({
        baseUrl: BASE,
        token: 'tok',
        sender: first.server.sender,
        chunkBytes: CHUNK,
        uploadUrls: gone,
      }),
    });
    const other = await fresh.createImageMessage({
      imagePath: '/p/photo.jpg',
      fileContent: image(),
      fileName: 'photo.jpg',
    });
    expect((await settle(fresh.sendMessage({ id: other.data?.id as string, receiver: 'bob' }))).code).toBe(
      ErrorCode.SUCC,
    );
    expect(first.server.made('POST')).toHaveLength(2);
  });

  it('an offset conflict (409) asks HEAD and goes on from the server’s offset', async () => {
    let conflicted = false;
    const { server, manager, bytes, id } = await setup({
      fault: (request) => {
        if (
          conflicted ||
          request.method !== 'PATCH' ||
          request.headers['upload-offset'] !== String(2 * CHUNK)
        )
          return undefined;
        conflicted = true;
        return { kind: 'reply', status: 409, body: { code: 6017, desc: 'Upload-Offset does not match.' } };
      },
    });
    expect((await settle(manager.sendMessage({ id, receiver: 'bob' }))).code).toBe(ErrorCode.SUCC);
    expect(server.made('HEAD')).toHaveLength(1);
    expect(same(server.messages.get(id)?.bytes, bytes)).toBe(true);
  });

  it('a 4xx from tus (the last PATCH refused as not an image) is final and keeps the server’s code', async () => {
    const { server, manager, id } = await setup(
      {
        fault: (request) =>
          request.method === 'PATCH' && request.headers['upload-offset'] === String(10 * CHUNK)
            ? { kind: 'reply', status: 415, body: { code: 6031, desc: 'This file is not an image.' } }
            : undefined,
      },
      { retries: 3 },
    );
    const result = await settle(manager.sendMessage({ id, receiver: 'bob' }));
    expect(result).toMatchObject({ code: 6031, desc: 'This file is not an image.' });
    expect(server.made('PATCH')).toHaveLength(10);
  });

  it('a server without tus (OPTIONS is 404), and resumable: false, send one plain PUT', async () => {
    const plain = await setup({ tus: false });
    expect((await settle(plain.manager.sendMessage({ id: plain.id, receiver: 'bob' }))).code).toBe(
      ErrorCode.SUCC,
    );
    expect(plain.server.requests.map((r) => r.method)).toEqual(['OPTIONS', 'PUT']);
    const off = await setup({}, { resumable: false });
    expect((await settle(off.manager.sendMessage({ id: off.id, receiver: 'bob' }))).code).toBe(
      ErrorCode.SUCC,
    );
    expect(off.server.requests.map((r) => r.method)).toEqual(['PUT']);
  });
});
