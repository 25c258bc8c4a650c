import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadUrlSigner } from '../src/files/urlSigner';
import { fixture, newId, startTestServer, type TestServer } from './support/testServer';

let server: TestServer;
let alice: string;

beforeAll(async () => {
  server = await startTestServer();
  alice = await server.login('alice');
});
afterAll(() => server.dispose());

describe('sessions (a development stand-in for real sign-in)', () => {
  it('gives a known user a token and says who it belongs to', async () => {
    const response = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userID: 'bob' }),
    });
    const body = (await response.json()) as { code: number; data: { userID: string; token: string } };
    expect(body).toMatchObject({ code: 0, data: { userID: 'bob', nickName: 'Bob' } });
    expect(body.data.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await server.get('/api/session', body.data.token)).body.data).toEqual({
      userID: 'bob',
      nickName: 'Bob',
    });
  });

  it('refuses an unknown user or a malformed body with 400 / 6017', async () => {
    for (const body of [{ userID: 'mallory' }, { user: 'alice' }, 'alice']) {
      const response = await fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { code: number }).code).toBe(6017);
    }
  });
});

describe('without a valid token', () => {
  const routes = [
    '/api/users',
    '/api/groups',
    '/api/session',
    '/api/conversations/c2c_bob/messages',
    '/api/events',
  ];

  it.each(routes)('GET %s is 401 / 6014', async (route) => {
    for (const token of [undefined, 'not-a-real-token-but-long-enough']) {
      const response = await fetch(`${server.url}${route}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      expect(response.status).toBe(401);
      expect(((await response.json()) as { code: number }).code).toBe(6014);
    }
  });

  it('an upload is refused before anything is stored', async () => {
    const id = newId();
    const before = await server.storedFiles();
    const response = await fetch(`${server.url}/api/messages/${id}?receiver=bob`, {
      method: 'PUT',
      body: fixture('photo.jpg'),
    });
    expect(response.status).toBe(401);
    expect(await server.storedFiles()).toEqual(before);
    expect((await server.get(`/api/messages/${id}`, alice)).status).toBe(404);
  });

  it('a token in the query works only for the event stream', async () => {
    expect((await fetch(`${server.url}/api/users?token=${alice}`)).status).toBe(401);
  });

  it('an image needs a signature or a token, and an expired signature is refused', async () => {
    const { body } = await server.send(alice, { bytes: fixture('photo.jpg'), receiver: 'bob' });
    const url = new URL(body.data?.imageElem?.imageList?.[0]?.url as string);
    const bare = await fetch(`${server.url}${url.pathname}`);
    expect([bare.status, ((await bare.json()) as { code: number }).code]).toEqual([401, 6014]);
    const signer = await loadUrlSigner(server.dataDir, 3600);
    const yesterday = Math.floor(Date.now() / 1000) - 2 * 86_400;
    const expired = await fetch(
      `${server.url}${url.pathname}?${signer.sign(url.pathname, 'alice', yesterday)}`,
    );
    expect(expired.status).toBe(403);
    expect(((await expired.json()) as { desc: string }).desc).toMatch(/expired/);
  });
});
