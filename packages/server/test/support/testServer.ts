import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunningServer, type ServerOptions, startServer } from '../../src';
import type { ViewerMessage } from '../../src/messages/toV2TimMessage';

const fixturesDir = fileURLToPath(new URL('../../../../tests/fixtures/images/', import.meta.url));

/** Bytes of a committed fixture (tests/fixtures/images). */
export function fixture(name: string): Buffer<ArrayBuffer> {
  return readFileSync(join(fixturesDir, name)) as Buffer<ArrayBuffer>;
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export const newId = () => `img_${randomUUID().replaceAll('-', '')}`;

export interface Envelope<T> {
  code: number;
  desc: string;
  data?: T;
}

export interface TestServer extends RunningServer {
  /** Signs in and returns a bearer token. */
  login(userID: string): Promise<string>;
  /** `PUT /api/messages/:id` with fetch. */
  send(
    token: string,
    params: {
      id?: string;
      bytes: Uint8Array;
      receiver?: string;
      groupID?: string;
      fileName?: string;
      /** More request headers (e.g. `x-image-placeholder`). */
      headers?: Record<string, string>;
    },
  ): Promise<{ status: number; body: Envelope<ViewerMessage> }>;
  /** A GET with a token; JSON parsed. */
  get<T>(path: string, token?: string): Promise<{ status: number; body: Envelope<T> }>;
  /** Every file under images/ and tmp/. */
  storedFiles(): Promise<{ images: string[]; tmp: string[] }>;
  /** Closes the server (if still open) and deletes its data directory. */
  dispose(): Promise<void>;
}

/** A real server on a free loopback port with a fresh data directory. */
export async function startTestServer(options: ServerOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'im-server-test-')));
  const server = await startServer({ port: 0, ...options, dataDir });
  return wrap(server, dataDir);
}

export function wrap(server: RunningServer, dataDir: string): TestServer {
  const api = (path: string) => `${server.url}${path}`;
  return {
    ...server,
    async login(userID) {
      const response = await fetch(api('/api/session'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userID }),
      });
      const body = (await response.json()) as Envelope<{ token: string }>;
      if (!body.data) throw new Error(`login failed: ${body.desc}`);
      return body.data.token;
    },
    async send(token, { id = newId(), bytes, receiver, groupID, fileName = 'image.jpg', headers }) {
      const query = new URLSearchParams();
      if (receiver !== undefined) query.set('receiver', receiver);
      if (groupID !== undefined) query.set('groupID', groupID);
      const response = await fetch(api(`/api/messages/${id}?${query}`), {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/octet-stream',
          'x-file-name': encodeURIComponent(fileName),
          ...headers,
        },
        body: bytes as Uint8Array<ArrayBuffer>,
      });
      return { status: response.status, body: (await response.json()) as Envelope<ViewerMessage> };
    },
    async get<T>(path: string, token?: string) {
      const response = await fetch(path.startsWith('http') ? path : api(path), {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      return { status: response.status, body: (await response.json()) as Envelope<T> };
    },
    async storedFiles() {
      return {
        images: await readdir(join(dataDir, 'images')),
        tmp: await readdir(join(dataDir, 'tmp')),
      };
    },
    async dispose() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
