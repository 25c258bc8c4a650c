import { readImageInfo } from '@image-message/core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createDataTransfer, createImageBytes, createImageFile, type TestImageFormat } from '../src/testing';

const FORMATS: TestImageFormat[] = ['png', 'jpeg', 'gif', 'bmp', 'webp'];
const SHARP_FORMAT: Record<TestImageFormat, string> = {
  png: 'png',
  jpeg: 'jpeg',
  gif: 'gif',
  bmp: 'bmp',
  webp: 'webp',
};

describe('createImageFile', () => {
  it.each(
    FORMATS.flatMap(
      (format) =>
        [
          [format, 1, 1],
          [format, 17, 9],
          [format, 640, 480],
        ] as const,
    ),
  )(
    'makes a %s of %i×%i whose header our reader and a real decoder agree on',
    async (format, width, height) => {
      const bytes = createImageBytes({ format, width, height });
      expect(readImageInfo(bytes)).toMatchObject({ ok: true, info: { format, width, height } });
      if (format === 'bmp') return; // libvips here has no BMP loader; the header check above stands
      const image = sharp(bytes, { animated: false });
      const metadata = await image.metadata();
      expect(metadata).toMatchObject({ format: SHARP_FORMAT[format], width, height });
      const decoded = await image.raw().toBuffer({ resolveWithObject: true });
      expect(decoded.info).toMatchObject({ width, height });
    },
  );

  it.each(FORMATS)('keeps a 12 MP %s small and valid', async (format) => {
    const bytes = createImageBytes({ format, width: 4000, height: 3000 });
    expect(bytes.byteLength).toBeLessThan(2_000_000);
    expect(readImageInfo(bytes)).toMatchObject({ ok: true, info: { width: 4000, height: 3000 } });
  });

  it.each(FORMATS)('pads a %s to an exact size and it stays readable', async (format) => {
    const size = 300_001;
    const bytes = createImageBytes({ format, width: 30, height: 20, size });
    expect(bytes.byteLength).toBe(size);
    expect(readImageInfo(bytes)).toMatchObject({ ok: true, info: { width: 30, height: 20 } });
    if (format !== 'bmp') expect((await sharp(bytes).metadata()).width).toBe(30);
  });

  it('writes EXIF orientation into a JPEG, so 6 swaps the reported dimensions', () => {
    const bytes = createImageBytes({ format: 'jpeg', width: 40, height: 30, orientation: 6 });
    expect(readImageInfo(bytes)).toMatchObject({ ok: true, info: { width: 30, height: 40, orientation: 6 } });
  });

  it('names the file and lets the MIME type lie', () => {
    const file = createImageFile({ format: 'gif', width: 3, height: 2, type: 'application/pdf' });
    expect(file.name).toBe('image-3x2.gif');
    expect(file.type).toBe('application/pdf');
  });
});

describe('createDataTransfer', () => {
  it('carries files the way react-dropzone and paste handlers read them in jsdom', () => {
    const file = createImageFile();
    const transfer = createDataTransfer([file], { text: 'hello' });
    expect(Array.from(transfer.files)).toEqual([file]);
    expect(transfer.types).toEqual(['Files', 'text/plain']);
    expect(
      Array.from(transfer.items)
        .filter((item) => item.kind === 'file')
        .map((item) => item.getAsFile()),
    ).toEqual([file]);
    expect(transfer.getData('text/plain')).toBe('hello');
  });
});
