import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ViewerMessage } from '../src/messages/toV2TimMessage';
import { fixture, sha256, startTestServer, type TestServer } from './support/testServer';

let server: TestServer;
let alice: string;

beforeAll(async () => {
  server = await startTestServer();
  alice = await server.login('alice');
});
afterAll(() => server.dispose());

async function sendBytes(bytes: Uint8Array): Promise<ViewerMessage> {
  const { status, body } = await server.send(alice, { bytes, receiver: 'bob', fileName: 'photo.jpg' });
  if (status !== 200) throw new Error(`${status} ${body.desc}`);
  return body.data as ViewerMessage;
}

const entry = (message: ViewerMessage, type: number) =>
  message.imageElem?.imageList?.find((image) => image.type === type) as {
    url: string;
    width: number;
    height: number;
    size?: number;
  };

async function download(url: string) {
  const response = await fetch(url);
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** A noisy gradient, so encoders cannot shrink it to nothing. */
function photo(width: number, height: number) {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 37 + (i >> 7)) & 255;
  return sharp(pixels, { raw: { width, height, channels: 3 } });
}

/** A bottom-up 24-bit BMP (BGR rows padded to 4 bytes) from raw RGB pixels. */
function toBmp(rgb: Buffer, width: number, height: number): Buffer {
  const row = Math.ceil((width * 3) / 4) * 4;
  const data = Buffer.alloc(54 + row * height);
  data.write('BM', 0, 'latin1');
  data.writeUInt32LE(data.length, 2);
  data.writeUInt32LE(54, 10);
  data.writeUInt32LE(40, 14);
  data.writeInt32LE(width, 18);
  data.writeInt32LE(height, 22);
  data.writeUInt16LE(1, 26);
  data.writeUInt16LE(24, 28);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const from = ((height - 1 - y) * width + x) * 3;
      const to = 54 + y * row + x * 3;
      data[to] = rgb[from + 2] as number;
      data[to + 1] = rgb[from + 1] as number;
      data[to + 2] = rgb[from] as number;
    }
  }
  return data;
}

describe('served images', () => {
  it('carry a fixed content type, nosniff, a restrictive CSP and private caching', async () => {
    // PNG bytes declared as JPEG and named .jpg: served as what they are.
    const message = await sendBytes(fixture('image.png'));
    const { response } = await download(entry(message, 0).url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('cache-control')).toMatch(/^private/);
  });

  it('ORIGIN is byte-identical to the upload, for every accepted format', async () => {
    for (const name of [
      'photo.jpg',
      'photo-exif6.jpg',
      'image.png',
      'image.gif',
      'image.bmp',
      'extended.webp',
    ]) {
      const bytes = fixture(name);
      const { bytes: served } = await download(entry(await sendBytes(bytes), 0).url);
      expect(sha256(served), name).toBe(sha256(bytes));
    }
  });

  it('answers a conditional GET with 304', async () => {
    const message = await sendBytes(fixture('photo.jpg'));
    const url = entry(message, 0).url;
    const etag = (await download(url)).response.headers.get('etag') as string;
    // Strong (the stored file never changes), the same on every GET, another image's is another.
    expect(etag).toMatch(/^"[^"]+"$/);
    expect((await download(url)).response.headers.get('etag')).toBe(etag);
    const other = await sendBytes(fixture('photo.jpg'));
    expect((await download(entry(other, 0).url)).response.headers.get('etag')).not.toBe(etag);
    expect((await fetch(url, { headers: { 'if-none-match': etag } })).status).toBe(304);
  });
});

