import { ErrorCode, prepareImageFile, stripMetadata } from '@image-message/core';
import { describe, expect, it } from 'vitest';
import { findLocationLeaks } from '../fixtures/photoLeaks';
import gpsJpegUrl from '../fixtures/photos/gps-exif6.jpg?url';

// A page whose Content-Security-Policy refuses workers (no `worker-src blob:`): preparation must still
// give a clean file, through the main-thread fallback. Its own file: the refusal is remembered per page.

describe('prepareImageFile where the CSP refuses workers', () => {
  it('falls back to stripping on the main thread: GPS gone, size kept, no downscale', async () => {
    const policy = document.createElement('meta');
    policy.httpEquiv = 'Content-Security-Policy';
    policy.content = "worker-src 'none'";
    document.head.append(policy);

    const source = new Uint8Array(await (await fetch(gpsJpegUrl)).arrayBuffer());
    const result = await prepareImageFile(new File([source], 'IMG_0001.jpg'), { maxDimension: 100 });
    expect(result.code).toBe(ErrorCode.SUCC);
    if (!result.data) throw new Error(result.desc);
    const bytes = new Uint8Array(await result.data.file.arrayBuffer());
    expect(bytes).toEqual(stripMetadata(source));
    expect(findLocationLeaks(bytes)).toEqual([]);
    expect(result.data).toMatchObject({ width: 240, height: 320 });
    expect(result.data.placeholder).toBeUndefined();
  });
});
