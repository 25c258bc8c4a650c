import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorCode } from '@image-message/core';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../src';
import { MIGRATIONS } from '../src/db/schema';
import type { ViewerMessage } from '../src/messages/toV2TimMessage';
import { writeOldDataDir } from './support/oldDataDir';
import { openEvents } from './support/openEvents';
import { conversationPage, storedColumn } from './support/storedMessages';
import { fixture, newId, startTestServer, type TestServer, wrap } from './support/testServer';
import { createUpload, patch, sendUpload } from './support/tus';

// `imageElem.description` (the image's alt text) through the real server: sent URI-encoded as
// `X-Image-Description` with either kind of send, cleaned and checked by core's `checkDescription`, stored
// in its own column, given back everywhere the placeholder is.

const TEXT = '一只狗在海滩上 — a dog on the beach, 100% 🐕';
const HASH = '1QcSHQRnh493V4dIh4eXh1h4kJUI';

let server: TestServer;
let alice: string;
let bob: string;

beforeAll(async () => {
  server = await startTestServer();
  [alice, bob] = await Promise.all([server.login('alice'), server.login('bob')]);
});
afterAll(() => server.dispose());

const storedDescription = (dataDir: string, id: string) => storedColumn(dataDir, id, 'description');
const pageAs = (token: string, conversationID: string, target = server) =>
  conversationPage(target, token, conversationID);

const sendWith = (id: string, description?: string, target = server, token = alice) =>
  target.send(token, {
    id,
    bytes: fixture('photo.jpg'),
    receiver: 'bob',
    ...(description !== undefined && { headers: { 'x-image-description': description } }),
  });

describe('X-Image-Description on PUT /api/messages/:id', () => {
  it('is stored and comes back in the answer, the single read, both sides’ pages and the event', async () => {
    const stream = openEvents(`${server.url}/api/events?token=${bob}`);
    try {
      expect((await stream.next()).event).toBe('ready');
      const id = newId();
      const sent = await sendWith(id, encodeURIComponent(TEXT));
      expect(sent.status).toBe(200);
      expect(sent.body.data?.imageElem?.description).toBe(TEXT);
      expect(storedDescription(server.dataDir, id)).toBe(TEXT);

      const single = await server.get<ViewerMessage>(`/api/messages/${id}`, bob);
      expect(single.body.data?.imageElem?.description).toBe(TEXT);
      const forAlice = (await pageAs(alice, 'c2c_bob')).find((message) => message.id === id);
      const forBob = (await pageAs(bob, 'c2c_alice')).find((message) => message.id === id);
      expect(forAlice?.imageElem?.description).toBe(TEXT);
      expect(forBob?.imageElem?.description).toBe(TEXT);
      const event = await stream.next();
      expect(event.data).toMatchObject({ id, imageElem: { description: TEXT } });
    } finally {
      stream.close();
    }
  });

  it('is cleaned like the client cleans it: controls and bidi overrides out, NFC, trimmed', async () => {
    const id = newId();
    const sent = await sendWith(id, encodeURIComponent('  Cafe\u0301\u202E at\u0007 night\n\u2066 '));
    expect(sent.body.data?.imageElem?.description).toBe('Café at night');
    expect(storedDescription(server.dataDir, id)).toBe('Café at night');
  });

  it('a message sent without one, or with only spaces, has no description key at all', async () => {
    for (const header of [undefined, encodeURIComponent(' \n ')]) {
      const id = newId();
      const sent = await sendWith(id, header);
      expect(sent.status).toBe(200);
      expect(sent.body.data?.imageElem).not.toHaveProperty('description');
      expect(storedDescription(server.dataDir, id)).toBeNull();
    }
  });

  it('over 1,000 characters: 400 with DESCRIPTION_TOO_LONG and what to do; nothing is stored', async () => {
    const id = newId();
    const sent = await sendWith(id, encodeURIComponent('狗'.repeat(1001)));
    expect(sent.status).toBe(400);
    expect(sent.body.code).toBe(ErrorCode.DESCRIPTION_TOO_LONG);
    expect(sent.body.desc).toMatch(/1,001 characters.*Shorten/);
    expect(storedDescription(server.dataDir, id)).toBeUndefined();
    // Exactly 1,000 goes through.
    const ok = await sendWith(id, encodeURIComponent('狗'.repeat(1000)));
    expect(ok.status).toBe(200);
    expect(ok.body.data?.imageElem?.description).toHaveLength(1000);
  });

  it('a header that is not URI-encoded text is refused with what to do', async () => {
    const sent = await sendWith(newId(), '%E4%B8');
    expect(sent.status).toBe(400);
    expect(sent.body.code).toBe(ErrorCode.INVALID_PARAMETERS);
    expect(sent.body.desc).toMatch(/X-Image-Description must be URI-encoded/);
  });

  it('a resend of the id keeps the first description', async () => {
    const id = newId();
    await sendWith(id, 'first');
    const again = await sendWith(id, 'second');
    expect(again.body.data?.imageElem?.description).toBe('first');
  });
});

describe('X-Image-Description on the send of a finished resumable upload', () => {
  it('is stored with the message the upload becomes', async () => {
    const bytes = fixture('photo.jpg');
    const url = await createUpload(server.url, alice, bytes.length);
    expect((await patch(url, alice, 0, bytes)).status).toBe(204);
    const id = newId();
    const sent = await sendUpload(server.url, alice, id, url, {
      'x-image-description': encodeURIComponent(TEXT),
      'x-image-placeholder': HASH,
    });
    expect(sent.status).toBe(200);
    expect(sent.body.data?.imageElem).toMatchObject({ description: TEXT, placeholder: HASH });
    const forBob = (await pageAs(bob, 'c2c_alice')).find((message) => message.id === id);
    expect(forBob?.imageElem).toMatchObject({ description: TEXT, placeholder: HASH });
  });
});

describe('a database made before descriptions existed (schema version 2)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'im-description-migration-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('is migrated in place: old messages keep their placeholder and have no description; new ones store theirs', async () => {
    // As the release with placeholders left it: schema version 2, a message with its file on disk.
    await writeOldDataDir(dataDir, {
      id: 'img_v2',
      version: 2,
      // Version 2's own text, frozen here: never MIGRATIONS[1], which a later edit could change.
      upgrade: 'ALTER TABLE messages ADD COLUMN placeholder TEXT;',
      placeholder: HASH,
    });

    const upgraded = wrap(await startServer({ port: 0, dataDir }), dataDir);
    try {
      const token = await upgraded.login('bob');
      const [message] = await pageAs(token, 'c2c_alice', upgraded);
      expect(message).toMatchObject({ id: 'img_v2', imageElem: { placeholder: HASH } });
      expect(message?.imageElem).not.toHaveProperty('description');

      const id = newId();
      const sent = await sendWith(id, encodeURIComponent(TEXT), upgraded, await upgraded.login('alice'));
      expect(sent.body.data?.imageElem?.description).toBe(TEXT);
      const page = await pageAs(token, 'c2c_alice', upgraded);
      expect(page.map((each) => [each.id, each.imageElem?.description])).toEqual([
        ['img_v2', undefined],
        [id, TEXT],
      ]);
    } finally {
      await upgraded.close();
    }
    const db = new Database(join(dataDir, 'im.sqlite'), { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    } finally {
      db.close();
    }
    expect(storedDescription(dataDir, 'img_v2')).toBeNull();
  });
});
