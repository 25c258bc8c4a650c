import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLocationLeaks } from '../../../tests/fixtures/photoLeaks';
import { readImageInfo, stripMetadata } from '../src';
import { isAnimated } from '../src/prepare/animation';
import { joinPieces, writePiecesOver } from '../src/prepare/strip/pieces';
import { fixture } from './fixtures';

const photosDir = fileURLToPath(new URL('../../../tests/fixtures/photos/', import.meta.url));
/** Bytes of a committed photo fixture (tests/fixtures/generate-photos.sh). */
const photo = (name: string) => new Uint8Array(readFileSync(photosDir + name));

const ascii = (bytes: Uint8Array, from: number, length: number) =>
  String.fromCharCode(...bytes.subarray(from, from + length));

/** JPEG segments up to the first scan: marker and the four bytes after the length, for naming them. */
function jpegSegments(bytes: Uint8Array): { marker: number; id: string }[] {
  const segments = [];
  let offset = 2;
  while (offset + 4 <= bytes.length && bytes[offset] === 0xff) {
    const marker = bytes[offset + 1] as number;
    const length = ((bytes[offset + 2] as number) << 8) | (bytes[offset + 3] as number);
    segments.push({ marker, id: ascii(bytes, offset + 4, 4) });
    if (marker === 0xda) break;
    offset += 2 + length;
  }
  return segments;
}

/** The bytes from the first start-of-scan marker on: the compressed image itself. */
function jpegScanData(bytes: Uint8Array): Uint8Array {
  const sos = jpegSegments(bytes).length;
  let offset = 2;
  for (let i = 0; i < sos - 1; i++)
    offset += 2 + (((bytes[offset + 2] as number) << 8) | (bytes[offset + 3] as number));
  return bytes.subarray(offset);
}

