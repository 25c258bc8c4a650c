import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  createHttpTransport,
  createMessageManager,
  ErrorCode,
  type HttpTransportOptions,
  MessageStatus,
  type V2TimMessage,
} from '@image-message/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../../packages/core/test/fixtures';
import { referenceServerForThisFile } from './referenceServer';

// The fetch path of createHttpTransport (Node has no XMLHttpRequest) against the real reference server,
// resumable (tus) and plain, plus loopback proxies in front of it that fail on purpose (plain PUT; the
// transport's own rules are unit-tested against a stub sender in packages/core/test/).

const server = referenceServerForThisFile('im-http-transport-');
const login = server.login;
let alice: string;

beforeAll(async () => {
  alice = await login('alice');
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A real JPEG padded to `size` bytes, so the upload has many progress steps. */
function bigJpeg(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  bytes.set(fixture('photo.jpg'));
  return bytes;
}

function managerFor(options: Partial<HttpTransportOptions> & { baseUrl: string }) {
  const transport = createHttpTransport({ token: alice, retryDelayMs: 5, resumable: false, ...options });
  return createMessageManager({ transport });
}

async function create(manager: ReturnType<typeof managerFor>, bytes: Uint8Array, name = 'photo.jpg') {
  const created = await manager.createImageMessage({
    imagePath: `/photos/${name}`,
    fileContent: bytes,
    fileName: name,
  });
  if (!created.data) throw new Error(created.desc);
  return created.data.id;
}

/** Messages the real server stored with this id, as alice sees her conversation with bob. */
async function storedWithId(id: string): Promise<V2TimMessage[]> {
  const response = await fetch(`${server.url}/api/conversations/c2c_bob/messages?limit=200`, {
    headers: { authorization: `Bearer ${alice}` },
  });
  const page = (await response.json()) as { data: { messages: V2TimMessage[] } };
  return page.data.messages.filter((message) => message.id === id);
}

interface Stub {
  url: string;
  hits: number;
  close(): Promise<void>;
}

/** A loopback HTTP server whose `n`-th request (1-based) is handled by `handle`. */
async function stub(handle: (req: IncomingMessage, res: ServerResponse, n: number) => void): Promise<Stub> {
  const state = { hits: 0 };
  const http: Server = createServer((req, res) => {
    state.hits++;
    handle(req, res, state.hits);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    get hits() {
      return state.hits;
    },
    close: () =>
      new Promise((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

/** Forwards a request to the real server; resolves with its status and body once it has answered. */
function forward(
  req: IncomingMessage,
): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const upstream = request(
      `${server.url}${req.url}`,
      { method: req.method, headers: req.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    upstream.on('error', reject);
    req.pipe(upstream);
  });
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

describe('createHttpTransport (fetch) with the reference server', () => {
  it.each([
    ['plain PUT', false],
    ['tus', true],
  ])(
    'sends (%s) through createMessageManager with integer, never-decreasing progress ending at 100',
    async (_name, resumable) => {
      const manager = managerFor({ baseUrl: server.url, resumable, chunkBytes: 512 * 1024 });
      const bytes = bigJpeg(2 * 1024 * 1024);
      const id = await create(manager, bytes);
      const progress: number[] = [];
      const heard: number[] = [];
      manager.addAdvancedMsgListener({ onSendMessageProgress: (_message, value) => heard.push(value) });
      const result = await manager.sendMessage({
        id,
        receiver: 'bob',
        onProgress: (value) => progress.push(value),
      });

      expect(result.code).toBe(ErrorCode.SUCC);
      expect(result.data).toMatchObject({
        status: MessageStatus.SEND_SUCC,
        sender: 'alice',
        userID: 'bob',
        progress: 100,
      });
      expect(result.data?.msgID).toMatch(/^msg_/);
      expect(progress.every(Number.isInteger)).toBe(true);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      expect(progress.at(-1)).toBe(100);
      expect(new Set(progress.filter((value) => value > 0 && value < 100)).size).toBeGreaterThan(3);
      expect(heard).toEqual(progress);

      const origin = result.data?.imageElem?.imageList?.find((image) => image.type === 0);
      const served = new Uint8Array(await (await fetch(origin?.url as string)).arrayBuffer());
      expect(sha256(served)).toBe(sha256(bytes));
      expect(await storedWithId(id)).toHaveLength(1);
      expect(await readdir(join(server.dataDir, 'uploads'))).toEqual([]);
    },
  );

  it.each([
    ['plain PUT', false],
    ['tus', true],
  ])('keeps the server’s code and description for a 4xx (%s; here 403 / 10007)', async (_name, resumable) => {
    const manager = managerFor({ baseUrl: server.url, resumable });
    const result = await manager.sendMessage({
      id: await create(manager, fixture('photo.jpg')),
      groupID: 'nope',
    });
    expect(result.code).toBe(10007);
    expect(result.desc).toMatch(/not a member of group "nope"/);
    expect(result.data?.status).toBe(MessageStatus.SEND_FAIL);
  });

  it.each([
    [
      'a receiver who is not a member of the group',
      { groupID: 'team', receiver: 'mallory' },
      6017,
      /"mallory" is not a member of group "team"/,
    ],
    ['a group the sender is not in', { groupID: 'nope' }, 10007, /not a member of group "nope"/],
  ])(
    'a resumable send to %s is refused when the upload is created, before its image is uploaded',
    async (_name, target, code, desc) => {
      const methods: string[] = [];
      const proxy = await stub((req, res) => {
        methods.push(req.method as string);
        forward(req).then(
          ({ status, headers, body }) => {
            res.writeHead(status, headers);
            res.end(body);
          },
          () => res.destroy(),
        );
      });
      try {
        const manager = managerFor({ baseUrl: proxy.url, resumable: true });
        const result = await manager.sendMessage({
          id: await create(manager, bigJpeg(4 * 1024 * 1024)),
          ...target,
        });
        expect(result.code).toBe(code);
        expect(result.desc).toMatch(desc);
        // The POST that would create the upload is answered with the refusal: no PATCH, no PUT, nothing kept.
        expect(methods).toEqual(['OPTIONS', 'POST']);
        expect(await readdir(join(server.dataDir, 'uploads'))).toEqual([]);
      } finally {
        await proxy.close();
      }
    },
  );

  it('succeeds when a retry after 5xx gets through, storing exactly one message', async () => {
    const flaky = await stub((req, res, n) => {
      if (n <= 2) {
        req.resume();
        json(res, 503, { code: 6008, desc: 'busy' });
        return;
      }
      forward(req).then(({ status, headers, body }) => {
        res.writeHead(status, { 'content-type': headers['content-type'] as string });
        res.end(body);
      });
    });
    try {
      const manager = managerFor({ baseUrl: flaky.url, retries: 2 });
      const id = await create(manager, fixture('image.png'), 'image.png');
      const result = await manager.sendMessage({ id, receiver: 'bob' });
      expect(result.code).toBe(ErrorCode.SUCC);
      expect(flaky.hits).toBe(3);
      expect(await storedWithId(id)).toHaveLength(1);
    } finally {
      await flaky.close();
    }
  });

  it('an abort mid-upload resolves CANCELED at once and the server keeps nothing', async () => {
    const manager = managerFor({ baseUrl: server.url });
    const id = await create(manager, bigJpeg(16 * 1024 * 1024));
    const controller = new AbortController();
    const result = await manager.sendMessage({
      id,
      receiver: 'bob',
      signal: controller.signal,
      onProgress: (value) => {
        if (value >= 3) controller.abort();
      },
    });
    expect(result.code).toBe(ErrorCode.CANCELED);
    expect(result.data?.status).toBe(MessageStatus.SEND_FAIL);
    // The server notices the cut connection and deletes its temp file.
    for (let i = 0; (await readdir(join(server.dataDir, 'tmp'))).length > 0; i++) {
      if (i > 250) throw new Error('the temp file was not removed');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect((await readdir(join(server.dataDir, 'images'))).filter((name) => name.startsWith(id))).toEqual([]);
    expect(await storedWithId(id)).toEqual([]);
  });

  it('a response lost after the server stored the message is retried into the same single message', async () => {
    let storedMsgID: string | undefined;
    const lossy = await stub((req, res, n) => {
      forward(req).then(({ status, headers, body }) => {
        if (n === 1) {
          storedMsgID = (JSON.parse(body.toString()) as { data: V2TimMessage }).data.msgID;
          res.socket?.destroy(); // the answer never reaches the client
          return;
        }
        res.writeHead(status, { 'content-type': headers['content-type'] as string });
        res.end(body);
      });
    });
    try {
      const manager = managerFor({ baseUrl: lossy.url, retries: 2 });
      const id = await create(manager, fixture('photo.jpg'));
      const result = await manager.sendMessage({ id, receiver: 'bob' });
      expect(result.code).toBe(ErrorCode.SUCC);
      expect(lossy.hits).toBe(2);
      expect(result.data?.msgID).toBe(storedMsgID);
      expect(await storedWithId(id)).toHaveLength(1);
    } finally {
      await lossy.close();
    }
  });

  it('a failed send can be sent again by the caller, and the server ends up with one message', async () => {
    let failing = true;
    const gate = await stub((req, res) => {
      if (failing) {
        req.resume();
        json(res, 502, { code: 6008, desc: 'bad gateway' });
        return;
      }
      forward(req).then(({ status, headers, body }) => {
        res.writeHead(status, { 'content-type': headers['content-type'] as string });
        res.end(body);
      });
    });
    try {
      const manager = managerFor({ baseUrl: gate.url, retries: 0 });
      const id = await create(manager, fixture('photo.jpg'));
      const failed = await manager.sendMessage({ id, receiver: 'bob' });
      expect(failed.code).toBe(ErrorCode.UPLOAD_FAILED);
      failing = false;
      const again = await manager.sendMessage({ id, receiver: 'bob' });
      expect(again.code).toBe(ErrorCode.SUCC);
      expect(await storedWithId(id)).toHaveLength(1);
    } finally {
      await gate.close();
    }
  });
});
