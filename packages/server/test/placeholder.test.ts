import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../src';
import { MIGRATIONS } from '../src/db/schema';
import type { ViewerMessage } from '../src/messages/toV2TimMessage';
import { writeOldDataDir } from './support/oldDataDir';
import { openEvents } from './support/openEvents';
import { conversationPage, storedColumn } from './support/storedMessages';
import { fixture, newId, sha256, startTestServer, type TestServer, wrap } from './support/testServer';
import { createUpload, patch, sendUpload } from './support/tus';

// `imageElem.placeholder` (a ThumbHash, base64) through the real server: sent as `X-Image-Placeholder`
// with either kind of send, stored in SQLite, given back in every copy of the message.

/** ThumbHashes as clients write them: unpadded (ThumbHash's demo) and padded (`btoa`, core's encoder). */
const HASH = '1QcSHQRnh493V4dIh4eXh1h4kJUI';
const PADDED = 'YJqGPQw7sFlslqhFafSE+Q6oJ1h2iHB2Rw==';

let server: TestServer;
let alice: string;
let bob: string;

beforeAll(async () => {
  server = await startTestServer();
  [alice, bob] = await Promise.all([server.login('alice'), server.login('bob')]);
});
afterAll(() => server.dispose());

const storedPlaceholder = (dataDir: string, id: string) => storedColumn(dataDir, id, 'placeholder');
const pageAs = (token: string, conversationID: string, target = server) =>
  conversationPage(target, token, conversationID);

const sendWith = (id: string, placeholder?: string) =>
  server.send(alice, {
    id,
    bytes: fixture('photo.jpg'),
    receiver: 'bob',
    ...(placeholder !== undefined && { headers: { 'x-image-placeholder': placeholder } }),
  });

describe('X-Image-Placeholder on PUT /api/messages/:id', () => {
  it('is stored and comes back in the answer, the single read and both sides’ conversation pages', async () => {
    const id = newId();
    const sent = await sendWith(id, HASH);
    expect(sent.status).toBe(200);
    expect(sent.body.data?.imageElem?.placeholder).toBe(HASH);
    expect(storedPlaceholder(server.dataDir, id)).toBe(HASH);

    const single = await server.get<ViewerMessage>(`/api/messages/${id}`, bob);
    expect(single.body.data?.imageElem?.placeholder).toBe(HASH);
    const forAlice = (await pageAs(alice, 'c2c_bob')).find((message) => message.id === id);
    const forBob = (await pageAs(bob, 'c2c_alice')).find((message) => message.id === id);
    expect(forAlice?.imageElem?.placeholder).toBe(HASH);
    expect(forBob?.imageElem?.placeholder).toBe(HASH);
  });

  it('keeps padded base64 as it came', async () => {
    const sent = await sendWith(newId(), PADDED);
    expect(sent.body.data?.imageElem?.placeholder).toBe(PADDED);
  });

  it('a message sent without one has no placeholder key at all', async () => {
    const id = newId();
    const sent = await sendWith(id);
    expect(sent.body.data?.imageElem).not.toHaveProperty('placeholder');
    expect(storedPlaceholder(server.dataDir, id)).toBeNull();
  });

  it('reaches the events stream of the receiver', async () => {
    const stream = openEvents(`${server.url}/api/events?token=${bob}`);
    try {
      expect((await stream.next()).event).toBe('ready');
      const id = newId();
      await sendWith(id, HASH);
      const event = await stream.next();
      expect(event.event).toBe('message');
      expect(event.data).toMatchObject({ id, imageElem: { placeholder: HASH } });
    } finally {
      stream.close();
    }
  });

  it('a resend of the id keeps the first placeholder, whatever the resend carries', async () => {
    const id = newId();
    await sendWith(id, HASH);
    const other = await sendWith(id, PADDED);
    const none = await sendWith(id);
    expect(other.body.data?.imageElem?.placeholder).toBe(HASH);
    expect(none.body.data?.imageElem?.placeholder).toBe(HASH);
    expect(storedPlaceholder(server.dataDir, id)).toBe(HASH);
  });

  // Dropped, not refused: a placeholder is a nicety, so a broken one never costs the user the photo, and
  // nothing but ≤ 88 characters of base64 is ever stored.
  it.each([
    ['10 KB of junk', 'x'.repeat(10_000)],
    ['base64 of 65 bytes (too long for a ThumbHash)', btoa('a'.repeat(65))],
    ['base64 of 4 bytes (shorter than its header)', btoa('abcd')],
    ['markup', '<img src=x onerror=alert(1)>'],
    ['URI-encoded base64', encodeURIComponent('YJqGPQw7sFlslqhFafSE+Q6oJ1h2iHB2Rw==')],
    ['base64url', 'YJqGPQw7sFlslqhFafSE-Q6oJ1h2iHB2Rw'],
    ['a length no base64 has', `${HASH}A`],
    ['padding in the middle', 'YJqG=Qw7sFlslqhFafSE'],
  ])('%s: the image is sent and stored without a placeholder', async (_case, junk) => {
    const id = newId();
    const sent = await sendWith(id, junk);
    expect(sent.status).toBe(200);
    expect(sent.body.code).toBe(0);
    expect(sent.body.data?.imageElem).not.toHaveProperty('placeholder');
    expect(storedPlaceholder(server.dataDir, id)).toBeNull();
    const url = sent.body.data?.imageElem?.imageList?.[0]?.url as string;
    expect(sha256(Buffer.from(await (await fetch(url)).arrayBuffer()))).toBe(sha256(fixture('photo.jpg')));
  });
});

