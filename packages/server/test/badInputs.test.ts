// Every case of the bad-input corpus (tests/fixtures/bad/manifest.json, written by
// tests/fixtures/generate-bad.mjs) sent to the real server as a client that skips core's checks would send
// it: `PUT /api/messages/:id` with the corpus bytes, the claimed type as Content-Type and the hostile name,
// URI-encoded, in X-File-Name. The server judges the bytes itself and answers with core's code:
//
//   core code                         HTTP status
//   0     accepted                    200
//   6031  NOT_IMAGE                   415
//   2252  IMAGE_TYPE_LIMIT            415
//   7006  FILE_SIZE_EMPTY             400
//   7005  FILE_TOO_LARGE              413 (the 28 MiB + 1 case; refused on its Content-Length)
//
// A refused case leaves nothing: no message, no row in the conversation, no file in images/ or tmp/.
// An accepted case stores the bytes as they were, under the name core would have sanitized (never the
// raw hostile one), and no file appears anywhere outside DATA_DIR/images.
//
// The manifest's `imagePaths` cases are core-only: `imagePath` is a client-side notion (a local path or
// blob: URL checked by createImageMessage) and never reaches the server, so there is nothing to send here.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BadCase, badCaseBytes, badManifest } from '../../../tests/fixtures/badCorpus';
import type { ViewerMessage } from '../src/messages/toV2TimMessage';
import { eventually } from './support/eventually';
import { type Envelope, newId, sha256, startTestServer, type TestServer } from './support/testServer';

const { cases } = badManifest;

/** The HTTP status the server answers each core code with (the table above). */
const STATUS_FOR_CODE: Record<number, number> = { 0: 200, 6031: 415, 2252: 415, 7006: 400, 7005: 413 };

const MIME_FOR_FORMAT: Record<string, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  bmp: 'image/bmp',
  webp: 'image/webp',
};

/** `inline; filename*=UTF-8''…` as RFC 8187 spells it (`'()*` encoded too). */
const contentDisposition = (name: string) =>
  `inline; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;

// DATA_DIR sits three levels below a sandbox, so a name that climbed out of images/ with "../" (up to
// four levels) would land inside the sandbox, where the walk below finds it.
let sandbox: string;
let dataDir: string;
let server: TestServer;
let alice: string;

beforeAll(async () => {
  sandbox = await mkdtemp(join(tmpdir(), 'im-bad-inputs-'));
  dataDir = join(sandbox, 'a', 'b', 'data');
  await mkdir(dataDir, { recursive: true });
  server = await startTestServer({ dataDir });
  alice = await server.login('alice');
});
afterAll(async () => {
  await server.dispose();
  await rm(sandbox, { recursive: true, force: true });
});

// Refused cases go to carol and accepted ones to bob, so alice's conversation with carol must stay empty.
const receiverFor = (entry: BadCase) => (entry.expectedCode === 0 ? 'bob' : 'carol');

async function put(entry: BadCase, id: string) {
  const bytes = badCaseBytes(entry);
  const response = await fetch(`${server.url}/api/messages/${id}?receiver=${receiverFor(entry)}`, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${alice}`,
      // The claimed type, never trusted; an empty one is sent as "no type".
      ...(entry.mimeType ? { 'content-type': entry.mimeType } : {}),
      'x-file-name': encodeURIComponent(entry.fileName),
    },
    body: bytes,
  });
  return { bytes, status: response.status, body: (await response.json()) as Envelope<ViewerMessage> };
}

/** Every file under `dir`, relative to it. */
function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path).map((inner) => join(name, inner)) : [name];
  });
}

const STORED_NAME = /^img_[0-9a-f]{32}_[0-9a-f]{12}_(origin|thumb|large)\.(jpg|png|gif|bmp|webp)$/;

