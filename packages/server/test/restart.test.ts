import { existsSync } from 'node:fs';
import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../src';
import type { ViewerMessage } from '../src/messages/toV2TimMessage';
import { fixture, sha256, type TestServer, wrap } from './support/testServer';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'im-restart-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

async function start(): Promise<TestServer> {
  return wrap(await startServer({ port: 0, dataDir }), dataDir);
}

describe('a restart on the same data directory', () => {
  it('keeps every acknowledged message, its bytes, the tokens and the image links', async () => {
    const first = await start();
    const alice = await first.login('alice');
    const c2c = (await first.send(alice, { bytes: fixture('photo.jpg'), receiver: 'bob' })).body
      .data as ViewerMessage;
    const group = (await first.send(alice, { bytes: fixture('image.gif'), groupID: 'team' })).body
      .data as ViewerMessage;
    await first.close();

    const second = await start();
    try {
      // The old token still works: sessions are in SQLite too.
      const page = await second.get<{ messages: ViewerMessage[] }>(
        '/api/conversations/c2c_bob/messages',
        alice,
      );
      expect(page.status).toBe(200);
      expect(page.body.data?.messages.map((message) => [message.msgID, message.timestamp])).toEqual([
        [c2c.msgID, c2c.timestamp],
      ]);
      const bob = await second.login('bob');
      const team = await second.get<{ messages: ViewerMessage[] }>(
        '/api/conversations/group_team/messages',
        bob,
      );
      expect(team.body.data?.messages.map((message) => message.msgID)).toEqual([group.msgID]);
      // A link handed out before the restart (new port, same path and signature) still serves the bytes.
      const old = new URL(c2c.imageElem?.imageList?.[0]?.url as string);
      const response = await fetch(`${second.url}${old.pathname}${old.search}`);
      expect(response.status).toBe(200);
      expect(sha256(Buffer.from(await response.arrayBuffer()))).toBe(sha256(fixture('photo.jpg')));
      // A retry of an id sent before the restart is still recognised.
      const retry = await second.send(alice, { id: c2c.id, bytes: fixture('photo.jpg'), receiver: 'bob' });
      expect(retry.body.data?.msgID).toBe(c2c.msgID);
      const next = (await second.send(alice, { bytes: fixture('photo.jpg'), receiver: 'bob' })).body.data;
      expect(Number(next?.seq)).toBeGreaterThan(Number(group.seq));
    } finally {
      await second.close();
    }
  });

  it('makes variants that were still pending when it stopped', async () => {
    const first = await start();
    const alice = await first.login('alice');
    const bytes = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#3a6' } })
      .jpeg()
      .toBuffer();
    const message = (await first.send(alice, { bytes, receiver: 'bob' })).body.data as ViewerMessage;
    await first.close();

    // As if the server had stopped before the background job ran: the THUMB is pending and has no file.
    const db = new Database(join(dataDir, 'im.sqlite'));
    const thumb = db.prepare('SELECT file FROM images WHERE message_id = ? AND type = 1').get(message.id) as {
      file: string;
    };
    db.prepare("UPDATE images SET state = 'pending', size = NULL WHERE message_id = ? AND type = 1").run(
      message.id,
    );
    db.close();
    await unlink(join(dataDir, 'images', thumb.file)).catch(() => undefined);

    const second = await start();
    try {
      const read = await second.get<ViewerMessage>(`/api/messages/${message.id}`, alice);
      const url = read.body.data?.imageElem?.imageList?.[1]?.url as string;
      const meta = await sharp(Buffer.from(await (await fetch(url)).arrayBuffer())).metadata();
      expect([meta.width, meta.height]).toEqual([297, 198]);
      expect(existsSync(join(dataDir, 'images', thumb.file))).toBe(true);
    } finally {
      await second.close();
    }
  });

  it('removes unfinished uploads and files no message refers to', async () => {
    await writeFile(join(dataDir, 'tmp', 'cut-off.part'), 'half an upload');
    await writeFile(
      join(dataDir, 'images', 'img_orphan_000000000000_origin.jpg'),
      'stored, never acknowledged',
    );
    const server = await start();
    try {
      const files = await server.storedFiles();
      expect(files.tmp).toEqual([]);
      expect(files.images).not.toContain('img_orphan_000000000000_origin.jpg');
      expect(files.images.length).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });
});