/** PNG chunks: type, data and whether the stored CRC matches. */
function pngChunks(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks = [];
  for (let offset = 8; offset + 12 <= bytes.length; ) {
    const length = view.getUint32(offset);
    const type = ascii(bytes, offset + 4, 4);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    const crcOk =
      view.getUint32(offset + 8 + length) === crc32(bytes.subarray(offset + 4, offset + 8 + length));
    chunks.push({ type, data, crcOk });
    offset += 12 + length;
  }
  return chunks;
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** WebP chunks: fourcc and data. */
function webpChunks(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks = [];
  for (let offset = 12; offset + 8 <= bytes.length; ) {
    const size = view.getUint32(offset + 4, true);
    chunks.push({ fourcc: ascii(bytes, offset, 4), data: bytes.subarray(offset + 8, offset + 8 + size) });
    offset += 8 + size + (size & 1);
  }
  return chunks;
}

/** A TIFF block whose IFD0 holds Orientation and a GPSInfo pointer (big-endian), as cameras write it. */
function tiffWithOrientationAndGps(orientation: number): Uint8Array {
  const tiff = new Uint8Array(38);
  const view = new DataView(tiff.buffer);
  tiff.set([0x4d, 0x4d]);
  view.setUint16(2, 42);
  view.setUint32(4, 8);
  view.setUint16(8, 2);
  view.setUint16(10, 0x0112);
  view.setUint16(12, 3);
  view.setUint32(14, 1);
  view.setUint16(18, orientation);
  view.setUint16(22, 0x8825); // GPSInfo
  view.setUint16(24, 4);
  view.setUint32(26, 1);
  view.setUint32(30, 38);
  return tiff;
}

describe('stripMetadata: JPEG', () => {
  const source = photo('gps-exif6.jpg');

  it('removes GPS, XMP, IPTC, the comment and the camera serial that exiftool planted', () => {
    expect(findLocationLeaks(source)).toEqual(expect.arrayContaining(['EXIF GPSInfo pointer', 'Beijing']));
    const stripped = stripMetadata(source);
    expect(findLocationLeaks(stripped)).toEqual([]);
    const markers = jpegSegments(stripped).map((segment) => segment.marker);
    expect(markers).not.toContain(0xed); // APP13 (IPTC)
    expect(markers).not.toContain(0xfe); // COM
    expect(stripped.length).toBeLessThan(source.length);
  });

  it('keeps only the Orientation tag, so the image still reads as 240×320 upright', () => {
    const stripped = stripMetadata(source);
    const app1 = jpegSegments(stripped).filter((segment) => segment.marker === 0xe1);
    expect(app1).toEqual([{ marker: 0xe1, id: 'Exif' }]);
    expect(readImageInfo(stripped)).toEqual({
      ok: true,
      info: { format: 'jpeg', mimeType: 'image/jpeg', width: 240, height: 320, orientation: 6 },
    });
  });

  it('copies the compressed image data byte for byte (no re-encoding)', () => {
    expect(jpegScanData(stripMetadata(source))).toEqual(jpegScanData(source));
  });

  it('writes no EXIF at all when the orientation is 1, and keeps JFIF first', () => {
    const upright = fixture('photo.jpg');
    const stripped = stripMetadata(upright);
    expect(jpegSegments(stripped).some((segment) => segment.marker === 0xe1)).toBe(false);
    expect(jpegScanData(stripped)).toEqual(jpegScanData(upright));
  });

  it('drops what follows the end-of-image marker (the secondary images phones append)', () => {
    const appended = new Uint8Array([
      0xff,
      0xd8,
      0xff,
      0xe1,
      0,
      8,
      ...[...'GPS!'].map((c) => c.charCodeAt(0)),
    ]);
    const withTrailer = new Uint8Array([...source, ...appended]);
    const stripped = stripMetadata(withTrailer);
    expect(stripped).toEqual(stripMetadata(source));
    expect(stripped.at(-2)).toBe(0xff);
    expect(stripped.at(-1)).toBe(0xd9);
  });

  it('finds the end of the scan data wherever it lies: past escaped FF bytes and restarts, at any alignment', () => {
    // Scan data read four bytes at a time: every FF position relative to a word, every start offset in
    // the buffer (a view into a larger buffer, as a worker's bytes may be), and scans of every length.
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 0xfe }), fc.constantFrom(-1, -2)), { maxLength: 40 }),
        fc.integer({ min: 0, max: 7 }),
        // After the end of the image: nothing, a few stray bytes, or an appended image with its own EXIF.
        fc.constantFrom([], [0], [1, 2], [1, 2, 3], [0xff, 0xd8, 0xff, 0xe1, 0, 4, 1, 2]),
        (pieces, shift, trailer) => {
          // -1: an escaped FF (FF 00); -2: a restart marker (FF D0–D7): both belong to the scan.
          const scan = pieces.flatMap((piece, i) =>
            piece === -1 ? [0xff, 0] : piece === -2 ? [0xff, 0xd0 + (i % 8)] : [piece],
          );
          const header = [0xff, 0xd8, 0xff, 0xda, 0, 2];
          const jpeg = [...header, ...scan, 0xff, 0xd9];
          const buffer = new Uint8Array(shift + jpeg.length + trailer.length);
          buffer.set([...jpeg, ...trailer], shift);
          expect(Array.from(stripMetadata(buffer.subarray(shift)))).toEqual(jpeg);
          expect(Array.from(stripMetadata(buffer.subarray(shift), { inPlace: true }))).toEqual(jpeg);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('is idempotent', () => {
    const once = stripMetadata(source);
    expect(stripMetadata(once)).toEqual(once);
  });

  it('copies damaged files as far as they go without throwing', () => {
    for (const name of ['truncated.jpg', 'crafted-length.jpg']) {
      const bytes = fixture(name);
      const stripped = stripMetadata(bytes);
      expect(stripped.length).toBeLessThanOrEqual(bytes.length);
      expect(Array.from(stripped.subarray(0, 2))).toEqual([0xff, 0xd8]);
    }
  });
});

describe('stripMetadata: PNG', () => {
  const source = photo('text-exif.png');

  it('removes eXIf, tEXt, iTXt, zTXt and tIME and keeps every other chunk byte for byte', () => {
    const before = pngChunks(source);
    expect(before.map((chunk) => chunk.type)).toEqual(
      expect.arrayContaining(['eXIf', 'tEXt', 'iTXt', 'zTXt', 'tIME']),
    );
    expect(findLocationLeaks(source).length).toBeGreaterThan(0);
    const stripped = stripMetadata(source);
    const after = pngChunks(stripped);
    expect(after.map((chunk) => chunk.type)).toEqual(
      before
        .map((chunk) => chunk.type)
        .filter((type) => !['eXIf', 'tEXt', 'iTXt', 'zTXt', 'tIME'].includes(type)),
    );
    expect(after.find((chunk) => chunk.type === 'IDAT')?.data).toEqual(
      before.find((chunk) => chunk.type === 'IDAT')?.data,
    );
    expect(after.every((chunk) => chunk.crcOk)).toBe(true);
    expect(findLocationLeaks(stripped)).toEqual([]);
  });

  it('writes the orientation back alone in a fresh eXIf chunk with a valid CRC', () => {
    const plain = stripMetadata(fixture('image.png'));
    const exif = tiffWithOrientationAndGps(8);
    const chunk = new Uint8Array(12 + exif.length);
    const view = new DataView(chunk.buffer);
    view.setUint32(0, exif.length);
    chunk.set(
      [...'eXIf'].map((c) => c.charCodeAt(0)),
      4,
    );
    chunk.set(exif, 8);
    view.setUint32(8 + exif.length, crc32(chunk.subarray(4, 8 + exif.length)));
    const withExif = new Uint8Array([...plain.subarray(0, 33), ...chunk, ...plain.subarray(33)]);
    expect(findLocationLeaks(withExif)).toContain('EXIF GPSInfo pointer');

    const stripped = stripMetadata(withExif);
    expect(findLocationLeaks(stripped)).toEqual([]);
    const written = pngChunks(stripped).find((c) => c.type === 'eXIf');
    expect(written?.crcOk).toBe(true);
    // IFD0 with one entry: Orientation (0x0112) = 8.
    expect(Array.from(written?.data.subarray(8, 12) ?? [])).toEqual([0, 1, 0x01, 0x12]);
    expect(written?.data[19]).toBe(8);
  });
});

