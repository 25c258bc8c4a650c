// readImageInfoFrom reads a file it need not hold (a server's upload on disk) through `{ size, read }`,
// with the same format readers as readImageInfo: the verdicts must be identical, memory bounded by the
// window, and the bytes read linear in the file size whatever the segment lengths claim.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ImageByteSource, readImageInfo, readImageInfoFrom } from '../src';
import { concat, realWorldFixture } from './fixtures';

const WINDOW = 128 * 1024;

/** A source over `bytes` that records every read; async unless `sync`. */
function countingSource(bytes: Uint8Array, sync = false) {
  const reads: { start: number; end: number; length: number }[] = [];
  const source: ImageByteSource = {
    size: bytes.length,
    read(start, end) {
      const slice = bytes.slice(start, end);
      reads.push({ start, end, length: slice.length });
      return sync ? slice : Promise.resolve(slice);
    },
  };
  const total = () => reads.reduce((sum, read) => sum + read.length, 0);
  const largest = () => Math.max(0, ...reads.map((read) => read.length));
  return { source, reads, total, largest };
}

async function expectSameVerdict(bytes: Uint8Array) {
  const expected = readImageInfo(bytes);
  expect(await readImageInfoFrom(countingSource(bytes).source)).toEqual(expected);
  expect(await readImageInfoFrom(countingSource(bytes, true).source)).toEqual(expected);
}

function loadDir(relative: string): [string, Uint8Array][] {
  const dir = fileURLToPath(new URL(relative, import.meta.url));
  return readdirSync(dir)
    .filter((name) => !/\.(json|md)$/.test(name))
    .map((name) => [name, new Uint8Array(readFileSync(dir + name))]);
}
const files = [
  ...loadDir('../../../tests/fixtures/images/'),
  ...loadDir('../../../tests/fixtures/bad/'),
  ...loadDir('../../../tests/fixtures/real-world/'),
];

const u16 = (n: number) => [(n >>> 8) & 255, n & 255];
const segment = (marker: number, body: ArrayLike<number>) =>
  concat([0xff, marker, ...u16(body.length + 2)], body);
const sof = (width: number, height: number) =>
  segment(0xc0, [8, ...u16(height), ...u16(width), 1, 1, 0x11, 0]);
const exif6 = segment(0xe1, [
  ...[...'Exif\0\0MM\0*\0\0\0\x08'].map((char) => char.charCodeAt(0)),
  ...[0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0],
]);

describe('readImageInfoFrom: the same readers over a byte source', () => {
  it.each(files)('gives readImageInfo’s verdict on %s', async (_, bytes) => {
    await expectSameVerdict(bytes);
  });

  it('gives the same verdict on generated JPEG segment sequences (crafted lengths, junk, EXIF, truncation)', async () => {
    const piece = fc.oneof(
      fc.record({ w: fc.nat(70_000), h: fc.nat(70_000) }).map(({ w, h }) => sof(w, h)),
      fc.constant(exif6),
      fc.uint8Array({ maxLength: 40 }).map((body) => segment(0xe0, body)),
      // Segments big enough that the frame header lies past the first window.
      fc.integer({ min: 1, max: 2 }).map((n) => segment(0xe2, new Uint8Array(n * 30_000).fill(0x41))),
      fc.constantFrom(
        [0xff, 0xd0],
        [0xff, 0x01],
        [0xff, 0xda],
        [0xff, 0xd9],
        [0xff, 0xff, 0xff],
        [0xff, 0x00],
      ),
      // A lying length: 0, 1, or far past the end.
      fc.constantFrom(0, 1, 2, 3, 0xffff).map((length) => [0xff, 0xfe, ...u16(length)]),
      // Stray bytes between segments.
      fc.uint8Array({ maxLength: 6 }).map((bytes) => [...bytes]),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 8 }), fc.nat(20), async (pieces, cut) => {
        const whole = concat([0xff, 0xd8], ...pieces);
        await expectSameVerdict(whole.subarray(0, Math.max(3, whole.length - cut)));
      }),
      { numRuns: 200 },
    );
    // A hang guard, not a timing goal: a few hundred files of up to 500 KB, read twice each.
  }, 60_000);

  it('finds a frame header behind 325 KB of segments and EXIF, reading through one 128 KiB window at a time', async () => {
    const app2 = segment(0xe2, new Uint8Array(65_000).fill(0x41));
    const bytes = concat([0xff, 0xd8], exif6, app2, app2, app2, app2, app2, sof(640, 480));
    const counted = countingSource(bytes);
    expect(await readImageInfoFrom(counted.source)).toMatchObject({
      ok: true,
      info: { width: 480, height: 640, orientation: 6 },
    });
    expect(counted.largest()).toBeLessThanOrEqual(WINDOW);
    expect(counted.total()).toBeLessThanOrEqual(2 * bytes.length + WINDOW);
  });

  it.each([
    [
      'fill bytes',
      (n: number) => concat([0xff, 0xd8], new Uint8Array(n).fill(0xff), sof(32, 16).subarray(1)),
    ],
    [
      'stray bytes (libjpeg skips them)',
      (n: number) => concat([0xff, 0xd8, 0xff, 0xfe, 0, 2], new Uint8Array(n).fill(0x41), sof(32, 16)),
    ],
    [
      'empty COM segments',
      (n: number) => {
        const segments = new Uint8Array(n);
        for (let at = 0; at < n; at += 4) segments.set([0xff, 0xfe, 0, 2], at);
        return concat([0xff, 0xd8], segments, sof(32, 16));
      },
    ],
  ])(
    'reads a file of %s linearly: each byte about once, never more than the window at a time',
    async (_, make) => {
      for (const n of [300_000, 1_200_000]) {
        const bytes = make(n);
        const counted = countingSource(bytes);
        expect(await readImageInfoFrom(counted.source)).toMatchObject({
          ok: true,
          info: { width: 32, height: 16 },
        });
        expect(counted.largest()).toBeLessThanOrEqual(WINDOW);
        expect(counted.total()).toBeLessThanOrEqual(2 * bytes.length + WINDOW);
      }
    },
  );

  it('reads only the head of a PNG, GIF, WebP or BMP, however large the file', async () => {
    const png = new Uint8Array(5_000_000);
    png.set(files.find(([name]) => name === 'image.png')?.[1] ?? []);
    const counted = countingSource(png);
    expect(await readImageInfoFrom(counted.source)).toMatchObject({ ok: true, info: { format: 'png' } });
    expect(counted.total()).toBeLessThanOrEqual(WINDOW);
  });

  it("reads Pillow's junk_jpeg_header.jpg from a source: 1024×768", async () => {
    expect(
      await readImageInfoFrom(countingSource(realWorldFixture('junk_jpeg_header.jpg')).source),
    ).toMatchObject({
      ok: true,
      info: { format: 'jpeg', width: 1024, height: 768 },
    });
  });

  it('treats a source that ends early (a file cut while read) as cut short, without looping', async () => {
    const bytes = concat([0xff, 0xd8], segment(0xe0, new Uint8Array(100)), sof(8, 8));
    const source: ImageByteSource = {
      size: bytes.length + 1000,
      read: (start, end) => bytes.slice(start, end),
    };
    expect(await readImageInfoFrom(source)).toMatchObject({ ok: true, info: { width: 8, height: 8 } });
    const cut: ImageByteSource = {
      size: 10_000_000,
      read: (start, end) => bytes.slice(start, Math.min(end, 60)),
    };
    expect(await readImageInfoFrom(cut)).toMatchObject({ ok: false });
  });
});