describe('X-Image-Placeholder on the send of a finished resumable upload', () => {
  it('is stored with the message the upload becomes, and kept on a resend', async () => {
    const bytes = fixture('photo.jpg');
    const url = await createUpload(server.url, alice, bytes.length);
    expect((await patch(url, alice, 0, bytes)).status).toBe(204);
    const id = newId();
    const sent = await sendUpload(server.url, alice, id, url, { 'x-image-placeholder': HASH });
    expect(sent.status).toBe(200);
    expect(sent.body.data?.imageElem.placeholder).toBe(HASH);
    const again = await sendUpload(server.url, alice, id, url, { 'x-image-placeholder': PADDED });
    expect(again.body.data?.imageElem.placeholder).toBe(HASH);
    const forBob = (await pageAs(bob, 'c2c_alice')).find((message) => message.id === id);
    expect(forBob?.imageElem?.placeholder).toBe(HASH);
  });

  it('drops junk there too, and the upload is still sent', async () => {
    const bytes = fixture('photo.jpg');
    const url = await createUpload(server.url, alice, bytes.length);
    await patch(url, alice, 0, bytes);
    const id = newId();
    const sent = await sendUpload(server.url, alice, id, url, { 'x-image-placeholder': '!'.repeat(4000) });
    expect(sent.status).toBe(200);
    expect(sent.body.data?.imageElem).not.toHaveProperty('placeholder');
    expect(storedPlaceholder(server.dataDir, id)).toBeNull();
  });
});

describe('a database made before placeholders existed', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'im-placeholder-migration-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('is migrated in place: old messages still read (without a placeholder), new ones store theirs', async () => {
    // As the first release left it: schema version 1, a message with its file on disk.
    const photo = await writeOldDataDir(dataDir, { id: 'img_old', version: 1 });

    const upgraded = wrap(await startServer({ port: 0, dataDir }), dataDir);
    try {
      const token = await upgraded.login('bob');
      const [message] = await pageAs(token, 'c2c_alice', upgraded);
      expect(message).toMatchObject({ id: 'img_old', msgID: 'msg_old', sender: 'alice', userID: 'alice' });
      expect(message?.imageElem).not.toHaveProperty('placeholder');
      const origin = await fetch(message?.imageElem?.imageList?.[0]?.url as string);
      expect(sha256(Buffer.from(await origin.arrayBuffer()))).toBe(sha256(photo));

      const id = newId();
      const sent = await upgraded.send(await upgraded.login('alice'), {
        id,
        bytes: photo,
        receiver: 'bob',
        headers: { 'x-image-placeholder': HASH },
      });
      expect(sent.body.data?.imageElem?.placeholder).toBe(HASH);
      const page = await pageAs(token, 'c2c_alice', upgraded);
      expect(page.map((each) => [each.id, each.imageElem?.placeholder])).toEqual([
        ['img_old', undefined],
        [id, HASH],
      ]);
    } finally {
      await upgraded.close();
    }
    const db = new Database(join(dataDir, 'im.sqlite'), { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(storedPlaceholder(dataDir, 'img_old')).toBeNull();
    } finally {
      db.close();
    }
  });
});
