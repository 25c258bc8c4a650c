import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';

/** 28 MiB: the seed's limit, and the size of the large test image to the byte. */
export const BIG_BYTES = 28 * 1024 * 1024;

export interface BenchImage {
  path: string;
  bytes: number;
  width: number;
  height: number;
  /** Where the encoded image ends and padding starts (the large image only). */
  encodedBytes: number;
}

export interface BenchImages {
  /** 12 MP (4000 × 3000) photo-like JPEG with a phone's EXIF: make, model, time and GPS position. */
  jpeg12: BenchImage;
  /** 12 MP (4000 × 3000) photo-like PNG. */
  png12: BenchImage;
  /** 48 MP (8000 × 6000) JPEG at quality 92, padded after EOI to exactly 29,360,128 bytes. */
  big28: BenchImage;
}

// Bump when the recipe changes, so a cached set is never mistaken for the new one.
const RECIPE = 'v2';

/**
 * Smooth waves plus deterministic noise, so encoders produce photo-sized files (a flat or gradient image
 * would compress to almost nothing). `amplitude` sets the noise, and with it the file size.
 */
function photoPixels(width: number, height: number, amplitude: number, seed: number): Buffer {
  const pixels = Buffer.allocUnsafe(width * height * 3);
  let state = seed >>> 0 || 1;
  const span = 2 * amplitude + 1;
  let i = 0;
  for (let y = 0; y < height; y++) {
    const wave = 128 + Math.sin(y / 211) * 60;
    for (let x = 0; x < width; x++) {
      const base = wave + Math.cos(x / 173) * 50;
      for (let c = 0; c < 3; c++) {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        const value = base + c * 12 + ((state >>> 0) % span) - amplitude;
        pixels[i++] = Math.max(0, Math.min(255, value));
      }
    }
  }
  return pixels;
}

/** A photo-like image of `width` × `height` as a sharp pipeline (encode it as you need). */
export function raw(width: number, height: number, amplitude: number, seed: number) {
  return sharp(photoPixels(width, height, amplitude, seed), { raw: { width, height, channels: 3 } });
}

/** What a phone writes into a photo's EXIF, GPS position included: what stripping metadata removes. */
const PHONE_EXIF = {
  IFD0: { Make: 'Apple', Model: 'iPhone 15 Pro', Software: '18.1' },
  IFD2: { DateTimeOriginal: '2026:11:30 12:34:56', LensModel: 'iPhone 15 Pro back triple camera' },
  IFD3: {
    GPSLatitudeRef: 'N',
    GPSLatitude: '31/1 14/1 1234/100',
    GPSLongitudeRef: 'E',
    GPSLongitude: '121/1 28/1 5678/100',
  },
};

/** Bytes after EOI: readers stop at EOI, and random bytes do not compress on the wire either. */
function padding(length: number): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  let state = 0x9e3779b9;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 0xff;
  }
  return bytes;
}

/**
 * Writes the bench images into a directory under the OS temp dir (on disk, so Playwright's setInputFiles
 * gives the page disk-backed Files) and reuses them on later runs: making the 48 MP image takes ~10 s.
 */
export async function ensureImages(options: {
  fresh?: boolean;
  log: (line: string) => void;
}): Promise<BenchImages> {
  const dir = join(tmpdir(), `image-message-bench-images-${RECIPE}`);
  const manifestPath = join(dir, 'manifest.json');
  if (!options.fresh && existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as BenchImages;
    if (
      Object.values(manifest).every(
        (image) => existsSync(image.path) && statSync(image.path).size === image.bytes,
      )
    ) {
      return manifest;
    }
  }
  mkdirSync(dir, { recursive: true });
  options.log(`making the bench images in ${dir} (once; about 15 s)`);

  const write = (name: string, bytes: Buffer, width: number, height: number, encodedBytes = bytes.length) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return { path, bytes: bytes.length, width, height, encodedBytes };
  };

  const jpeg12 = write(
    'photo-12mp.jpg',
    await raw(4000, 3000, 40, 1).jpeg({ quality: 90 }).withExif(PHONE_EXIF).toBuffer(),
    4000,
    3000,
  );
  const png12 = write(
    'photo-12mp.png',
    await raw(4000, 3000, 6, 2).png({ compressionLevel: 6 }).toBuffer(),
    4000,
    3000,
  );
  const bigJpeg = await raw(8000, 6000, 30, 3).jpeg({ quality: 92 }).toBuffer();
  if (bigJpeg.length > BIG_BYTES) throw new Error(`the 48 MP JPEG is already ${bigJpeg.length} bytes`);
  const big28 = write(
    'photo-48mp-28mib.jpg',
    Buffer.concat([bigJpeg, padding(BIG_BYTES - bigJpeg.length)]),
    8000,
    6000,
    bigJpeg.length,
  );
  const images: BenchImages = { jpeg12, png12, big28 };
  writeFileSync(manifestPath, `${JSON.stringify(images, null, 2)}\n`);
  return images;
}

/**
 * A 12 MP HEIC (HEVC, as iPhones write it) made from the 12 MP PNG with libheif's `heif-enc`
 * (`apt-get install -y libheif-examples`), cached beside the other images; `undefined` without heif-enc.
 */
export function ensureHeicImage(images: BenchImages, log: (line: string) => void): BenchImage | undefined {
  const path = images.png12.path.replace(/\.png$/, '.heic');
  if (!existsSync(path)) {
    const encoder = spawnSync('heif-enc', ['--version']);
    if (encoder.error) return undefined;
    log('making the 12 MP HEIC with heif-enc (once; about 30 s)');
    const result = spawnSync('heif-enc', ['-q', '60', images.png12.path, '-o', path], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`heif-enc failed: ${result.stderr}`);
  }
  const { size } = statSync(path);
  return { path, bytes: size, width: images.png12.width, height: images.png12.height, encodedBytes: size };
}
