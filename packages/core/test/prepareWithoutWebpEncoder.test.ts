import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readImageInfo } from '../src';
import type { ImageCodec } from '../src/prepare/imageCodec';
import { prepareWithCodec } from '../src/prepare/prepareWithCodec';
import { PREPARE_DEFAULTS } from '../src/prepare/types';

// WebKit (so Safari) has no WebP encoder: asked for `image/webp`, `convertToBlob` writes PNG. A codec that
// does the same, over real PNG and JPEG bytes, stands in for it here; tests/browser/prepareImageFile.test.ts
// meets the real one in WebKit.

/** Noise, so no encoding makes it small: an 800 × 600 WebP source is larger than any 200 × 150 copy. */
const noise = (channels: 3 | 4, width = 800, height = 600) =>
  sharp({
    create: {
      width,
      height,
      channels,
      background: '#888',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  });
const webpSource = async (alpha: boolean) =>
  new File(
    [
      new Uint8Array(
        await noise(alpha ? 4 : 3)
          .webp({ quality: 90 })
          .toBuffer(),
      ),
    ],
    'IMG_1.webp',
    {
      type: 'image/webp',
    },
  );

interface FakeBitmap {
  width: number;
  height: number;
  alpha: boolean;
  close(): void;
}

/** A codec whose encoder answers PNG for WebP, as WebKit's does; it records what it was asked. */
function codecWithoutWebp(alpha: boolean) {
  const asked: string[] = [];
  const pixels = (width: number, height: number): FakeBitmap => ({ width, height, alpha, close() {} });
  const encodeAs = async (bitmap: FakeBitmap, type: string) => {
    const image = noise(bitmap.alpha ? 4 : 3, bitmap.width, bitmap.height);
    const bytes = type === 'image/jpeg' ? await image.jpeg().toBuffer() : await image.png().toBuffer();
    return new Blob([new Uint8Array(bytes)], { type: type === 'image/jpeg' ? type : 'image/png' });
  };
  const codec: ImageCodec = {
    async decode(blob) {
      const info = readImageInfo(new Uint8Array(await blob.arrayBuffer()));
      return info.ok ? (pixels(info.info.width, info.info.height) as unknown as ImageBitmap) : undefined;
    },
    async resize(_source, width, height) {
      return pixels(width, height) as unknown as ImageBitmap;
    },
    encode(bitmap, type) {
      asked.push(type);
      return encodeAs(bitmap as unknown as FakeBitmap, type);
    },
    hasAlpha: (bitmap) => (bitmap as unknown as FakeBitmap).alpha,
    thumbHash: async () => 'hash',
  };
  return { codec, asked };
}

async function prepare(file: File, codec: ImageCodec) {
  const outcome = await prepareWithCodec(file, { ...PREPARE_DEFAULTS, maxDimension: 200 }, codec);
  if (!('code' in outcome) || !outcome.data) throw new Error(`not prepared: ${JSON.stringify(outcome)}`);
  return outcome.data;
}

const formatOf = async (file: File) => {
  const reading = readImageInfo(new Uint8Array(await file.arrayBuffer()));
  return reading.ok ? reading.info.format : reading.code;
};

describe('a WebP downscaled where the encoder writes PNG for WebP', () => {
  it('becomes a JPEG named .jpg when it has no transparency', async () => {
    const { codec, asked } = codecWithoutWebp(false);
    const result = await prepare(await webpSource(false), codec);
    expect(await formatOf(result.file)).toBe('jpeg');
    expect(result.file.type).toBe('image/jpeg');
    expect(result.file.name).toBe('IMG_1.jpg');
    expect(result).toMatchObject({ width: 200, height: 150 });
    expect(asked).toEqual(['image/webp', 'image/jpeg']);
  });

  it('becomes a PNG named .png when it has transparency (never a JPEG, never a PNG named .webp)', async () => {
    const { codec, asked } = codecWithoutWebp(true);
    const result = await prepare(await webpSource(true), codec);
    expect(await formatOf(result.file)).toBe('png');
    expect(result.file.type).toBe('image/png');
    expect(result.file.name).toBe('IMG_1.png');
    expect(asked).toEqual(['image/webp']);
  });

  it('keeps the source WebP when what the encoder wrote is not smaller', async () => {
    const { codec } = codecWithoutWebp(true);
    // A flat WebP is a few hundred bytes; the noise PNG written for it is larger.
    const flat = await sharp({ create: { width: 800, height: 600, channels: 4, background: '#8888' } })
      .webp()
      .toBuffer();
    const source = new File([new Uint8Array(flat)], 'flat.webp', { type: 'image/webp' });
    const result = await prepare(source, codec);
    expect(result.file.name).toBe('flat.webp');
    expect(result.file.type).toBe('image/webp');
    expect(await formatOf(result.file)).toBe('webp');
    expect(result).toMatchObject({ width: 800, height: 600 });
  });
});
