import { describe, expect, it } from 'vitest';
import { badFileBytes } from '../../../tests/fixtures/badCorpus';
import { ErrorCode, readImageInfo } from '../src';
import { fixture, realWorldFixture } from './fixtures';

describe('readImageInfo', () => {
  it.each([
    ['photo.jpg', 'jpeg', 'image/jpeg', 64, 48],
    ['progressive.jpg', 'jpeg', 'image/jpeg', 50, 20],
    ['image.png', 'png', 'image/png', 20, 10],
    ['image.gif', 'gif', 'image/gif', 12, 7],
    ['image.bmp', 'bmp', 'image/bmp', 9, 5],
    ['top-down.bmp', 'bmp', 'image/bmp', 7, 3],
    ['lossy.webp', 'webp', 'image/webp', 30, 20],
    ['lossless.webp', 'webp', 'image/webp', 31, 21],
    ['extended.webp', 'webp', 'image/webp', 33, 22],
  ])('reads %s as %s %s, %i×%i, from its header', (name, format, mimeType, width, height) => {
    const result = readImageInfo(fixture(name));
    expect(result).toEqual({ ok: true, info: { format, mimeType, width, height } });
  });

  it('swaps width and height for a JPEG with EXIF orientation 6 (stored 40×30, shown 30×40)', () => {
    expect(readImageInfo(fixture('photo-exif6.jpg'))).toEqual({
      ok: true,
      info: { format: 'jpeg', mimeType: 'image/jpeg', width: 30, height: 40, orientation: 6 },
    });
  });

  /** SOI, an APP1 Exif block whose IFD0 holds only the orientation, and a frame header (stored 40×30). */
  function jpegWithOrientation(orientation: number, byteOrder: 'II' | 'MM'): Uint8Array {
    const little = byteOrder === 'II';
    const tiff = new Uint8Array(26);
    const view = new DataView(tiff.buffer);
    tiff.set([...byteOrder].map((char) => char.charCodeAt(0)));
    view.setUint16(2, 42, little);
    view.setUint32(4, 8, little); // IFD0 right after the header
    view.setUint16(8, 1, little); // one entry
    view.setUint16(10, 0x0112, little); // Orientation
    view.setUint16(12, 3, little); // SHORT
    view.setUint32(14, 1, little); // count
    view.setUint16(18, orientation, little);
    const exif = [...'Exif\0\0'].map((char) => char.charCodeAt(0));
    const app1Length = 2 + exif.length + tiff.length;
    const app1 = [0xff, 0xe1, app1Length >> 8, app1Length & 0xff, ...exif, ...tiff];
    // SOF0 (length 11): 8-bit samples, height 30, width 40, one component.
    const sof0 = [0xff, 0xc0, 0, 11, 8, 0, 30, 0, 40, 1, 1, 0x11, 0];
    return new Uint8Array([0xff, 0xd8, ...app1, ...sof0, 0xff, 0xd9]);
  }

  it.each(
    [1, 2, 3, 4, 5, 6, 7, 8].flatMap((orientation) => [
      [orientation, 'II'] as const,
      [orientation, 'MM'] as const,
    ]),
  )(
    'reads EXIF orientation %i (%s byte order); 5–8 swap width and height, 1–4 do not',
    (orientation, order) => {
      const quarterTurn = orientation >= 5;
      expect(readImageInfo(jpegWithOrientation(orientation, order))).toEqual({
        ok: true,
        info: {
          format: 'jpeg',
          mimeType: 'image/jpeg',
          width: quarterTurn ? 30 : 40,
          height: quarterTurn ? 40 : 30,
          orientation,
        },
      });
    },
  );

  it.each([
    ['image.heic', 'heic'],
    ['image.avif', 'avif'],
    ['image.tiff', 'tiff'],
    ['image.svg', 'svg'],
    ['image.ico', 'ico'],
  ])('refuses %s with IMAGE_TYPE_LIMIT (2252), naming the format', (name, format) => {
    const result = readImageInfo(fixture(name));
    expect(result).toMatchObject({ ok: false, code: ErrorCode.IMAGE_TYPE_LIMIT, format });
    if (!result.ok) expect(result.desc).toMatch(/Convert it to JPEG, PNG, GIF, BMP or WebP/);
  });

  it.each(['document-pdf.png', 'truncated.jpg', 'truncated.png', 'truncated.gif', 'crafted-length.jpg'])(
    'refuses %s with NOT_IMAGE (6031)',
    (name) => {
      expect(readImageInfo(fixture(name))).toMatchObject({ ok: false, code: ErrorCode.NOT_IMAGE });
    },
  );

  it('judges by the bytes alone: a PNG is a PNG whatever it is called', () => {
    const result = readImageInfo(fixture('image.png'));
    expect(result.ok && result.info.format).toBe('png');
  });

  it('stops at a segment length that points past the end instead of reading beyond the buffer', () => {
    // SOI, APP0 claiming 0xFFFF bytes, then a SOF0 that would be read if the walker trusted the length.
    const bytes = new Uint8Array([
      0xff, 0xd8, 0xff, 0xe0, 0xff, 0xff, 0, 0, 0xff, 0xc0, 0, 17, 8, 0, 10, 0, 20,
    ]);
    expect(readImageInfo(bytes)).toMatchObject({ ok: false, code: ErrorCode.NOT_IMAGE });
  });

  it('rejects a segment length below 2 instead of looping on it', () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x00, 0xff, 0xe0, 0x00, 0x01]);
    expect(readImageInfo(bytes)).toMatchObject({ ok: false, code: ErrorCode.NOT_IMAGE });
  });

  it('walks a long run of tiny segments in linear time and finds the frame at the end', () => {
    const segments = 100_000;
    const bytes = new Uint8Array(2 + segments * 4 + 11);
    bytes.set([0xff, 0xd8]);
    for (let i = 0; i < segments; i++) bytes.set([0xff, 0xfe, 0x00, 0x02], 2 + i * 4);
    bytes.set([0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x07, 0x00, 0x09, 0x03, 0x01], 2 + segments * 4);
    expect(readImageInfo(bytes)).toMatchObject({ ok: true, info: { width: 9, height: 7 } });
  });

  it('does not take a JPEG with a zero-height frame for an image', () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x00, 0x00, 0x09, 0x03]);
    expect(readImageInfo(bytes)).toMatchObject({ ok: false, code: ErrorCode.NOT_IMAGE });
  });

  it('treats HTML and plain text as not an image, and SVG hidden after an XML prolog as SVG', () => {
    const encode = (text: string) => new TextEncoder().encode(text);
    expect(readImageInfo(encode('<!doctype html><html><body>hi</body></html>'))).toMatchObject({
      code: ErrorCode.NOT_IMAGE,
    });
    expect(readImageInfo(encode('just some text'))).toMatchObject({ code: ErrorCode.NOT_IMAGE });
    expect(readImageInfo(encode('\uFEFF<?xml version="1.0"?><!-- x --><svg width="1"/>'))).toMatchObject({
      code: ErrorCode.IMAGE_TYPE_LIMIT,
      format: 'svg',
    });
  });

  describe('real-world files', () => {
    it("reads Pillow's junk_jpeg_header.jpg (stray bytes between segments) as libjpeg does: 1024×768", () => {
      expect(readImageInfo(realWorldFixture('junk_jpeg_header.jpg'))).toEqual({
        ok: true,
        info: { format: 'jpeg', mimeType: 'image/jpeg', width: 1024, height: 768 },
      });
    });

    it('skips stray bytes and stuffed FF 00 pairs between segments, and still finds no frame in junk alone', () => {
      const sof0 = [0xff, 0xc0, 0, 11, 8, 0, 7, 0, 9, 1, 1, 0x11, 0];
      const junk = [0x41, 0xff, 0x00, 0x42, 0x00];
      expect(readImageInfo(new Uint8Array([0xff, 0xd8, 0xff, 0xfe, 0, 2, ...junk, ...sof0]))).toMatchObject({
        ok: true,
        info: { width: 9, height: 7 },
      });
      const onlyJunk = new Uint8Array(5000).fill(0x41);
      onlyJunk.set([0xff, 0xd8, 0xff, 0xfe, 0, 2]);
      expect(readImageInfo(onlyJunk)).toMatchObject({ ok: false, code: ErrorCode.NOT_IMAGE });
    });

    /** A 3×2 BMP with a 40-byte info header (or a 12-byte OS/2 core header) and the given bit depth. */
    function bmp(bitCount: number, coreHeader = false, compression = 0): Uint8Array {
      const bytes = new Uint8Array(64);
      const view = new DataView(bytes.buffer);
      bytes.set([0x42, 0x4d]);
      view.setUint32(14, coreHeader ? 12 : 40, true);
      if (coreHeader) {
        view.setUint16(18, 3, true);
        view.setUint16(20, 2, true);
        view.setUint16(22, 1, true);
        view.setUint16(24, bitCount, true);
      } else {
        view.setInt32(18, 3, true);
        view.setInt32(22, 2, true);
        view.setUint16(26, 1, true);
        view.setUint16(28, bitCount, true);
        view.setUint32(30, compression, true);
      }
      return bytes;
    }

    // Every engine refuses these (createImageBitmap in Chromium, Firefox and WebKit); the text says what they are.
    it.each([
      [4, 'JPEG'],
      [5, 'PNG'],
    ])(
      'refuses a BMP whose pixels are a whole image (compression %i: %s), saying what it is',
      (compression, wrapped) => {
        const result = readImageInfo(bmp(0, false, compression));
        expect(result).toMatchObject({ ok: false, code: ErrorCode.NOT_IMAGE });
        if (result.ok) return;
        expect(result.desc).toContain(`a BMP that wraps a ${wrapped} image`);
        expect(result.desc).toContain(`save it as a ${wrapped}`);
        expect(result.desc).not.toContain('bits per pixel');
      },
    );

    /** SOI, then a frame header with the given marker and sample precision: 3 × 2, one component. */
    const jpegFrame = (marker: number, precision = 8) =>
      new Uint8Array([0xff, 0xd8, 0xff, marker, 0, 11, precision, 0, 2, 0, 3, 1, 1, 0x11, 0]);

    it.each([0xc0, 0xc1, 0xc2])(
      'accepts a Huffman JPEG frame (marker %s), as every engine shows',
      (marker) => {
        expect(readImageInfo(jpegFrame(marker))).toMatchObject({ ok: true, info: { width: 3, height: 2 } });
      },
    );

    it.each([
      [0xc9, 'arithmetic-coded'],
      [0xca, 'arithmetic-coded'],
      [0xc3, 'lossless'],
      [0xcb, 'lossless'],
      [0xc5, 'hierarchical'],
      [0xcf, 'hierarchical'],
    ])('refuses a JPEG frame not every engine shows (marker %s: %s), saying what it is', (marker, what) => {
      const result = readImageInfo(jpegFrame(marker));
      expect(result).toMatchObject({ ok: false, code: ErrorCode.NOT_IMAGE });
      if (!result.ok) expect(result.desc).toContain(what);
    });

    it('refuses a JPEG of 12-bit samples, which browsers decode only at 8 bits', () => {
      const result = readImageInfo(jpegFrame(0xc1, 12));
      expect(result).toMatchObject({ ok: false, code: ErrorCode.NOT_IMAGE });
      if (!result.ok) expect(result.desc).toContain('12 bits per sample');
    });

    it.each([1, 4, 8, 16, 24, 32])('accepts a BMP of %i bits per pixel, a depth browsers decode', (bits) => {
      expect(readImageInfo(bmp(bits))).toMatchObject({
        ok: true,
        info: { format: 'bmp', width: 3, height: 2 },
      });
      expect(readImageInfo(bmp(bits, true))).toMatchObject({ ok: true, info: { width: 3, height: 2 } });
    });

    it.each([0, 2, 3, 48, 64])(
      'refuses a BMP of %i bits per pixel with NOT_IMAGE (6031), saying why',
      (bits) => {
        for (const bytes of [bmp(bits), bmp(bits, true)]) {
          const result = readImageInfo(bytes);
          expect(result).toMatchObject({ ok: false, code: ErrorCode.NOT_IMAGE });
          if (!result.ok) expect(result.desc).toContain(`${bits} bits per pixel`);
        }
      },
    );

    it.each([
      ['jp2-as-jpg.jpg', 'jp2', 'JPEG 2000'],
      ['j2k-codestream-as-png.png', 'jp2', 'JPEG 2000'],
      ['jxr-as-jpg.jpg', 'jxr', 'JPEG XR'],
      ['jpeg-ls-as-jpg.jpg', 'jpegls', 'JPEG-LS'],
      ['qoi-as-png.png', 'qoi', 'QOI'],
      ['dds-as-png.png', 'dds', 'DirectDraw Surface (DDS)'],
      ['icns-as-png.png', 'icns', 'Apple icon (ICNS)'],
      ['bpg-as-jpg.jpg', 'bpg', 'BPG'],
      ['heif-mif3-miaf-as-jpg.jpg', 'heic', 'HEIC/HEIF'],
    ])('refuses %s, an image we recognise but do not send, with 2252 naming %s', (file, format, name) => {
      const result = readImageInfo(badFileBytes(file));
      expect(result).toMatchObject({ ok: false, code: ErrorCode.IMAGE_TYPE_LIMIT, format });
      if (!result.ok) expect(result.desc).toContain(`${name} images cannot be sent`);
    });

    it.each(['mif1', 'mif2', 'mif3', 'msf1', 'miaf', 'heix', 'hevc', 'avci', 'j2ki', 'vvic', 'unif'])(
      'takes an ftyp with only the %s brand for HEIF',
      (brand) => {
        const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));
        const bytes = new Uint8Array([
          0,
          0,
          0,
          20,
          ...ascii('ftyp'),
          ...ascii(brand),
          0,
          0,
          0,
          0,
          ...ascii(brand),
        ]);
        expect(readImageInfo(bytes)).toMatchObject({ code: ErrorCode.IMAGE_TYPE_LIMIT, format: 'heic' });
      },
    );

    it('does not take a video (ftyp isom / mp42) for an image', () => {
      const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));
      const bytes = new Uint8Array([0, 0, 0, 24, ...ascii('ftypisom'), 0, 0, 2, 0, ...ascii('isomiso2mp41')]);
      expect(readImageInfo(bytes)).toMatchObject({ code: ErrorCode.NOT_IMAGE });
    });
  });
});
