import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED } from '../src';
import { loadUrlSigner } from '../src/files/urlSigner';
import type { ViewerMessage } from '../src/messages/toV2TimMessage';
import { fixture, startTestServer, type TestServer } from './support/testServer';

interface Page {
  messages: ViewerMessage[];
  cursor: string;
  hasMore: boolean;
}

let server: TestServer;
const tokens: Record<string, string> = {};
let c2c: ViewerMessage;
let group: ViewerMessage;
let targeted: ViewerMessage;

beforeAll(async () => {
  server = await startTestServer({
    seed: {
      users: [...DEFAULT_SEED.users, { userID: 'dave', nickName: 'Dave' }],
      groups: DEFAULT_SEED.groups,
    },
  });
  for (const user of ['alice', 'bob', 'carol', 'dave']) tokens[user] = await server.login(user);
  const send = async (params: { receiver?: string; groupID?: string }) =>
    (await server.send(tokens.alice as string, { bytes: fixture('photo.jpg'), ...params })).body
      .data as ViewerMessage;
  c2c = await send({ receiver: 'bob' });
  group = await send({ groupID: 'team' });
  targeted = await send({ groupID: 'team', receiver: 'bob' });
});
afterAll(() => server.dispose());

const list = (user: string, conversationID: string) =>
  server.get<Page>(`/api/conversations/${conversationID}/messages`, tokens[user]);
const ids = async (user: string, conversationID: string) =>
  ((await list(user, conversationID)).body.data?.messages ?? []).map((message) => message.msgID);

describe('one-to-one messages', () => {
  it('are seen by their two users, each from their side', async () => {
    expect(await ids('alice', 'c2c_bob')).toEqual([c2c.msgID]);
    expect(await ids('bob', 'c2c_alice')).toEqual([c2c.msgID]);
    const bobsView = (await list('bob', 'c2c_alice')).body.data?.messages[0];
    expect(bobsView).toMatchObject({
      sender: 'alice',
      userID: 'alice',
      isSelf: false,
      conversationID: 'c2c_alice',
    });
  });

  it('are seen by no one else', async () => {
    expect(await ids('carol', 'c2c_alice')).toEqual([]);
    expect(await ids('carol', 'c2c_bob')).toEqual([]);
    expect((await server.get(`/api/messages/${c2c.id}`, tokens.carol)).status).toBe(404);
  });
});

describe('group messages', () => {
  it('are seen by every member, targeted ones only by sender and receiver', async () => {
    expect(await ids('alice', 'group_team')).toEqual([group.msgID, targeted.msgID]);
    expect(await ids('bob', 'group_team')).toEqual([group.msgID, targeted.msgID]);
    expect(await ids('carol', 'group_team')).toEqual([group.msgID]);
    expect((await server.get(`/api/messages/${targeted.id}`, tokens.carol)).status).toBe(404);
    expect((await server.get(`/api/messages/${targeted.id}`, tokens.bob)).status).toBe(200);
  });

  it('describe the targeted receiver in userID', () => {
    expect(targeted).toMatchObject({ groupID: 'team', userID: 'bob', conversationID: 'group_team' });
    expect(group.userID).toBeUndefined();
  });

  it('refuse non-members: 403 to read, 403 to send', async () => {
    const read = await list('dave', 'group_team');
    expect(read.status).toBe(403);
    expect(read.body.code).toBe(10007);
    const sent = await server.send(tokens.dave as string, { bytes: fixture('photo.jpg'), groupID: 'team' });
    expect([sent.status, sent.body.code]).toEqual([403, 10007]);
    const unknown = await server.send(tokens.dave as string, {
      bytes: fixture('photo.jpg'),
      groupID: 'nope',
    });
    expect(unknown.status).toBe(403);
  });

  it('refuse a targeted receiver outside the group, and an unknown user', async () => {
    const outsider = await server.send(tokens.alice as string, {
      bytes: fixture('photo.jpg'),
      groupID: 'team',
      receiver: 'dave',
    });
    expect([outsider.status, outsider.body.code]).toEqual([400, 6017]);
    const nobody = await server.send(tokens.alice as string, {
      bytes: fixture('photo.jpg'),
      receiver: 'zed',
    });
    expect([nobody.status, nobody.body.code]).toEqual([400, 6017]);
  });
});