describe('the bad-input corpus against the server', () => {
  it('maps every code the corpus expects to an HTTP status', () => {
    for (const entry of cases) expect(STATUS_FOR_CODE[entry.expectedCode], entry.id).toBeDefined();
    // Both sides of the limit and every refusal are in the corpus.
    expect(new Set(cases.map((entry) => entry.expectedCode))).toEqual(new Set([0, 6031, 2252, 7006, 7005]));
  });

  it.each(cases.map((entry) => [`${entry.id} → ${STATUS_FOR_CODE[entry.expectedCode]}`, entry] as const))(
    '%s',
    async (_, entry) => {
      const id = newId();
      const { bytes, status, body } = await put(entry, id);
      expect(status).toBe(STATUS_FOR_CODE[entry.expectedCode]);
      expect(body.code).toBe(entry.expectedCode);

      if (entry.expectedCode !== 0) {
        expect(body.desc.length).toBeGreaterThan(20);
        if (entry.expectedCode === 7005) expect(body.desc).toContain('28 MB');
        expect(body.data).toBeUndefined();
        // Nothing stored: no message, no file (tmp/ empties once the server has unlinked the upload).
        expect((await server.get(`/api/messages/${id}`, alice)).status).toBe(404);
        await eventually(async () => expect((await server.storedFiles()).tmp).toEqual([]));
        expect((await server.storedFiles()).images.filter((name) => name.startsWith(id))).toEqual([]);
        return;
      }

      const origin = body.data?.imageElem?.imageList?.[0];
      expect(origin).toMatchObject({ type: 0, size: bytes.length });
      if (entry.expectedWidth !== undefined) {
        expect(origin).toMatchObject({ width: entry.expectedWidth, height: entry.expectedHeight });
      }
      const download = await fetch(origin?.url as string);
      expect(download.status).toBe(200);
      // Served as what the bytes are, under the sanitized name, never as what the client claimed.
      expect(download.headers.get('content-type')).toBe(MIME_FOR_FORMAT[entry.expectedFormat as string]);
      expect(download.headers.get('x-content-type-options')).toBe('nosniff');
      expect(download.headers.get('content-disposition')).toBe(
        contentDisposition(entry.expectedSanitizedName),
      );
      expect(sha256(Buffer.from(await download.arrayBuffer()))).toBe(sha256(bytes));
      if (entry.decodes === false) {
        // libvips cannot get pixels out (a header-only 65535×65535 PNG, a GIF/JS polyglot): the THUMB and
        // LARGE it cannot make are the original itself.
        for (const type of [1, 2]) {
          const variant = await fetch(body.data?.imageElem?.imageList?.[type]?.url as string);
          expect(variant.headers.get('content-type')).toBe(MIME_FOR_FORMAT[entry.expectedFormat as string]);
          expect(sha256(Buffer.from(await variant.arrayBuffer()))).toBe(sha256(bytes));
        }
      }
      // The files on disk are named by the server alone.
      for (const name of (await server.storedFiles()).images) expect(name).toMatch(STORED_NAME);
    },
  );

  it('stored no message for any refused case', async () => {
    const page = await server.get<{ messages: ViewerMessage[] }>(
      '/api/conversations/c2c_carol/messages?limit=200',
      alice,
    );
    expect(page.status).toBe(200);
    expect(page.body.data?.messages).toEqual([]);
    const accepted = cases.filter((entry) => entry.expectedCode === 0).length;
    const bobs = await server.get<{ messages: ViewerMessage[] }>(
      '/api/conversations/c2c_bob/messages?limit=200',
      alice,
    );
    expect(bobs.body.data?.messages).toHaveLength(accepted);
  });

  it('wrote nothing outside DATA_DIR/images, whatever the names said', () => {
    const outside = walk(sandbox).filter((path) => {
      const inData = relative(dataDir, join(sandbox, path));
      return inData.startsWith('..') || !/^(images\/|im\.sqlite|url-signing\.key)/.test(inData);
    });
    expect(outside).toEqual([]);
    expect(readdirSync(join(dataDir, 'tmp'))).toEqual([]);
    for (const path of ['/etc/passwd.png', '/win.ini.jpg', join(process.cwd(), 'passwd.png')]) {
      expect(existsSync(path), path).toBe(false);
    }
  });
});
