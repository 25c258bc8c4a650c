import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sanitizeFileName as coreSanitizeFileName, readImageInfo } from '@image-message/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNATURE_BYTES } from '../src/images/signatures';
import { sniffImage } from '../src/images/sniffImage';
import { sanitizeFileName } from '../src/messages/sanitizeFileName';
import { fixture } from './support/testServer';

// The server may not import core at run time, so it repeats core's header reading and file-name rules.
// These hold the copies to the originals on real files and on generated ones: a file core accepts must be
// accepted by the server with the same numbers, one it refuses must be refused with the same code, and a
// name must be stored exactly as core would have sent it.

let dir: string;
let counter = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'im-parity-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The server's verdict on `bytes`, as the upload route reaches it (a file on disk and its head). */
async function serverVerdict(bytes: Uint8Array) {
  const path = join(dir, `${counter++}.bin`);
  await writeFile(path, bytes);
  const sniff = await sniffImage(path, bytes.subarray(0, SIGNATURE_BYTES));
  if (!sniff.ok) return { code: sniff.code };
  const { format, width, height, orientation } = sniff.facts;
  return { code: 0, format, width, height, orientation };
}

function coreVerdict(bytes: Uint8Array) {
  const result = readImageInfo(bytes);
  if (!result.ok) return { code: result.code };
  const { format, width, height, orientation } = result.info;
  // The server keeps an orientation only when it turns the image (2–8).
  return {
    code: 0,
    format,
    width,
    height,
    orientation: orientation && orientation > 1 ? orientation : undefined,
  };
}

async function agrees(bytes: Uint8Array) {
  expect(await serverVerdict(bytes)).toEqual(coreVerdict(bytes));
}

const u16 = (n: number) => [(n >>> 8) & 255, n & 255];
const segment = (marker: number, body: number[] | Uint8Array) => [
  0xff,
  marker,
  ...u16(body.length + 2),
  ...body,
];
const sof = (width: number, height: number) =>
  segment(0xc0, [8, ...u16(height), ...u16(width), 3, 1, 0x22, 0]);
/** An APP1 EXIF segment (big-endian TIFF) with one IFD0 entry: orientation. */
const exif = (orientation: number) =>
  segment(0xe1, [
    ...Buffer.from('Exif\0\0MM\0*\0\0\0\x08', 'latin1'),
    0,
    1,
    0x01,
    0x12,
    0,
    3,
    0,
    0,
    0,
    1,
    ...u16(orientation),
    0,
    0,
    0,
    0,
    0,
    0,
  ]);

describe('sniffImage reads headers as core’s readImageInfo does', () => {
  it.each([
    'photo.jpg',
    'photo-exif6.jpg',
    'progressive.jpg',
    'crafted-length.jpg',
    'truncated.jpg',
    'image.png',
    'truncated.png',
    'image.gif',
    'truncated.gif',
    'image.bmp',
    'top-down.bmp',
    'lossy.webp',
    'lossless.webp',
    'extended.webp',
    'image.heic',
    'image.svg',
    'document-pdf.png',
  ])('on %s', (name) => agrees(fixture(name)));

  it('on a JPEG whose frame header comes after 300 KB of segments, and after a long run of fill bytes', async () => {
    const app2 = segment(0xe2, new Uint8Array(65_000).fill(0x41));
    const many = Array.from({ length: 5 }, () => app2).flat();
    const late = Uint8Array.from([0xff, 0xd8, ...exif(6), ...many, ...sof(640, 480), 0xff, 0xd9]);
    expect(await serverVerdict(late)).toMatchObject({ code: 0, width: 480, height: 640, orientation: 6 });
    await agrees(late);
    // 300,000 fill bytes (more than two windows) before the frame header.
    const fill = Uint8Array.from([
      0xff,
      0xd8,
      ...new Array(300_000).fill(0xff),
      0xc0,
      ...sof(32, 16).slice(2),
    ]);
    expect(await serverVerdict(fill)).toMatchObject({ code: 0, width: 32, height: 16 });
    await agrees(fill);
    // The same file cut inside the big segments: both say the header is cut short.
    await agrees(late.subarray(0, 200_000));
  });

  it('on generated JPEG segment sequences (crafted lengths, markers, EXIF, truncation)', async () => {
    const piece = fc.oneof(
      fc.record({ w: fc.nat(70_000), h: fc.nat(70_000) }).map(({ w, h }) => sof(w, h)),
      fc.integer({ min: 0, max: 10 }).map(exif),
      fc.uint8Array({ maxLength: 40 }).map((body) => segment(0xe0, body)),
      fc.constantFrom([0xff, 0xd0], [0xff, 0x01], [0xff, 0xda], [0xff, 0xd9], [0xff, 0xff, 0xff]),
      // A lying length: 0, 1, or far past the end.
      fc.constantFrom(0, 1, 2, 3, 0xffff).map((length) => [0xff, 0xfe, ...u16(length)]),
      fc.uint8Array({ maxLength: 6 }).map((bytes) => [...bytes]),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 8 }), fc.nat(20), async (pieces, cut) => {
        const whole = Uint8Array.from([0xff, 0xd8, ...pieces.flat()]);
        await agrees(whole.subarray(0, Math.max(3, whole.length - cut)));
      }),
      { numRuns: 300 },
    );
  });

  it('on PNG, GIF, WebP and BMP headers with arbitrary fields', async () => {
    const signature = fc.constantFrom(
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, ...Buffer.from('IHDR')],
      [...Buffer.from('GIF89a')],
      [...Buffer.from('RIFF\0\0\0\0WEBPVP8 ')],
      [...Buffer.from('RIFF\0\0\0\0WEBPVP8L')],
      [...Buffer.from('RIFF\0\0\0\0WEBPVP8X')],
      [...Buffer.from('BM'), 0, 0, 0, 0, 0, 0, 0, 0, 54, 0, 0, 0, 40, 0, 0, 0],
    );
    await fc.assert(
      fc.asyncProperty(signature, fc.uint8Array({ maxLength: 40 }), async (head, tail) => {
        await agrees(Uint8Array.from([...head, ...tail]));
      }),
      { numRuns: 300 },
    );
  });
});

describe('sanitizeFileName equals core’s', () => {
  const hostile = fc.constantFrom(
    '/',
    '\\',
    '.',
    '..',
    ' ',
    '\u3000',
    '\u202e',
    '\u2066',
    '\u200b',
    '\ufeff',
    '\u00ad',
    '\u{e0041}',
    '\u0301',
    'e',
    '\u{1f600}',
    ':',
    '*',
    '"',
    'CON',
    'nul',
    'LPT9',
    '.png',
    '.JPG',
    '.tar.gz',
    '\ud800',
    '\0',
  );

  it('for any name', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.string({ unit: hostile, maxLength: 80 }),
          fc.string({ unit: hostile, minLength: 60, maxLength: 300 }),
        ),
        (name) => {
          expect(sanitizeFileName(name)).toBe(coreSanitizeFileName(name));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