describe('THUMB and LARGE follow the SDK rule', () => {
  it('a small image (shorter side ≤ 198 px) uses the original for all three', async () => {
    const message = await sendBytes(fixture('photo.jpg'));
    const [origin, thumb, large] = [0, 1, 2].map((type) => entry(message, type));
    for (const variant of [thumb, large]) {
      expect(variant).toMatchObject({ width: 64, height: 48, size: origin?.size });
      expect(sha256((await download(variant?.url as string)).bytes)).toBe(sha256(fixture('photo.jpg')));
    }
  });

  it('a 1200×900 JPEG gets a 264×198 THUMB and a 960×720 LARGE, stated and real', async () => {
    const message = await sendBytes(await photo(1200, 900).jpeg().toBuffer());
    expect(entry(message, 0)).toMatchObject({ width: 1200, height: 900 });
    expect(entry(message, 1)).toMatchObject({ width: 264, height: 198 });
    expect(entry(message, 2)).toMatchObject({ width: 960, height: 720 });
    for (const type of [1, 2]) {
      // Asked for at once: the download waits for the background job.
      const { response, bytes } = await download(entry(message, type).url);
      expect(response.headers.get('content-type')).toBe('image/jpeg');
      const meta = await sharp(bytes).metadata();
      expect({ width: meta.width, height: meta.height }).toEqual({
        width: entry(message, type).width,
        height: entry(message, type).height,
      });
    }
    // Once made, a read states each variant's size too.
    const reread = (await server.get<ViewerMessage>(`/api/messages/${message.id}`, alice)).body
      .data as ViewerMessage;
    expect(entry(reread, 1).size).toBe((await download(entry(reread, 1).url)).bytes.length);
  });

  it('a portrait photo with EXIF orientation 6 is measured and resized upright', async () => {
    // Stored 1000×800, displayed 800×1000.
    const bytes = await photo(1000, 800).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const message = await sendBytes(bytes);
    expect(entry(message, 0)).toMatchObject({ width: 800, height: 1000 });
    expect(entry(message, 1)).toMatchObject({ width: 198, height: 248 });
    expect(entry(message, 2)).toMatchObject({ width: 720, height: 900 });
    const meta = await sharp((await download(entry(message, 1).url)).bytes).metadata();
    expect([meta.width, meta.height, meta.orientation ?? 1]).toEqual([198, 248, 1]);
  });

  it('a BMP (which libvips cannot read) gets PNG variants', async () => {
    const data = toBmp(await photo(300, 250).raw().toBuffer(), 300, 250);
    const message = await sendBytes(data);
    expect(entry(message, 1)).toMatchObject({ width: 238, height: 198 });
    expect(entry(message, 2)).toMatchObject({ width: 300, height: 250 });
    const { response, bytes } = await download(entry(message, 1).url);
    expect(response.headers.get('content-type')).toBe('image/png');
    const meta = await sharp(bytes).metadata();
    expect([meta.format, meta.width, meta.height, meta.hasAlpha]).toEqual(['png', 238, 198, false]);
    // The LARGE of a 250 px-high image is the original BMP itself.
    expect(sha256((await download(entry(message, 2).url)).bytes)).toBe(sha256(data));
  });

  it('a BMP claiming 10000×10000 pixels in a few bytes is not decoded: its variants are the original', async () => {
    const bomb = toBmp(Buffer.alloc(3 * 4 * 4), 4, 4);
    bomb.writeInt32LE(10_000, 18);
    bomb.writeInt32LE(10_000, 22);
    const message = await sendBytes(bomb);
    expect(entry(message, 1)).toMatchObject({ width: 198, height: 198 });
    const { response, bytes } = await download(entry(message, 1).url);
    expect(response.headers.get('content-type')).toBe('image/bmp');
    expect(sha256(bytes)).toBe(sha256(bomb));
    const reread = (await server.get<ViewerMessage>(`/api/messages/${message.id}`, alice)).body
      .data as ViewerMessage;
    expect(entry(reread, 1)).toMatchObject({ width: 10_000, height: 10_000, size: bomb.length });
  });

  it('an animated GIF keeps its frames in the THUMB', async () => {
    const frames = 3;
    const pixels = Buffer.alloc(400 * 300 * frames * 3);
    for (let i = 0; i < pixels.length; i++) pixels[i] = (i >> 9) & 255;
    const gif = await sharp(pixels, {
      raw: { width: 400, height: 300 * frames, channels: 3, pageHeight: 300 },
    })
      .gif()
      .toBuffer();
    const message = await sendBytes(gif);
    expect(entry(message, 0)).toMatchObject({ width: 400, height: 300 });
    expect(entry(message, 1)).toMatchObject({ width: 264, height: 198 });
    const meta = await sharp((await download(entry(message, 1).url)).bytes, { animated: true }).metadata();
    expect([meta.format, meta.pages, meta.width, meta.pageHeight]).toEqual(['gif', frames, 264, 198]);
  });
});