describe('stripMetadata: WebP', () => {
  const source = photo('exif-xmp.webp');

  it('removes the EXIF and XMP chunks, clears their VP8X flags and fixes the RIFF size', () => {
    const before = webpChunks(source);
    expect(before.map((chunk) => chunk.fourcc)).toEqual(['VP8X', 'VP8 ', 'EXIF', 'XMP ']);
    expect((before[0]?.data[0] ?? 0) & 0x0c).toBe(0x0c);
    const stripped = stripMetadata(source);
    const after = webpChunks(stripped);
    expect(after.map((chunk) => chunk.fourcc)).toEqual(['VP8X', 'VP8 ']);
    expect((after[0]?.data[0] ?? 0) & 0x0c).toBe(0);
    expect(after[1]?.data).toEqual(before[1]?.data);
    expect(new DataView(stripped.buffer).getUint32(4, true)).toBe(stripped.length - 8);
    expect(findLocationLeaks(source).length).toBeGreaterThan(0);
    expect(findLocationLeaks(stripped)).toEqual([]);
    expect(readImageInfo(stripped)).toMatchObject({ ok: true, info: { width: 160, height: 120 } });
  });

  it('keeps an orientation other than 1 in a minimal EXIF chunk, its flag set', () => {
    const vp8x = webpChunks(source)[0]?.data as Uint8Array;
    const image = webpChunks(source)[1]?.data as Uint8Array;
    const exif = tiffWithOrientationAndGps(6);
    const chunk = (fourcc: string, data: Uint8Array) => {
      const out = new Uint8Array(8 + data.length + (data.length & 1));
      out.set([...fourcc].map((c) => c.charCodeAt(0)));
      new DataView(out.buffer).setUint32(4, data.length, true);
      out.set(data, 8);
      return out;
    };
    const body = [...chunk('VP8X', vp8x), ...chunk('VP8 ', image), ...chunk('EXIF', exif)];
    const riff = new Uint8Array(
      [...'RIFF']
        .map((c) => c.charCodeAt(0))
        .concat(
          [0, 0, 0, 0],
          [...'WEBP'].map((c) => c.charCodeAt(0)),
          body,
        ),
    );
    new DataView(riff.buffer).setUint32(4, riff.length - 8, true);

    const stripped = stripMetadata(riff);
    const chunks = webpChunks(stripped);
    expect(chunks.map((c) => c.fourcc)).toEqual(['VP8X', 'VP8 ', 'EXIF']);
    expect((chunks[0]?.data[0] ?? 0) & 0x0c).toBe(0x08);
    expect(findLocationLeaks(stripped)).toEqual([]);
    expect(chunks[2]?.data[19]).toBe(6);
  });
});

describe('stripMetadata: other formats', () => {
  it.each(['animated.gif', 'alpha.bmp'])('returns %s as it is', (name) => {
    const bytes = photo(name);
    expect(stripMetadata(bytes)).toBe(bytes);
  });
});

