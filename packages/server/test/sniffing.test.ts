import { readFileSync } from 'node:fs';
import { ErrorCode, readImageInfo } from '@image-message/core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badFileBytes } from '../../../tests/fixtures/badCorpus';
import { jpegWithLongPrologue } from './support/jpegWithLongPrologue';
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

// The server reads headers with core's readImageInfo, from the file on disk through core's byte-source
// seam: what core learns about real-world files, the server knows too, with no code of its own.
describe("core's header reader, from the uploaded file", () => {
  const realWorld = (name: string) =>
    readFileSync(new URL(`../../../tests/fixtures/real-world/${name}`, import.meta.url));

  it("accepts Pillow's junk_jpeg_header.jpg (stray bytes between segments) as 1024×768 and resizes it", async () => {
    const bytes = realWorld('junk_jpeg_header.jpg');
    const { status, body } = await server.send(alice, { bytes, receiver: 'bob' });
    expect(status).toBe(200);
    const [origin, thumb] = body.data?.imageElem?.imageList ?? [];
    expect(origin).toMatchObject({ width: 1024, height: 768, size: bytes.length });
    expect(thumb).toMatchObject({ width: 264, height: 198 });
    const variant = Buffer.from(await (await fetch(thumb?.url as string)).arrayBuffer());
    expect(await sharp(variant).metadata()).toMatchObject({ format: 'jpeg', width: 264, height: 198 });
  });

  it('reads the EXIF orientation and the frame header from behind 325 KB of segments', async () => {
    // Five 65 KB APP2 segments right after SOI: the frame header lies far past the upload's head.
    const bytes = await jpegWithLongPrologue(5, { orientation: 6 });
    const { status, body } = await server.send(alice, { bytes, receiver: 'bob' });
    expect(status).toBe(200);
    expect(body.data?.imageElem?.imageList?.[0]).toMatchObject({ width: 48, height: 64 });
  });

  it.each([
    ['jp2-as-jpg.jpg', 'JPEG 2000'],
    ['j2k-codestream-as-png.png', 'JPEG 2000'],
    ['jxr-as-jpg.jpg', 'JPEG XR'],
    ['jpeg-ls-as-jpg.jpg', 'JPEG-LS'],
    ['qoi-as-png.png', 'QOI'],
    ['dds-as-png.png', 'DDS'],
    ['icns-as-png.png', 'ICNS'],
    ['bpg-as-jpg.jpg', 'BPG'],
    ['heif-mif3-miaf-as-jpg.jpg', 'HEIC/HEIF'],
  ])('refuses %s with 415 / 2252 naming %s', async (file, name) => {
    const { status, body } = await server.send(alice, { bytes: badFileBytes(file), receiver: 'bob' });
    expect([status, body.code]).toEqual([415, ErrorCode.IMAGE_TYPE_LIMIT]);
    expect(body.desc).toContain(name);
  });

  it.each(['bmp-2-bits-per-pixel.bmp', 'bmp-64-bits-per-pixel.bmp'])(
    'refuses %s, a depth browsers do not show, with 415 / 6031 saying why',
    async (file) => {
      const { status, body } = await server.send(alice, { bytes: badFileBytes(file), receiver: 'bob' });
      expect([status, body.code]).toEqual([415, ErrorCode.NOT_IMAGE]);
      expect(body.desc).toMatch(/\d+ bits per pixel/);
    },
  );
});