describe('image downloads follow the same rule', () => {
  const originUrl = (message: ViewerMessage) => message.imageElem?.imageList?.[0]?.url as string;
  const pathOf = (message: ViewerMessage) => new URL(originUrl(message)).pathname;

  it('work with the viewer’s own signed link, and with a Bearer token', async () => {
    expect((await fetch(originUrl(targeted))).status).toBe(200);
    const bobsCopy = (await server.get<ViewerMessage>(`/api/messages/${targeted.id}`, tokens.bob)).body.data;
    expect(new URL(originUrl(bobsCopy as ViewerMessage)).searchParams.get('u')).toBe('bob');
    expect((await fetch(originUrl(bobsCopy as ViewerMessage))).status).toBe(200);
    const withToken = await fetch(`${server.url}${pathOf(targeted)}`, {
      headers: { authorization: `Bearer ${tokens.bob}` },
    });
    expect(withToken.status).toBe(200);
  });

  it('are refused to a user who may not see the message, even with a validly signed link', async () => {
    const asCarol = await fetch(`${server.url}${pathOf(targeted)}`, {
      headers: { authorization: `Bearer ${tokens.carol}` },
    });
    expect(asCarol.status).toBe(403);
    // A link the server really signed for carol (made here with its key) is still checked against visibility.
    const signer = await loadUrlSigner(server.dataDir, 3600);
    const forCarol = `${server.url}${pathOf(targeted)}?${signer.sign(pathOf(targeted), 'carol')}`;
    expect((await fetch(forCarol)).status).toBe(403);
    expect((await fetch(forCarol.replace('/origin?', '/thumb?'))).status).toBe(403);
  });

  it('refuse a link whose viewer was changed', async () => {
    const tampered = new URL(originUrl(c2c));
    tampered.searchParams.set('u', 'carol');
    expect((await fetch(tampered)).status).toBe(403);
  });

  it('keep the signing key in the data directory', async () => {
    expect((await readFile(join(server.dataDir, 'url-signing.key'))).length).toBe(32);
  });
});

describe('paging', () => {
  it('returns the newest first page, then what comes after the cursor', async () => {
    const send = async () =>
      (await server.send(tokens.bob as string, { bytes: fixture('image.png'), receiver: 'carol' })).body.data
        ?.msgID;
    const sent = [await send(), await send(), await send()];
    const newest = (await server.get<Page>('/api/conversations/c2c_bob/messages?limit=2', tokens.carol)).body
      .data as Page;
    expect(newest.messages.map((message) => message.msgID)).toEqual(sent.slice(1));
    expect(newest.hasMore).toBe(true);
    const older = (
      await server.get<Page>(
        `/api/conversations/c2c_bob/messages?before=${newest.messages[0]?.seq}`,
        tokens.carol,
      )
    ).body.data as Page;
    expect(older.messages.map((message) => message.msgID)).toEqual(sent.slice(0, 1));
    expect(older.hasMore).toBe(false);
    const caughtUp = (
      await server.get<Page>(`/api/conversations/c2c_bob/messages?after=${newest.cursor}`, tokens.carol)
    ).body.data as Page;
    expect(caughtUp).toMatchObject({ messages: [], cursor: newest.cursor, hasMore: false });
    const latest = await send();
    const after = (
      await server.get<Page>(`/api/conversations/c2c_bob/messages?after=${newest.cursor}`, tokens.carol)
    ).body.data as Page;
    expect(after.messages.map((message) => message.msgID)).toEqual([latest]);
  });

  it('refuses a malformed conversation id or cursor with 400', async () => {
    expect((await server.get('/api/conversations/team/messages', tokens.alice)).status).toBe(400);
    expect((await server.get('/api/conversations/c2c_bob/messages?after=-1', tokens.alice)).status).toBe(400);
    expect((await server.get('/api/conversations/c2c_bob/messages?limit=0', tokens.alice)).status).toBe(400);
  });
});

describe('directory', () => {
  it('lists users, and only the caller’s groups with their members', async () => {
    const users = (await server.get<{ userID: string }[]>('/api/users', tokens.dave)).body.data;
    expect(users?.map((user) => user.userID)).toEqual(['alice', 'bob', 'carol', 'dave']);
    const groups = (
      await server.get<{ groupID: string; members: { userID: string }[] }[]>('/api/groups', tokens.alice)
    ).body.data;
    expect(groups).toEqual([
      {
        groupID: 'team',
        name: 'Team',
        members: [
          { userID: 'alice', nickName: 'Alice' },
          { userID: 'bob', nickName: 'Bob' },
          { userID: 'carol', nickName: 'Carol' },
        ],
      },
    ]);
    expect((await server.get('/api/groups', tokens.dave)).body.data).toEqual([]);
  });
});