describe('stripMetadata in place', () => {
  it.each(['gps-exif6.jpg', 'text-exif.png', 'exif-xmp.webp'])(
    'writes %s over its own bytes, as a new copy would have it',
    (name) => {
      const bytes = photo(name);
      const copied = stripMetadata(bytes);
      const stripped = stripMetadata(bytes, { inPlace: true });
      expect(stripped).toEqual(copied);
      expect(stripped.length).toBeLessThan(bytes.length);
      expect(stripped.buffer).toBe(bytes.buffer);
      expect(stripped.byteOffset).toBe(bytes.byteOffset);
    },
  );

  it('makes a new array and leaves the bytes alone when the orientation must go in front of data not yet moved', () => {
    // EXIF after the quantisation table: its orientation goes back right after SOI, where the table lies.
    const exif = tiffWithOrientationAndGps(6);
    const app1 = [0xff, 0xe1, 0, 8 + exif.length, ...[...'Exif\0\0'].map((c) => c.charCodeAt(0)), ...exif];
    const dqt = [0xff, 0xdb, 0, 4, 1, 2];
    const sof = [0xff, 0xc0, 0, 11, 8, 0, 2, 0, 3, 1, 1, 0x11, 0]; // 3×2, one component
    const scan = [0xff, 0xda, 0, 2, 7, 0xff, 0, 8, 0xff, 0xd9];
    const jpeg = new Uint8Array([0xff, 0xd8, ...dqt, ...app1, ...sof, ...scan]);
    const before = jpeg.slice();
    const stripped = stripMetadata(jpeg, { inPlace: true });
    expect(stripped).toEqual(stripMetadata(before));
    expect(readImageInfo(stripped)).toMatchObject({
      ok: true,
      info: { width: 2, height: 3, orientation: 6 },
    }); // turned
    expect(findLocationLeaks(stripped)).toEqual([]);
    expect(stripped.buffer).not.toBe(jpeg.buffer);
    expect(jpeg).toEqual(before);
  });

  it('writes any pieces as joining them would, in place exactly when nothing unread is overwritten', () => {
    // A source cut into runs, each kept (a view) or dropped, with fresh blocks before some of them; the
    // source a view into a larger buffer, whose bytes around it must never change.
    const run = fc.record({
      bytes: fc.uint8Array({ maxLength: 12 }),
      kept: fc.boolean(),
      before: fc.option(fc.uint8Array({ minLength: 1, maxLength: 12 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(run, { maxLength: 8 }), fc.integer({ min: 0, max: 5 }), (runs, shift) => {
        const length = runs.reduce((sum, r) => sum + r.bytes.length, 0);
        const buffer = new Uint8Array(shift + length + 3).fill(0xee);
        const source = buffer.subarray(shift, shift + length);
        const pieces: Uint8Array[] = [];
        let offset = 0;
        for (const r of runs) {
          source.set(r.bytes, offset);
          if (r.before) pieces.push(r.before);
          if (r.kept) pieces.push(source.subarray(offset, offset + r.bytes.length));
          offset += r.bytes.length;
        }
        const joined = Array.from(joinPieces(pieces));
        const original = buffer.slice();
        const written = writePiecesOver(source, pieces);
        expect(Array.from(written)).toEqual(joined);
        if (written.buffer === buffer.buffer) {
          expect(written.byteOffset).toBe(shift);
          expect(Array.from(buffer.subarray(0, shift))).toEqual(Array.from(original.subarray(0, shift)));
          expect(Array.from(buffer.subarray(shift + length))).toEqual(
            Array.from(original.subarray(shift + length)),
          );
        } else {
          expect(buffer).toEqual(original);
        }
        // Views alone only ever move towards the start: always in place.
        if (pieces.every((piece) => piece.buffer === buffer.buffer))
          expect(written.buffer).toBe(buffer.buffer);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('isAnimated', () => {
  /** A PNG chunk with a valid CRC. */
  function chunk(type: string, data: number[]): number[] {
    const body = new Uint8Array([...[...type].map((c) => c.charCodeAt(0)), ...data]);
    const crc = crc32(body);
    const length = data.length;
    return [
      length >>> 24,
      (length >>> 16) & 255,
      (length >>> 8) & 255,
      length & 255,
      ...body,
      crc >>> 24,
      (crc >>> 16) & 255,
      (crc >>> 8) & 255,
      crc & 255,
    ];
  }

  it('tells an APNG (acTL before IDAT) from a still PNG', () => {
    const still = fixture('image.png');
    expect(isAnimated(still, 'png')).toBe(false);
    const actl = chunk('acTL', [0, 0, 0, 2, 0, 0, 0, 0]); // two frames, looping forever
    const apng = new Uint8Array([...still.subarray(0, 33), ...actl, ...still.subarray(33)]);
    expect(isAnimated(apng, 'png')).toBe(true);
  });

  it('reads the animation flag of a WebP and treats every GIF as animated', () => {
    expect(isAnimated(photo('animated.webp'), 'webp')).toBe(true);
    expect(isAnimated(photo('exif-xmp.webp'), 'webp')).toBe(false);
    expect(isAnimated(photo('animated.gif'), 'gif')).toBe(true);
    expect(isAnimated(photo('gps-exif6.jpg'), 'jpeg')).toBe(false);
  });
});
