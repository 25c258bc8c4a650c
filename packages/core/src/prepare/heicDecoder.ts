// Loaded with a dynamic import when the first HEIC the browser cannot decode itself arrives: heic-to
// (libheif compiled to JavaScript, LGPL-3.0, ~713 KB gzip) lands in its own chunk, never in an app's
// main bundle. It decodes in a worker of its own.

import { heicTo } from 'heic-to/next';

/**
 * Where this module was loaded from, whatever chunk an app's bundler put it in: the preparation worker
 * imports it from there, so the decoded pixels (48 MB for 12 MP) never pass through the main thread.
 */
export const heicDecoderUrl: string = import.meta.url;

/** Decodes a HEIC/HEIF (its primary image, transformations such as rotation applied) to a bitmap. */
export function decodeHeic(file: Blob): Promise<ImageBitmap> {
  return heicTo({ blob: file, type: 'bitmap' });
}
