import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamingPut } from './support/rawHttp';
import { fixture, newId, sha256, startTestServer, type TestServer } from './support/testServer';

let server: TestServer;
let alice: string;
let bob: string;

beforeAll(async () => {
  server = await startTestServer();
  [alice, bob] = await Promise.all([server.login('alice'), server.login('bob')]);
});
afterAll(() => server.dispose());

/** Rows in the real database file (read-only, beside the running server: WAL allows it). */
function countRows(id: string): { messages: number; images: number } {
  const db = new Database(join(server.dataDir, 'im.sqlite'), { readonly: true });
  try {
    const messages = db.prepare('SELECT COUNT(*) AS n FROM messages WHERE id = ?').get(id) as { n: number };
    const images = db.prepare('SELECT COUNT(*) AS n FROM images WHERE message_id = ?').get(id) as {
      n: number;
    };
    return { messages: messages.n, images: images.n };
  } finally {
    db.close();
  }
}

const originFiles = async (id: string) =>
  (await server.storedFiles()).images.filter(
    (name) => name.startsWith(`${id}_`) && name.includes('_origin.'),
  );

describe('sending is idempotent by message id', () => {
  it('a retry returns the stored message (same msgID) and stores nothing new', async () => {
    const id = newId();
    const first = await server.send(alice, { id, bytes: fixture('photo.jpg'), receiver: 'bob' });
    const filesAfterFirst = await server.storedFiles();
    const second = await server.send(alice, { id, bytes: fixture('photo.jpg'), receiver: 'bob' });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body.data?.msgID).toBe(first.body.data?.msgID);
    expect(second.body.data?.timestamp).toBe(first.body.data?.timestamp);
    expect(countRows(id)).toEqual({ messages: 1, images: 3 });
    expect(await server.storedFiles()).toEqual(filesAfterFirst);
  });

  it('a retry with other bytes still answers with the original message and keeps the original bytes', async () => {
    const id = newId();
    const first = await server.send(alice, { id, bytes: fixture('photo.jpg'), receiver: 'bob' });
    const again = await server.send(alice, { id, bytes: fixture('image.png'), receiver: 'bob' });
    expect(again.body.data?.msgID).toBe(first.body.data?.msgID);
    const url = again.body.data?.imageElem?.imageList?.[0]?.url as string;
    expect(sha256(Buffer.from(await (await fetch(url)).arrayBuffer()))).toBe(sha256(fixture('photo.jpg')));
  });

  it('concurrent sends of one id make one message and one file', async () => {
    const id = newId();
    const bytes = Buffer.alloc(3 * 1024 * 1024);
    fixture('photo.jpg').copy(bytes);
    const results = await Promise.all(
      Array.from({ length: 4 }, () => server.send(alice, { id, bytes, receiver: 'bob' })),
    );
    expect(results.map((result) => result.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(results.map((result) => result.body.data?.msgID)).size).toBe(1);
    expect(countRows(id).messages).toBe(1);
    expect(await originFiles(id)).toHaveLength(1);
    expect((await server.storedFiles()).tmp).toEqual([]);
  });

  it('a retry of a large stored message is answered without keeping its body', async () => {
    const id = newId();
    const bytes = Buffer.alloc(5 * 1024 * 1024);
    fixture('photo.jpg').copy(bytes);
    await server.send(alice, { id, bytes, receiver: 'bob' });
    const before = await server.storedFiles();
    const reply = await streamingPut(`${server.url}/api/messages/${id}?receiver=bob`, {
      headers: { authorization: `Bearer ${alice}`, 'content-length': bytes.length },
      total: bytes.length,
      first: bytes.subarray(0, 1024),
    });
    expect(reply.status).toBe(200);
    expect(await server.storedFiles()).toEqual(before);
  });

  it('refuses an id already used by another sender with 409', async () => {
    const id = newId();
    await server.send(alice, { id, bytes: fixture('photo.jpg'), receiver: 'bob' });
    const stolen = await server.send(bob, { id, bytes: fixture('image.png'), receiver: 'alice' });
    expect(stolen.status).toBe(409);
    expect(stolen.body.code).toBe(6017);
    expect(countRows(id).messages).toBe(1);
  });

  it('refuses a retry addressed to another conversation with 409', async () => {
    const id = newId();
    await server.send(alice, { id, bytes: fixture('photo.jpg'), receiver: 'bob' });
    const moved = await server.send(alice, { id, bytes: fixture('photo.jpg'), receiver: 'carol' });
    expect(moved.status).toBe(409);
    expect(moved.body.desc).toMatch(/another conversation/);
  });

  it('assigns msgID, timestamp and sender itself', async () => {
    const before = Math.floor(Date.now() / 1000);
    const { body } = await server.send(alice, { bytes: fixture('photo.jpg'), receiver: 'bob' });
    expect(body.data).toMatchObject({ sender: 'alice', status: 2, elemType: 3, userID: 'bob', isSelf: true });
    expect(body.data?.msgID).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(body.data?.timestamp).toBeGreaterThanOrEqual(before);
    expect(body.data?.timestamp).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
  });
});

describe('message ids and names cannot reach outside the data directory', () => {
  it.each(['..', '..%2F..%2Fetc', 'a.b', `${'x'.repeat(65)}`, 'a%00b', 'a b'])(
    'refuses the id %j with 400 / 6017 (or no route)',
    async (id) => {
      const response = await fetch(`${server.url}/api/messages/${id}?receiver=bob`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${alice}` },
        body: fixture('photo.jpg'),
      });
      expect([400, 404]).toContain(response.status);
      const body = (await response.json()) as { code: number };
      expect([6017, 7004]).toContain(body.code);
    },
  );

  it('keeps a file name with path parts only as a display name', async () => {
    const { status, body } = await server.send(alice, {
      bytes: fixture('photo.jpg'),
      receiver: 'bob',
      fileName: '../../etc/passwd',
    });
    expect(status).toBe(200);
    const response = await fetch(body.data?.imageElem?.imageList?.[0]?.url as string);
    expect(response.headers.get('content-disposition')).toBe("inline; filename*=UTF-8''passwd");
    for (const name of (await server.storedFiles()).images)
      expect(name).toMatch(/^img_[0-9a-f]{32}_[0-9a-f]{12}_/);
  });
});
