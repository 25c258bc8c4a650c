import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rgbaToThumbHash } from 'thumbhash';
import { describe, expect, it } from 'vitest';
import { findLocationLeaks } from '../../../tests/fixtures/photoLeaks';
import { ErrorCode, placeholderToDataUrl, prepareImageFile, stripMetadata } from '../src';
import { fixture } from './fixtures';

// Node has neither Worker nor OffscreenCanvas: these tests cover the plain fallback that jsdom and old
// browsers get (metadata stripped, nothing decoded). The worker path is tested in chromium
// (tests/browser/prepareImageFile.test.ts).

const photosDir = fileURLToPath(new URL('../../../tests/fixtures/photos/', import.meta.url));
const photo = (name: string) => new Uint8Array(readFileSync(photosDir + name));
const fileOf = (bytes: Uint8Array, name: string, type = '') =>
  new File([bytes as Uint8Array<ArrayBuffer>], name, { type });
const bytesOf = async (file: File) => new Uint8Array(await file.arrayBuffer());

describe('prepareImageFile without a worker (node, jsdom)', () => {
  it('returns the user’s own File when nothing is stripped, and a File of its slices when metadata is', async () => {
    const clean = new File([fixture('image.png')], 'a.png', { type: 'image/png' });
    expect(stripMetadata(fixture('image.png'))).toEqual(fixture('image.png'));
    const same = await prepareImageFile(clean);
    expect(same.data?.file).toBe(clean);

    // Slices of the source keep referring to it: the stripped File is made of the source's own parts.
    const source = photo('gps-exif6.jpg');
    const picked = fileOf(source, 'b.jpg', 'image/jpeg');
    const sliced: [number, number][] = [];
    const slice = picked.slice.bind(picked);
    picked.slice = (start?: number, end?: number, type?: string) => {
      sliced.push([start ?? 0, end ?? picked.size]);
      return slice(start, end, type);
    };
    const stripped = await prepareImageFile(picked);
    expect(stripped.code).toBe(ErrorCode.SUCC);
    expect(await bytesOf(stripped.data?.file as File)).toEqual(stripMetadata(source));
    // The image data (most of the file) goes in as one slice of the source, never copied.
    const largest = Math.max(...sliced.map(([start, end]) => end - start));
    expect(largest).toBeGreaterThan(source.length / 2);
  });

  it('strips a JPEG losslessly and keeps its displayed size; no downscale, no placeholder', async () => {
    const source = photo('gps-exif6.jpg');
    const result = await prepareImageFile(fileOf(source, 'IMG_0001.JPG', 'image/jpeg'), {
      maxDimension: 100,
    });
    expect(result.code).toBe(ErrorCode.SUCC);
    const prepared = result.data;
    expect(prepared?.file.name).toBe('IMG_0001.JPG');
    expect(prepared?.file.type).toBe('image/jpeg');
    expect(await bytesOf(prepared?.file as File)).toEqual(stripMetadata(source));
    expect(findLocationLeaks(await bytesOf(prepared?.file as File))).toEqual([]);
    expect(prepared).toMatchObject({
      width: 240,
      height: 320,
      source: { size: source.length, width: 240, height: 320, format: 'jpeg' },
    });
    expect(prepared?.placeholder).toBeUndefined();
  });

  it('keeps the bytes as they are with stripMetadata: false', async () => {
    const source = photo('exif-xmp.webp');
    const result = await prepareImageFile(fileOf(source, 'a.webp'), { stripMetadata: false });
    expect(await bytesOf(result.data?.file as File)).toEqual(source);
  });

  it('refuses a HEIC with 2252 and says how to get a JPEG instead', async () => {
    const result = await prepareImageFile(fileOf(photo('photo.heic'), 'IMG_0002.HEIC'));
    expect(result.code).toBe(ErrorCode.IMAGE_TYPE_LIMIT);
    expect(result.desc).toMatch(/HEIC/);
    expect(result.desc).toMatch(/JPEG/);
  });

  it.each([
    ['document-pdf.png', ErrorCode.NOT_IMAGE],
    ['image.avif', ErrorCode.IMAGE_TYPE_LIMIT],
    ['truncated.png', ErrorCode.NOT_IMAGE],
  ])('passes on what the header reader says about %s (%i)', async (name, code) => {
    expect((await prepareImageFile(fileOf(fixture(name), name))).code).toBe(code);
  });

  it('refuses an empty file with 7006', async () => {
    expect((await prepareImageFile(fileOf(new Uint8Array(), 'empty.jpg'))).code).toBe(
      ErrorCode.FILE_SIZE_EMPTY,
    );
  });

  it('judges the limit on the prepared file: the stripped bytes fit where the source would not', async () => {
    const source = photo('gps-exif6.jpg');
    const strippedSize = stripMetadata(source).length;
    const fits = await prepareImageFile(fileOf(source, 'a.jpg'), { maxBytes: strippedSize });
    expect(fits.code).toBe(ErrorCode.SUCC);
    expect(source.length).toBeGreaterThan(strippedSize);
  });

  it('with original, an over-limit image is 7005 saying to send it not as original and naming the limit', async () => {
    const source = photo('gps-exif6.jpg');
    const result = await prepareImageFile(fileOf(source, 'a.jpg'), { original: true, maxBytes: 2048 });
    expect(result.code).toBe(ErrorCode.FILE_TOO_LARGE);
    expect(result.desc).toMatch(/not as original/);
    expect(result.desc).toContain('2 KB');
    const plain = await prepareImageFile(fileOf(source, 'a.jpg'), { maxBytes: 2048 });
    expect(plain.code).toBe(ErrorCode.FILE_TOO_LARGE);
    expect(plain.desc).not.toMatch(/original/);
  });

  it.each([
    [{ maxDimension: 0 }],
    [{ maxDimension: 12.5 }],
    [{ quality: 0 }],
    [{ quality: 1.5 }],
    [{ maxBytes: -1 }],
  ])('refuses bad options %o with 6017', async (options) => {
    const result = await prepareImageFile(fileOf(photo('alpha.png'), 'a.png'), options);
    expect(result.code).toBe(ErrorCode.INVALID_PARAMETERS);
  });

  it('returns a result instead of throwing when the file cannot be read', async () => {
    const unreadable = fileOf(photo('alpha.png'), 'gone.png');
    unreadable.arrayBuffer = () => Promise.reject(new Error('NotReadableError'));
    const result = await prepareImageFile(unreadable);
    expect(result.code).toBe(ErrorCode.NOT_IMAGE);
    expect(result.desc).toMatch(/could not be read/);
  });
});

describe('placeholderToDataUrl', () => {
  it('paints a ThumbHash as a PNG data URL', () => {
    const pixels = new Uint8Array(8 * 6 * 4).map((_, i) => (i % 4 === 3 ? 255 : (i * 7) % 256));
    const hash = rgbaToThumbHash(8, 6, pixels);
    const base64 = btoa(String.fromCharCode(...hash));
    expect(placeholderToDataUrl(base64)).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
  });

  it.each(['', 'not base64!', btoa('x'.repeat(200))])('gives undefined for %j', (value) => {
    expect(placeholderToDataUrl(value)).toBeUndefined();
  });
});
