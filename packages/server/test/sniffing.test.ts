import { readImageInfo } from '@image-message/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, newId, sha256, startTestServer, type TestServer } from './support/testServer';

let server: TestServer;
let alice: string;

beforeAll(async () => {
  server = await startTestServer();
  alice = await server.login('alice');
});
afterAll(() => server.dispose());

const ACCEPTED = [
  ['photo.jpg', 'image/jpeg'],
  ['photo-exif6.jpg', 'image/jpeg'],
  ['progressive.jpg', 'image/jpeg'],
  ['image.png', 'image/png'],
  ['image.gif', 'image/gif'],
  ['image.bmp', 'image/bmp'],
  ['top-down.bmp', 'image/bmp'],
  ['lossy.webp', 'image/webp'],
  ['lossless.webp', 'image/webp'],
  ['extended.webp', 'image/webp'],
] as const;

const REFUSED_TYPE = ['image.heic', 'image.avif', 'image.tiff', 'image.svg', 'image.ico'];
const NOT_IMAGES = [
  'document-pdf.png',
  'truncated.jpg',
  'truncated.png',
  'truncated.gif',
  'crafted-length.jpg',
];

describe('accepted formats', () => {
  it.each(ACCEPTED)('%s is stored as %s with the dimensions core reads', async (name, mimeType) => {
    const bytes = fixture(name);
    const core = readImageInfo(bytes);
    if (!core.ok) throw new Error(`core refuses ${name}`);
    // The declared type and name are wrong on purpose: only the bytes count.
    const { status, body } = await server.send(alice, { bytes, receiver: 'bob', fileName: 'upload.txt' });
    expect(status).toBe(200);
    const origin = body.data?.imageElem?.imageList?.[0];
    expect(origin).toMatchObject({
      type: 0,
      size: bytes.length,
      width: core.info.width,
      height: core.info.height,
    });
    const response = await fetch(origin?.url as string);
    expect(response.headers.get('content-type')).toBe(mimeType);
    expect(sha256(Buffer.from(await response.arrayBuffer()))).toBe(sha256(bytes));
  });
});

describe('refused inputs store nothing', () => {
  it.each(REFUSED_TYPE)('%s is refused with 415 / 2252, as core refuses it', async (name) => {
    const bytes = fixture(name);
    expect(readImageInfo(bytes)).toMatchObject({ ok: false, code: 2252 });
    const id = newId();
    const before = await server.storedFiles();
    const { status, body } = await server.send(alice, { id, bytes, receiver: 'bob', fileName: 'photo.jpg' });
    expect(status).toBe(415);
    expect(body.code).toBe(2252);
    expect(body.desc).toMatch(/Convert it to JPEG, PNG, GIF, BMP or WebP/);
    expect(await server.storedFiles()).toEqual(before);
    expect((await server.get(`/api/messages/${id}`, alice)).status).toBe(404);
  });

  it.each(NOT_IMAGES)('%s is refused with 415 / 6031, as core refuses it', async (name) => {
    const bytes = fixture(name);
    expect(readImageInfo(bytes)).toMatchObject({ ok: false, code: 6031 });
    const id = newId();
    const before = await server.storedFiles();
    const { status, body } = await server.send(alice, { id, bytes, receiver: 'bob', fileName: 'image.png' });
    expect(status).toBe(415);
    expect(body.code).toBe(6031);
    expect(await server.storedFiles()).toEqual(before);
    expect((await server.get(`/api/messages/${id}`, alice)).status).toBe(404);
  });

  it('refuses text that merely mentions <svg> as not an image (6031)', async () => {
    const bytes = Buffer.from('hello <svg> world, this is plain text');
    const { status, body } = await server.send(alice, { bytes, receiver: 'bob' });
    expect([status, body.code]).toEqual([415, 6031]);
  });

  it('refuses a PNG signature with a broken header (libvips cannot read it) with 6031', async () => {
    const bytes = Buffer.from(fixture('image.png'));
    bytes.write('XXXX', 12, 'latin1'); // the IHDR chunk name
    expect(readImageInfo(bytes)).toMatchObject({ ok: false, code: 6031 });
    const { status, body } = await server.send(alice, { bytes, receiver: 'bob' });
    expect([status, body.code]).toEqual([415, 6031]);
  });
});
