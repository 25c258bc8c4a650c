// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLocationLeaks } from '../../../tests/fixtures/photoLeaks';
import { ErrorCode, prepareImageFile, stripMetadata } from '../src';

// What an app's own jsdom tests get: no Worker, no OffscreenCanvas, jsdom's File. The fallback strips
// metadata on the main thread and keeps the size; it neither downscales nor computes a placeholder.
// import.meta.dirname: under jsdom, relative URLs resolve against the page's http: URL, not the file.
const photosDir = join(import.meta.dirname, '../../../tests/fixtures/photos/');
const photo = (name: string) => new Uint8Array(readFileSync(join(photosDir, name)));

describe('prepareImageFile in jsdom', () => {
  it('has neither Worker nor OffscreenCanvas here', () => {
    expect(typeof Worker).toBe('undefined');
    expect(typeof OffscreenCanvas).toBe('undefined');
  });

  it('strips GPS from a jsdom File and keeps its size, type and name', async () => {
    const source = photo('gps-exif6.jpg');
    const result = await prepareImageFile(new File([source], 'IMG_0001.jpg', { type: 'image/jpeg' }));
    expect(result.code).toBe(ErrorCode.SUCC);
    if (!result.data) throw new Error(result.desc);
    const bytes = new Uint8Array(await result.data.file.arrayBuffer());
    expect(bytes).toEqual(stripMetadata(source));
    expect(findLocationLeaks(bytes)).toEqual([]);
    expect(result.data).toMatchObject({
      width: 240,
      height: 320,
      file: { name: 'IMG_0001.jpg', type: 'image/jpeg' },
    });
    expect(result.data.placeholder).toBeUndefined();
  });

  it('refuses a HEIC with 2252 (no decoder without a canvas)', async () => {
    const result = await prepareImageFile(new File([photo('photo.heic')], 'IMG_0002.HEIC'));
    expect(result.code).toBe(ErrorCode.IMAGE_TYPE_LIMIT);
  });
});
