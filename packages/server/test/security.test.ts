// Security checks that auth.test.ts, visibility.test.ts, files.test.ts, idempotency.test.ts and
// staticAndCors.test.ts do not already make: every read path (single reads, conversation lists with and
// without cursors, the event stream's Last-Event-ID replay, and every image variant by signed link and by
// Bearer token) for each kind of message and each kind of viewer; path traversal through ids, names,
// conversation ids, image URLs and the single-page-app route; what served images may be taken for; and
// CORS for origins that are configured, nearly configured, or not configured at all.

import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED } from '../src';
import { loadUrlSigner, type UrlSigner } from '../src/files/urlSigner';
import type { ViewerMessage } from '../src/messages/toV2TimMessage';
import { fixture, newId, sha256, startTestServer, type TestServer } from './support/testServer';

interface Page {
  messages: ViewerMessage[];
  cursor: string;
  hasMore: boolean;
}

const APP_ORIGIN = 'http://app.example';
const SECRET = 'TOP-SECRET-NEXT-TO-THE-APP';
const USERS = ['alice', 'bob', 'carol', 'dave', 'eve'] as const;
type User = (typeof USERS)[number];

let sandbox: string;
let server: TestServer;
let signer: UrlSigner;
const tokens = {} as Record<User, string>;

/** The three kinds of message, all sent by alice, with who may and may not see each. */
const kinds = {
  c2c: { params: { receiver: 'bob' }, allowed: ['alice', 'bob'], denied: ['carol', 'dave', 'eve'] },
  group: { params: { groupID: 'team' }, allowed: ['alice', 'bob', 'carol'], denied: ['dave', 'eve'] },
  targeted: {
    params: { groupID: 'team', receiver: 'bob' },
    allowed: ['alice', 'bob'],
    denied: ['carol', 'dave', 'eve'],
  },
} as const;
type Kind = keyof typeof kinds;
const sent = {} as Record<Kind, ViewerMessage>;
/** Where each message is listed, from each allowed viewer's side. */
const conversationOf = (kind: Kind, viewer: User) =>
  kind === 'c2c' ? `c2c_${viewer === 'alice' ? 'bob' : 'alice'}` : 'group_team';

beforeAll(async () => {
  sandbox = await mkdtemp(join(tmpdir(), 'im-security-'));
  const appDir = join(sandbox, 'app');
  await mkdir(join(appDir, 'assets'), { recursive: true });
  await writeFile(join(appDir, 'index.html'), '<!doctype html><title>chat</title>');
  await writeFile(join(appDir, 'assets', 'app.js'), 'console.log(1)');
  // Files beside the app and the data directory that no URL may reach.
  await writeFile(join(sandbox, 'secret.txt'), SECRET);
  await writeFile(join(sandbox, 'package.json'), `{"name":"${SECRET}"}`);
  server = await startTestServer({
    dataDir: join(sandbox, 'data'),
    staticDir: appDir,
    corsOrigins: [APP_ORIGIN, /^http:\/\/localhost:\d+$/],
    seed: {
      users: [
        ...DEFAULT_SEED.users,
        { userID: 'dave', nickName: 'Dave' },
        { userID: 'eve', nickName: 'Eve' },
      ],
      groups: DEFAULT_SEED.groups,
    },
  });
  for (const user of USERS) tokens[user] = await server.login(user);
  signer = await loadUrlSigner(server.dataDir, 3600);
  // Big enough for real THUMB and LARGE files (not the original reused).
  const photo = await sharp({ create: { width: 1000, height: 800, channels: 3, background: '#47a' } })
    .jpeg()
    .toBuffer();
  for (const kind of Object.keys(kinds) as Kind[]) {
    const { status, body } = await server.send(tokens.alice, { bytes: photo, ...kinds[kind].params });
    if (status !== 200) throw new Error(body.desc);
    sent[kind] = body.data as ViewerMessage;
  }
});
afterAll(async () => {
  await server.dispose();
  await rm(sandbox, { recursive: true, force: true });
});

