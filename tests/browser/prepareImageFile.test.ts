import { ErrorCode, type PreparedImage, prepareImageFile, stripMetadata } from '@image-message/core';
import { describe, expect, it, vi } from 'vitest';
import downscaleWebpUrl from '../fixtures/images/downscale.webp?url';
import downscaleAlphaWebpUrl from '../fixtures/images/downscale-alpha.webp?url';
import plainJpegUrl from '../fixtures/images/photo.jpg?url';
import { findLocationLeaks } from '../fixtures/photoLeaks';
import alphaBmpUrl from '../fixtures/photos/alpha.bmp?url';
import alphaPngUrl from '../fixtures/photos/alpha.png?url';
import animatedGifUrl from '../fixtures/photos/animated.gif?url';
import animatedWebpUrl from '../fixtures/photos/animated.webp?url';
import gpsJpegUrl from '../fixtures/photos/gps-exif6.jpg?url';
import heicUrl from '../fixtures/photos/photo.heic?url';
import { engine, skipIn } from './engine';
import { noisePng } from './support';

// The worker path in each real engine: createImageBitmap + OffscreenCanvas in a module worker, heic-to for
// HEIC (no engine here decodes HEIC itself). Fixtures: tests/fixtures/generate-photos.sh.

async function fixtureFile(url: string, name: string): Promise<File> {
  return new File([await (await fetch(url)).arrayBuffer()], name);
}
const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

async function prepared(
  file: File,
  options?: Parameters<typeof prepareImageFile>[1],
): Promise<PreparedImage> {
  const result = await prepareImageFile(file, options);
  if (result.code !== ErrorCode.SUCC || !result.data) throw new Error(`${result.code}: ${result.desc}`);
  return result.data;
}

/** RGBA of the pixel at (x, y) as the browser displays the image (EXIF orientation applied). */
async function pixelAt(blob: Blob, x: number, y: number): Promise<number[]> {
  const bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
  const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext(
    '2d',
  ) as OffscreenCanvasRenderingContext2D;
  context.drawImage(bitmap, 0, 0);
  return Array.from(context.getImageData(x, y, 1, 1).data);
}
const isRed = ([r, g, b]: number[]) => (r as number) > 200 && (g as number) < 60 && (b as number) < 60;
const isBlue = ([r, g, b]: number[]) => (r as number) < 60 && (g as number) < 60 && (b as number) > 200;

/** 400 × 300 of noise (so it does not compress) whose top-right quarter is transparent. */
async function noiseImage(type: string, name: string): Promise<File> {
  const context = new OffscreenCanvas(400, 300).getContext('2d') as OffscreenCanvasRenderingContext2D;
  const pixels = context.createImageData(400, 300);
  crypto.getRandomValues(pixels.data.subarray(0, 65536));
  for (let i = 65536; i < pixels.data.length; i++) pixels.data[i] = pixels.data[i - 65536] as number;
  for (let y = 0; y < 300; y++) {
    for (let x = 0; x < 400; x++) pixels.data[(y * 400 + x) * 4 + 3] = x >= 200 && y < 150 ? 0 : 255;
  }
  context.putImageData(pixels, 0, 0);
  return new File([await context.canvas.convertToBlob({ type, quality: 0.9 })], name);
}

/** Whether this engine's canvas writes WebP when asked (WebKit writes PNG). */
async function encodesWebp(): Promise<boolean> {
  const canvas = new OffscreenCanvas(1, 1);
  canvas.getContext('2d');
  return (await canvas.convertToBlob({ type: 'image/webp' })).type === 'image/webp';
}

/** What the first bytes say a file is. */
function formatOfMagic(bytes: Uint8Array): 'jpeg' | 'png' | 'webp' | 'unknown' {
  const text = String.fromCharCode(...bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'jpeg';
  if (text.startsWith('\x89PNG')) return 'png';
  if (text.startsWith('RIFF') && text.slice(8, 12) === 'WEBP') return 'webp';
  return 'unknown';
}

async function decodedSize(blob: Blob) {
  const bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
  return { width: bitmap.width, height: bitmap.height };
}

/** A 4000 × 3000 JPEG with something on it, made in the page. */
async function twelveMegapixelPhoto(): Promise<File> {
  const canvas = new OffscreenCanvas(4000, 3000);
  const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
  const gradient = context.createLinearGradient(0, 0, 4000, 3000);
  gradient.addColorStop(0, '#3a6ea5');
  gradient.addColorStop(1, '#e8d8a0');
  context.fillStyle = gradient;
  context.fillRect(0, 0, 4000, 3000);
  for (let i = 0; i < 4000; i++) {
    context.fillStyle = `hsl(${(i * 37) % 360} 70% 50%)`;
    context.fillRect((i * 997) % 4000, (i * 613) % 3000, 40, 30);
  }
  return new File([await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 })], 'IMG_12MP.jpg');
}

