import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ViewerMessage } from '../src/messages/toV2TimMessage';
import { buildServerMain, type ServerProcess, spawnServer } from './support/serverProcess';
import { fixture, newId, sha256 } from './support/testServer';

// These run the built server (`node main.js`, as `npm start` will) in its own process, so it can be killed
// outright and its exit code read.
let mainJs: string;
let dataDir: string;

beforeAll(async () => {
  mainJs = await buildServerMain();
  dataDir = await mkdtemp(join(tmpdir(), 'im-process-'));
}, 60_000);
afterAll(() => rm(dataDir, { recursive: true, force: true }));

async function login(server: ServerProcess, userID: string): Promise<string> {
  const response = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userID }),
  });
  return ((await response.json()) as { data: { token: string } }).data.token;
}

function put(server: ServerProcess, token: string, bytes: Uint8Array, id = newId()) {
  return fetch(`${server.url}/api/messages/${id}?receiver=bob`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}` },
    body: bytes as Uint8Array<ArrayBuffer>,
  });
}

describe('the server process', () => {
  it('keeps an acknowledged message through a crash (SIGKILL) and serves it after restarting', async () => {
    const first = await spawnServer(mainJs, { DATA_DIR: dataDir });
    const token = await login(first, 'alice');
    const bytes = fixture('photo-exif6.jpg');
    const response = await put(first, token, bytes);
    expect(response.status).toBe(200);
    const sent = ((await response.json()) as { data: ViewerMessage }).data;
    await first.kill('SIGKILL');

    const second = await spawnServer(mainJs, { DATA_DIR: dataDir });
    try {
      const read = await fetch(`${second.url}/api/messages/${sent.id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const message = ((await read.json()) as { data: ViewerMessage }).data;
      expect(message.msgID).toBe(sent.msgID);
      const origin = await fetch(message.imageElem?.imageList?.[0]?.url as string);
      expect(sha256(Buffer.from(await origin.arrayBuffer()))).toBe(sha256(bytes));
    } finally {
      await second.kill();
    }
  });

  it('stops cleanly on SIGTERM', async () => {
    const server = await spawnServer(mainJs, { DATA_DIR: dataDir });
    await server.kill('SIGTERM');
    expect(server.child.exitCode).toBe(0);
  });
});