/** A GET whose path is sent exactly as written (fetch would resolve `..` and `%2e%2e` first). */
function rawGet(path: string, headers: Record<string, string> = {}) {
  const { hostname, port } = new URL(server.url);
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request({ host: hostname, port, path, headers }, (res) => {
        let body = '';
        res.setEncoding('latin1');
        res.on('data', (text: string) => {
          body += text;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    },
  );
}

const urlOf = (message: ViewerMessage, type: number) =>
  message.imageElem?.imageList?.find((image) => image.type === type)?.url as string;
const VARIANTS = [
  ['origin', 0],
  ['thumb', 1],
  ['large', 2],
] as const;

describe('every read path shows a message only to those who may see it', () => {
  describe.each(Object.keys(kinds) as Kind[])('%s message', (kind) => {
    const { allowed, denied } = kinds[kind];

    it('GET /api/messages/:id: 200 for its viewers, 404 (not 403: nothing to probe) for anyone else', async () => {
      for (const user of allowed) {
        const read = await server.get<ViewerMessage>(`/api/messages/${sent[kind].id}`, tokens[user]);
        expect(read.status, user).toBe(200);
        expect(read.body.data?.msgID).toBe(sent[kind].msgID);
      }
      for (const user of denied) {
        const read = await server.get<ViewerMessage>(`/api/messages/${sent[kind].id}`, tokens[user]);
        expect([read.status, read.body.code], user).toEqual([404, 7004]);
        expect(JSON.stringify(read.body)).not.toContain(sent[kind].msgID);
      }
      expect((await server.get(`/api/messages/${sent[kind].id}`)).status).toBe(401);
    });

    it('conversation lists, newest and with after / before cursors, never include it for others', async () => {
      const cursors = [
        '',
        '?after=0',
        '?before=999999999',
        '?after=0&limit=1',
        '?before=999999999&limit=200',
      ];
      for (const user of allowed) {
        const page = await server.get<Page>(
          `/api/conversations/${conversationOf(kind, user)}/messages`,
          tokens[user],
        );
        expect(page.body.data?.messages.map((m) => m.msgID)).toContain(sent[kind].msgID);
      }
      for (const user of denied) {
        for (const conversation of ['c2c_alice', 'c2c_bob', 'group_team', `c2c_${user}`]) {
          for (const query of cursors) {
            const page = await server.get<Page>(
              `/api/conversations/${conversation}/messages${query}`,
              tokens[user],
            );
            // A group the user is not in is 403; anything else may answer, but never with this message.
            if (conversation === 'group_team' && user !== 'carol') expect(page.status).toBe(403);
            else expect(page.status).toBe(200);
            expect(JSON.stringify(page.body), `${user} ${conversation}${query}`).not.toContain(
              sent[kind].msgID,
            );
          }
        }
      }
    });

    it.each(VARIANTS)('%s: each viewer’s own link and Bearer token work', async (variant, type) => {
      for (const user of allowed) {
        const mine = (await server.get<ViewerMessage>(`/api/messages/${sent[kind].id}`, tokens[user])).body
          .data as ViewerMessage;
        const link = new URL(urlOf(mine, type));
        expect(link.pathname).toBe(`/files/${sent[kind].id}/${variant}`);
        expect(link.searchParams.get('u')).toBe(user);
        expect((await fetch(link)).status, user).toBe(200);
        const byToken = await fetch(`${server.url}${link.pathname}`, {
          headers: { authorization: `Bearer ${tokens[user]}` },
        });
        expect(byToken.status, user).toBe(200);
      }
    });

    it.each(VARIANTS)(
      '%s: refused to others by Bearer token, by a link signed for them, by HEAD',
      async (variant) => {
        const path = `/files/${sent[kind].id}/${variant}`;
        for (const user of denied) {
          const byToken = await fetch(`${server.url}${path}`, {
            headers: { authorization: `Bearer ${tokens[user]}` },
          });
          expect([byToken.status, ((await byToken.json()) as { code: number }).code], user).toEqual([
            403, 10007,
          ]);
          // A link the server really signed for them still goes through the visibility rule.
          const signed = await fetch(`${server.url}${path}?${signer.sign(path, user)}`);
          expect(signed.status, user).toBe(403);
          const head = await fetch(`${server.url}${path}`, {
            method: 'HEAD',
            headers: { authorization: `Bearer ${tokens[user]}` },
          });
          expect(head.status, user).toBe(403);
        }
      },
    );

    it.each(VARIANTS)(
      '%s: forged, altered, expired, reused or missing signatures are refused',
      async (variant, type) => {
        const link = new URL(urlOf(sent[kind], type));
        const path = link.pathname;
        const query = Object.fromEntries(link.searchParams) as { u: string; exp: string; sig: string };
        const attempt = async (search: string, headers: Record<string, string> = {}) =>
          (await fetch(`${server.url}${path}${search}`, { headers })).status;
        const sigOf = (bytes: number[]) => Buffer.from(bytes).toString('base64url');

        expect(await attempt(link.search)).toBe(200);
        // Another viewer put in the link alice got.
        expect(await attempt(`?u=${denied[0]}&exp=${query.exp}&sig=${query.sig}`)).toBe(403);
        // An expiry pushed later, a random signature, a truncated one, an empty one, none at all.
        expect(await attempt(`?u=alice&exp=${Number(query.exp) + 3600}&sig=${query.sig}`)).toBe(403);
        expect(
          await attempt(`?u=alice&exp=${query.exp}&sig=${sigOf(Array.from({ length: 32 }, (_, i) => i))}`),
        ).toBe(403);
        expect(await attempt(`?u=alice&exp=${query.exp}&sig=${query.sig.slice(0, 20)}`)).toBe(403);
        expect(await attempt(`?u=alice&exp=${query.exp}&sig=`)).toBe(403);
        expect(await attempt(`?u=alice&exp=${query.exp}`)).toBe(403);
        expect(await attempt(`?u=alice&exp=soon&sig=${query.sig}`)).toBe(403);
        expect(await attempt('')).toBe(401);
        // Signed for this viewer, but expired.
        const expired = await fetch(
          `${server.url}${path}?${signer.sign(path, 'alice', Math.floor(Date.now() / 1000) - 3 * 86_400)}`,
        );
        expect(expired.status).toBe(403);
        expect(((await expired.json()) as { desc: string }).desc).toMatch(/expired/);
        // A link is for one path: the same query on another variant or another message does not work.
        const other = VARIANTS.find(([name]) => name !== variant)?.[0];
        expect((await fetch(`${server.url}/files/${sent[kind].id}/${other}${link.search}`)).status).toBe(403);
        const otherKind = kind === 'c2c' ? 'group' : 'c2c';
        expect(
          (await fetch(`${server.url}/files/${sent[otherKind].id}/${variant}${link.search}`)).status,
        ).toBe(403);
        // An unknown token is 401 even next to a valid signature.
        expect(await attempt(link.search, { authorization: 'Bearer not-a-real-token-but-long-enough' })).toBe(
          401,
        );
      },
    );

    it('the event stream’s Last-Event-ID replay sends it to its viewers only', async () => {
      for (const user of [...allowed, ...denied]) {
        const replayed = await replayFor(user);
        expect(replayed.includes(sent[kind].msgID as string), user).toBe(
          (allowed as readonly string[]).includes(user),
        );
      }
    });
  });

  it('an image variant name that is an Object.prototype key is a 404, not a 500', async () => {
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf']) {
      const response = await fetch(`${server.url}/files/${sent.c2c.id}/${name}`, {
        headers: { authorization: `Bearer ${tokens.alice}` },
      });
      expect([response.status, ((await response.json()) as { code: number }).code], name).toEqual([
        404, 7004,
      ]);
    }
  });
});

/**
 * Everything the event stream replays to `user` after Last-Event-ID 0. Replay comes before live events,
 * so once a sentinel sent to `user` after connecting arrives, the replay is complete.
 */
async function replayFor(user: User): Promise<string[]> {
  const controller = new AbortController();
  const response = await fetch(`${server.url}/api/events`, {
    headers: { authorization: `Bearer ${tokens[user]}`, 'last-event-id': '0' },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const seen: string[] = [];
  let buffer = '';
  let sentinel: string | undefined;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('the stream ended');
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (/^event: ready$/m.test(block)) {
          // Connected and replayed: now send the sentinel (to the user, from someone else).
          const from = user === 'eve' ? 'dave' : 'eve';
          const { body } = await server.send(tokens[from], { bytes: fixture('photo.jpg'), receiver: user });
          sentinel = body.data?.msgID;
        } else if (/^event: message$/m.test(block) && data) {
          const msgID = (JSON.parse(data) as ViewerMessage).msgID as string;
          if (msgID === sentinel) return seen;
          seen.push(msgID);
        }
      }
    }
  } finally {
    controller.abort();
  }
}