// A hang guard, not a timing goal (bench figure 7 has the timings): the first HEIC loads 3 MB of decoder
// from the dev server, and the 28 MiB PNG is made and decoded, while every other project runs too.
describe('prepareImageFile in a worker', { timeout: 60_000 }, () => {
  it('converts a real HEVC HEIC to an upright JPEG named .jpg, loading the decoder only then', async () => {
    const heicLoaded = () =>
      performance.getEntriesByType('resource').some((entry) => /heic-?to|heicDecoder/i.test(entry.name));
    await prepared(await fixtureFile(plainJpegUrl, 'warm-up.jpg'));
    expect(heicLoaded()).toBe(false);

    // The decoded pixels stay in the worker: nothing on this thread turns them into a bitmap.
    const native = window.createImageBitmap;
    let bitmapsHere = 0;
    window.createImageBitmap = ((...args: Parameters<typeof native>) => {
      bitmapsHere++;
      return native(...args);
    }) as typeof native;
    const result = await prepared(await fixtureFile(heicUrl, 'IMG_4032.HEIC')).finally(() => {
      window.createImageBitmap = native;
    });
    expect(bitmapsHere).toBe(0);
    expect(heicLoaded()).toBe(true);
    expect(result.file.name).toBe('IMG_4032.jpg');
    expect(result.file.type).toBe('image/jpeg');
    expect(Array.from((await bytesOf(result.file)).subarray(0, 3))).toEqual([0xff, 0xd8, 0xff]);
    expect(result).toMatchObject({
      width: 480,
      height: 360,
      source: { format: 'heic', width: 480, height: 360 },
    });
    expect(await decodedSize(result.file)).toEqual({ width: 480, height: 360 });
    expect(isRed(await pixelAt(result.file, 20, 20))).toBe(true);
    expect(isBlue(await pixelAt(result.file, 460, 340))).toBe(true);
    expect(result.placeholder).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  it('downscales a HEIC to maxDimension unless original', async () => {
    const heic = await fixtureFile(heicUrl, 'a.heic');
    expect(await prepared(heic, { maxDimension: 200 })).toMatchObject({ width: 200, height: 150 });
    expect(await prepared(heic, { maxDimension: 200, original: true })).toMatchObject({
      width: 480,
      height: 360,
    });
  });

  it('strips GPS without re-encoding a JPEG within bounds, and it still shows upright (orientation 6)', async () => {
    const source = await fixtureFile(gpsJpegUrl, 'IMG_0001.jpg');
    expect(findLocationLeaks(await bytesOf(source))).toContain('EXIF GPSInfo pointer');
    const result = await prepared(source);
    const bytes = await bytesOf(result.file);
    expect(findLocationLeaks(bytes)).toEqual([]);
    expect(bytes).toEqual(stripMetadata(await bytesOf(source)));
    expect(result).toMatchObject({
      width: 240,
      height: 320,
      source: { width: 240, height: 320, format: 'jpeg' },
    });
    expect(await decodedSize(result.file)).toEqual({ width: 240, height: 320 });
    // Stored top-left (red) shows top-right after a quarter turn clockwise; stored bottom-right (blue), bottom-left.
    expect(isRed(await pixelAt(result.file, 220, 40))).toBe(true);
    expect(isBlue(await pixelAt(result.file, 20, 300))).toBe(true);
    expect(result.placeholder).toBeTruthy();
  });

  it('bakes the orientation into the pixels when it downscales, leaving no EXIF and no GPS', async () => {
    const result = await prepared(await fixtureFile(gpsJpegUrl, 'IMG_0001.jpg'), { maxDimension: 160 });
    const bytes = await bytesOf(result.file);
    expect(findLocationLeaks(bytes)).toEqual([]);
    expect(new TextDecoder('latin1').decode(bytes)).not.toContain('Exif');
    expect(result).toMatchObject({ width: 120, height: 160 });
    expect(await decodedSize(result.file)).toEqual({ width: 120, height: 160 });
    expect(isRed(await pixelAt(result.file, 110, 20))).toBe(true);
    expect(isBlue(await pixelAt(result.file, 10, 150))).toBe(true);
  });

  it('makes the draft thumbnail upright, at 176 px on the shorter side, from kept or downscaled pixels', async () => {
    const source = await fixtureFile(gpsJpegUrl, 'IMG_0001.jpg');
    // Kept as it is (240 × 320 upright): the thumbnail is made from the stripped file.
    // Downscaled to 225 × 300: from the resized pixels, before they are encoded.
    for (const options of [{}, { maxDimension: 300 }]) {
      const { preview, placeholder } = await prepared(source, options);
      if (!preview) throw new Error('no preview');
      expect(await decodedSize(preview)).toEqual({ width: 176, height: 235 });
      expect(isRed(await pixelAt(preview, 160, 20))).toBe(true);
      expect(isBlue(await pixelAt(preview, 15, 220))).toBe(true);
      expect(placeholder).toMatch(/^[A-Za-z0-9+/]+=*$/);
    }
  });

  it('does not re-encode a small JPEG: the bytes are the source minus its metadata, the pixels equal', async () => {
    const source = await fixtureFile(plainJpegUrl, 'small.jpg');
    const result = await prepared(source);
    expect(await bytesOf(result.file)).toEqual(stripMetadata(await bytesOf(source)));
    expect(await pixelAt(result.file, 30, 20)).toEqual(await pixelAt(source, 30, 20));
  });

  it('keeps a PNG with alpha a PNG with alpha when downscaling', async () => {
    const result = await prepared(await noiseImage('image/png', 'screenshot.png'), { maxDimension: 100 });
    expect(result.file.type).toBe('image/png');
    expect(result).toMatchObject({ width: 100, height: 75 });
    expect((await pixelAt(result.file, 95, 5))[3]).toBe(0);
    expect((await pixelAt(result.file, 5, 70))[3]).toBe(255);
  });

  it('re-encodes a WebP with alpha as WebP with alpha', async (context) => {
    skipIn(
      context,
      'webkit',
      'WebKit has no WebP encoder: the test cannot make its WebP, nor the library write one',
    );
    const result = await prepared(await noiseImage('image/webp', 'sticker.webp'), { maxDimension: 100 });
    expect(result.file.type).toBe('image/webp');
    expect(result.file.name).toBe('sticker.webp');
    expect(result).toMatchObject({ width: 100, height: 75 });
    expect((await pixelAt(result.file, 95, 5))[3]).toBeLessThan(10);
  });

  // Every engine: a downscaled WebP's bytes, type and name agree. WebKit (Safari) encodes no WebP — asked
  // for one it writes PNG — so there it comes out JPEG (opaque) or PNG (transparent), or the source is kept.
  it.each([
    [downscaleWebpUrl, 'opaque', 'image/jpeg'],
    [downscaleAlphaWebpUrl, 'transparent', 'image/png'],
  ])(
    'downscales a WebP (%s) to bytes, type and name that agree, in any engine',
    async (url, _alpha, fallback) => {
      const source = await fixtureFile(url, 'IMG_2.webp');
      const result = await prepared(source, { maxDimension: 120 });
      const magic = await bytesOf(result.file.slice(0, 12));
      const written = formatOfMagic(magic);
      expect(result.file.type).toBe(`image/${written}`);
      const extensions: Record<string, string> = { webp: 'webp', png: 'png', jpeg: 'jpg' };
      expect(result.file.name).toBe(`IMG_2.${extensions[written]}`);
      expect(result).toMatchObject({ width: 120, height: 80 });
      // A copy smaller than the source: the downscale always undercuts these 480 × 320 sources.
      expect(result.file.size).toBeLessThan(source.size);
      const webpEncoder = await encodesWebp();
      expect(result.file.type).toBe(webpEncoder ? 'image/webp' : fallback);
      if (fallback === 'image/png') expect((await pixelAt(result.file, 110, 5))[3]).toBeLessThan(10);
    },
  );

  it('keeps the source (stripped) when the downscaled copy would be larger', async () => {
    // Noise saved at JPEG quality 0.1: re-encoded at the library's 0.85, even a quarter of the pixels is
    // larger, whichever engine's encoder writes it.
    const context = new OffscreenCanvas(400, 300).getContext('2d') as OffscreenCanvasRenderingContext2D;
    const pixels = context.createImageData(400, 300);
    crypto.getRandomValues(pixels.data.subarray(0, 65536));
    for (let i = 65536; i < pixels.data.length; i++) pixels.data[i] = pixels.data[i - 65536] as number;
    context.putImageData(pixels, 0, 0);
    const jpeg = await context.canvas.convertToBlob({ type: 'image/jpeg', quality: 0.1 });
    const source = new File([jpeg], 'grainy.jpg');
    const result = await prepared(source, { maxDimension: 200 });
    expect(await bytesOf(result.file)).toEqual(stripMetadata(await bytesOf(source)));
    expect(result).toMatchObject({ width: 400, height: 300 });
  });

  it('sends the smaller of a palette PNG and its downscaled copy', async () => {
    // ImageMagick's palette PNG is smaller than the RGBA PNG Chromium's and Firefox's canvases write even
    // at half the size; WebKit's encoder writes the half-size copy smaller, so there the copy goes.
    const source = await fixtureFile(alphaPngUrl, 'alpha.png');
    const stripped = stripMetadata(await bytesOf(source));
    const result = await prepared(source, { maxDimension: 60 });
    if (engine === 'webkit') {
      expect(result).toMatchObject({ width: 60, height: 45 });
      expect(result.file.type).toBe('image/png');
      expect(result.file.size).toBeLessThan(stripped.byteLength);
    } else {
      expect(await bytesOf(result.file)).toEqual(stripped);
      expect(result).toMatchObject({ width: 120, height: 90 });
    }
  });

  it('turns a BMP with alpha into a PNG (never a JPEG) when downscaling', async () => {
    const result = await prepared(await fixtureFile(alphaBmpUrl, 'alpha.bmp'), { maxDimension: 32 });
    expect(result.file.type).toBe('image/png');
    expect(result.file.name).toBe('alpha.png');
    expect(result).toMatchObject({ width: 32, height: 24 });
    expect((await pixelAt(result.file, 31, 1))[3]).toBe(0);
  });

  it.each([
    [animatedGifUrl, 'animated.gif', 'image/gif'],
    [animatedWebpUrl, 'animated.webp', 'image/webp'],
  ])('never re-encodes an animation (%s): every frame kept, bytes identical', async (url, name, type) => {
    const source = await fixtureFile(url, name);
    const result = await prepared(source, { maxDimension: 10 });
    expect(await bytesOf(result.file)).toEqual(await bytesOf(source));
    expect(result.file.type).toBe(type);
    expect(result).toMatchObject({ width: 60, height: 40 });
  });

  it('answers each of several files prepared at once with its own result', async () => {
    const files = await Promise.all([
      fixtureFile(gpsJpegUrl, 'a.jpg'),
      fixtureFile(animatedGifUrl, 'b.gif'),
      fixtureFile(heicUrl, 'c.heic'),
      fixtureFile(plainJpegUrl, 'd.jpg'),
    ]);
    const results = await Promise.all(files.map((file) => prepared(file, { maxDimension: 200 })));
    expect(results.map((result) => [result.file.name, result.width, result.height])).toEqual([
      ['a.jpg', 150, 200],
      ['b.gif', 60, 40],
      ['c.jpg', 200, 150],
      ['d.jpg', 64, 48],
    ]);
  });

  it('accepts a PNG over 28 MiB by downscaling it, and refuses it as original with 7005', async () => {
    const big = await noisePng(3800, 2800, 'screenshot.png');
    expect(big.size).toBeGreaterThan(28 * 1024 * 1024);

    const downscaled = await prepareImageFile(big);
    expect(downscaled.code).toBe(ErrorCode.SUCC);
    expect(downscaled.data).toMatchObject({ width: 2560, height: 1886 });
    expect(downscaled.data?.file.type).toBe('image/png');
    expect(downscaled.data?.file.size).toBeLessThanOrEqual(28 * 1024 * 1024);

    const original = await prepareImageFile(big, { original: true });
    expect(original.code).toBe(ErrorCode.FILE_TOO_LARGE);
    expect(original.desc).toMatch(/not as original/);
    expect(original.desc).toContain('28 MB');
  });

  it('keeps the main thread free while preparing a 12 MP photo: nothing decoded nor encoded there', async () => {
    const photo = await twelveMegapixelPhoto();
    // Decoding and encoding on this thread would show as calls here; the worker has its own globals.
    const decodes = vi.spyOn(globalThis, 'createImageBitmap');
    const encodes = vi.spyOn(OffscreenCanvas.prototype, 'convertToBlob');
    const result = await prepared(photo);
    expect(result).toMatchObject({ width: 2560, height: 1920, source: { width: 4000, height: 3000 } });
    expect(decodes).not.toHaveBeenCalled();
    expect(encodes).not.toHaveBeenCalled();
  });

  it('keeps the main thread free while preparing a 12 MP photo: no task of its own over 50 ms', async (context) => {
    skipIn(context, ['firefox', 'webkit'], 'PerformanceObserver reports long tasks in Chromium only');
    const photo = await twelveMegapixelPhoto();
    const longTasks: PerformanceEntry[] = [];
    const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
    observer.observe({ type: 'longtask' });
    const start = performance.now();
    await prepared(photo);
    const end = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 100));
    observer.disconnect();
    // Tasks of this document only ('self'): other test files run in frames of the same page.
    const during = longTasks.filter(
      (task) => task.name === 'self' && task.startTime + task.duration > start && task.startTime < end,
    );
    expect(during.map((task) => Math.round(task.duration))).toEqual([]);
  });
});