describe('no path traversal', () => {
  const NOT_LEAKED = [SECRET, 'SQLite format 3', 'root:x:0:0', '"name":"@image-message/server"'];
  const expectNothingLeaked = (body: string, label: string) => {
    for (const marker of NOT_LEAKED) expect(body, label).not.toContain(marker);
  };

  it('through message ids in reads: ../, encoded NUL, encoded dots, very long ids', async () => {
    const ids = [
      '..%2F..%2Fim.sqlite',
      '..%2F..%2F..%2Fsecret.txt',
      '%2e%2e',
      '..',
      'a%00b',
      '%00',
      `img_${'0'.repeat(61)}`,
      'x'.repeat(4000),
    ];
    for (const id of ids) {
      const response = await rawGet(`/api/messages/${id}`, { authorization: `Bearer ${tokens.alice}` });
      expect([400, 404, 414, 431], id.slice(0, 40)).toContain(response.status);
      expectNothingLeaked(response.body, id.slice(0, 40));
    }
    expect((await server.get('/api/health')).status).toBe(200);
  });

  it('through message ids in uploads: encoded NUL, encoded slashes and very long ids store nothing', async () => {
    const before = await server.storedFiles();
    for (const id of ['a%00b', '..%2F..%2Fsecret', '%2e%2e%2f%2e%2e%2fx', 'x'.repeat(65), 'x'.repeat(4000)]) {
      const response = await fetch(`${server.url}/api/messages/${id}?receiver=bob`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${tokens.alice}` },
        body: fixture('photo.jpg'),
      });
      expect([400, 404, 414, 431], id.slice(0, 40)).toContain(response.status);
    }
    expect(await server.storedFiles()).toEqual(before);
    expect((await readdir(sandbox)).sort()).toEqual(['app', 'data', 'package.json', 'secret.txt']);
  });

  it('through X-File-Name: only a sanitized display name is kept; disk names are the server’s own', async () => {
    const names = [
      '../../x',
      '..\\..\\x',
      '/etc/passwd',
      '%2e%2e%2f%2e%2e%2fx',
      '../../../secret.txt',
      'a/../../b.png',
    ];
    const expected = ['x', 'x', 'passwd', '%2e%2e%2f%2e%2e%2fx', 'secret.txt', 'b.png'];
    for (const [i, fileName] of names.entries()) {
      const { status, body } = await server.send(tokens.alice, {
        bytes: fixture('photo.jpg'),
        receiver: 'bob',
        fileName,
      });
      expect(status).toBe(200);
      const response = await fetch(urlOf(body.data as ViewerMessage, 0));
      expect(response.headers.get('content-disposition')).toBe(
        `inline; filename*=UTF-8''${encodeURIComponent(expected[i] as string)}`,
      );
    }
    for (const name of (await server.storedFiles()).images) {
      expect(name).toMatch(/^img_[0-9a-f]{32}_[0-9a-f]{12}_(origin|thumb|large)\.(jpg|png|gif|bmp|webp)$/);
    }
    expect((await readdir(sandbox)).sort()).toEqual(['app', 'data', 'package.json', 'secret.txt']);
  });

  it('through conversation ids: refused with 400, never read', async () => {
    for (const id of [
      'c2c_..%2Fetc',
      'c2c_..%2F..%2Fim.sqlite',
      'group_..%2Fteam',
      'c2c_%00',
      'c2c_a%2Fb',
      `c2c_${'a'.repeat(65)}`,
    ]) {
      const response = await rawGet(`/api/conversations/${id}/messages`, {
        authorization: `Bearer ${tokens.alice}`,
      });
      expect([response.status, JSON.parse(response.body).code], id).toEqual([400, 6017]);
    }
    // Dots alone are legal in user ids: no such user, so no such conversation and nothing in it.
    const dots = await server.get<Page>('/api/conversations/c2c_../messages', tokens.alice);
    expect(dots.body.data?.messages).toEqual([]);
  });

  it('through image URLs: no path outside images/ is ever served', async () => {
    const paths = [
      '/files/../../im.sqlite',
      '/files/../data/im.sqlite',
      '/files/..%2F..%2Fim.sqlite/origin',
      `/files/${sent.c2c.id}/..%2F..%2F..%2Fim.sqlite`,
      `/files/${sent.c2c.id}/..%2F..%2Furl-signing.key`,
      '/files/%2e%2e/%2e%2e',
      '/files/%2e%2e%2f%2e%2e%2fim.sqlite/origin',
      `/files/${sent.c2c.id}%00/origin`,
      '/files//etc/passwd',
      '/files/%2Fetc%2Fpasswd/origin',
    ];
    for (const path of paths) {
      for (const headers of [
        {},
        { authorization: `Bearer ${tokens.alice}` },
        { accept: 'text/html' },
      ] as Record<string, string>[]) {
        const response = await rawGet(path, headers);
        // 404 from the file route, 403 from the static files' own traversal guard, 400/401 otherwise.
        expect([400, 401, 403, 404], path).toContain(response.status);
        expectNothingLeaked(response.body, path);
      }
    }
  });

  it('through the single-page app route: only the app’s files, or its index.html', async () => {
    const paths = [
      '/..%2F..%2Fpackage.json',
      '/..%2fsecret.txt',
      '/%2e%2e/',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/../secret.txt',
      '/../data/im.sqlite',
      '/assets/..%2F..%2Fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/....//secret.txt',
      '/%252e%252e/secret.txt',
      '/.%2e/data/url-signing.key',
      '/secret.txt%00.html',
    ];
    for (const path of paths) {
      for (const headers of [{}, { accept: 'text/html' }] as Record<string, string>[]) {
        const response = await rawGet(path, headers);
        expectNothingLeaked(response.body, path);
        if (response.status === 200) expect(response.body, path).toContain('<title>chat</title>');
        else expect([400, 403, 404], path).toContain(response.status);
      }
    }
    // The app's own files still work.
    expect((await rawGet('/assets/app.js')).body).toBe('console.log(1)');
  });
});

describe('served images cannot be run as anything but images', () => {
  const bad = (name: string) => join(import.meta.dirname, '../../../tests/fixtures/bad', name);
  const read = async (path: string) => new Uint8Array(await readFile(path));

  it('every format and variant gets a fixed image type, nosniff and a sandboxing CSP', async () => {
    const bmp = Buffer.alloc(54 + 300 * 3 * 250);
    bmp.write('BM', 0, 'latin1');
    bmp.writeUInt32LE(bmp.length, 2);
    bmp.writeUInt32LE(54, 10);
    bmp.writeUInt32LE(40, 14);
    bmp.writeInt32LE(300, 18);
    bmp.writeInt32LE(250, 22);
    bmp.writeUInt16LE(1, 26);
    bmp.writeUInt16LE(24, 28);
    const big = (format: 'png' | 'gif' | 'webp' | 'jpeg') =>
      sharp({ create: { width: 900, height: 800, channels: 3, background: '#a52' } })
        [format]()
        .toBuffer();
    // Content types of ORIGIN, THUMB and LARGE.
    const uploads: [string, Uint8Array, string[]][] = [
      ['jpeg', await big('jpeg'), ['image/jpeg', 'image/jpeg', 'image/jpeg']],
      ['png', await big('png'), ['image/png', 'image/png', 'image/png']],
      ['gif', await big('gif'), ['image/gif', 'image/gif', 'image/gif']],
      ['webp', await big('webp'), ['image/webp', 'image/webp', 'image/webp']],
      // A BMP's THUMB is written as PNG; its LARGE (250 px high, under 720) is the original itself.
      ['bmp', bmp, ['image/bmp', 'image/png', 'image/bmp']],
    ];
    for (const [format, bytes, types] of uploads) {
      // Named and declared as HTML: only the bytes decide.
      const { status, body } = await server.send(tokens.alice, {
        bytes,
        receiver: 'bob',
        fileName: 'page.html',
      });
      expect(status, format).toBe(200);
      for (const [variant, type] of VARIANTS) {
        const response = await fetch(urlOf(body.data as ViewerMessage, type));
        expect(response.status, `${format} ${variant}`).toBe(200);
        expect(response.headers.get('content-type'), `${format} ${variant}`).toBe(types[type]);
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
        if (type === 0) {
          expect(response.headers.get('content-disposition')).toBe("inline; filename*=UTF-8''page.html");
          expect(sha256(Buffer.from(await response.arrayBuffer()))).toBe(sha256(bytes));
        } else await response.arrayBuffer();
      }
    }
  });

  it('SVG (script inside, any name or type) is refused and never stored, so never served', async () => {
    const before = await server.storedFiles();
    for (const [file, contentType, fileName] of [
      ['svg-script-as-png.png', 'image/svg+xml', 'cat.svg'],
      ['svg-bom-prolog-as-jpg.jpg', 'image/jpeg', 'badge.jpg'],
      ['html-inline-svg-as-png.png', 'text/html', 'logo.html'],
    ]) {
      const id = newId();
      const response = await fetch(`${server.url}/api/messages/${id}?receiver=bob`, {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${tokens.alice}`,
          'content-type': contentType as string,
          'x-file-name': fileName as string,
        },
        body: await read(bad(file as string)),
      });
      expect(response.status, file).toBe(415);
      expect(
        (
          await fetch(`${server.url}/files/${id}/origin`, {
            headers: { authorization: `Bearer ${tokens.alice}` },
          })
        ).status,
      ).toBe(404);
    }
    expect(await server.storedFiles()).toEqual(before);
  });

  it('an accepted GIF that is also valid JavaScript, and a PNG with HTML in a text chunk, stay images', async () => {
    for (const [file, type] of [
      ['gif-js-polyglot.gif', 'image/gif'],
      ['png-html-in-text-chunk.png', 'image/png'],
    ]) {
      const bytes = await read(bad(file as string));
      const { status, body } = await server.send(tokens.alice, { bytes, receiver: 'bob', fileName: 'x.js' });
      expect(status, file).toBe(200);
      for (const [, variant] of VARIANTS) {
        const response = await fetch(urlOf(body.data as ViewerMessage, variant));
        expect(response.headers.get('content-type'), file).toBe(type);
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
        await response.arrayBuffer();
      }
    }
  });
});

describe('CORS', () => {
  const preflight = (url: string, origin: string, method = 'PUT') =>
    fetch(url, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': method,
        'access-control-request-headers': 'authorization,content-type,x-file-name',
      },
    });

  it('answers a configured origin on the API, the event stream and images, without credentials', async () => {
    const api = await fetch(`${server.url}/api/users`, {
      headers: { origin: APP_ORIGIN, authorization: `Bearer ${tokens.alice}` },
    });
    expect(api.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(api.headers.get('vary')).toMatch(/origin/i);
    expect(api.headers.get('access-control-allow-credentials')).toBeNull();
    const image = await fetch(urlOf(sent.c2c, 0), { headers: { origin: APP_ORIGIN } });
    expect(image.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(image.headers.get('access-control-expose-headers')).toMatch(/content-disposition/i);
    await image.arrayBuffer();
    const events = new AbortController();
    const stream = await fetch(`${server.url}/api/events?token=${tokens.alice}`, {
      headers: { origin: APP_ORIGIN },
      signal: events.signal,
    });
    expect(stream.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    events.abort();
    const pre = await preflight(
      `${server.url}/api/messages/${newId()}?receiver=bob`,
      'http://localhost:3000',
    );
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('gives near-miss and unconfigured origins no CORS headers anywhere, preflight included', async () => {
    const strangers = [
      'http://app.example.evil.com',
      'https://app.example',
      'http://evil.example',
      'null',
      'http://localhost:5173.evil.com',
      'http://evil-localhost:1',
      'http://localhost',
    ];
    for (const origin of strangers) {
      const pre = await preflight(`${server.url}/api/messages/${newId()}?receiver=bob`, origin);
      // @fastify/cors still lists the allowed methods and headers, which is harmless: without
      // Access-Control-Allow-Origin the browser fails the preflight and never sends the request.
      expect(pre.headers.get('access-control-allow-origin'), origin).toBeNull();
      expect(pre.headers.get('access-control-allow-credentials'), origin).toBeNull();
      const api = await fetch(`${server.url}/api/users`, {
        headers: { origin, authorization: `Bearer ${tokens.alice}` },
      });
      expect(api.headers.get('access-control-allow-origin'), origin).toBeNull();
      const image = await fetch(urlOf(sent.c2c, 0), { headers: { origin } });
      expect(image.headers.get('access-control-allow-origin'), origin).toBeNull();
      await image.arrayBuffer();
      const events = new AbortController();
      const stream = await fetch(`${server.url}/api/events?token=${tokens.alice}`, {
        headers: { origin },
        signal: events.signal,
      });
      expect(stream.headers.get('access-control-allow-origin'), origin).toBeNull();
      events.abort();
    }
  });

  it('a server with no configured origins sends no CORS headers at all', async () => {
    const plain = await startTestServer();
    try {
      const token = await plain.login('alice');
      const pre = await preflight(
        `${plain.url}/api/messages/${newId()}?receiver=bob`,
        'http://localhost:5173',
      );
      expect(pre.headers.get('access-control-allow-origin')).toBeNull();
      expect(pre.headers.get('access-control-allow-methods')).toBeNull();
      const api = await fetch(`${plain.url}/api/users`, {
        headers: { origin: 'http://localhost:5173', authorization: `Bearer ${token}` },
      });
      expect(api.status).toBe(200);
      expect([...api.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    } finally {
      await plain.dispose();
    }
  });
});
