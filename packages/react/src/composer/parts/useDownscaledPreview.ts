import type { ImageDraft } from '@image-message/core';
import { useEffect, useState } from 'react';

/** Above this, showing the original costs the main thread tens of milliseconds (measured: 28 MiB, 27–44 ms). */
const LARGE_FILE_BYTES = 2 * 1024 * 1024;
/** Twice the preview box's CSS size, for sharp thumbnails on high-density screens. */
const PREVIEW_PIXELS = 2 * 88;

/**
 * A small preview URL for a large image, so the composer never decodes a 48 MP photo on the main thread:
 * `createImageBitmap` decodes and scales it on the browser's image threads, and `convertToBlob` encodes
 * the result off the main thread too. Small files, platforms without these APIs (jsdom, old browsers) and
 * any failure use the original. The small URL is revoked when the draft's preview goes away.
 */
export function useDownscaledPreview(draft: ImageDraft): string {
  const [small, setSmall] = useState<{ from: string; url: string }>();
  const { previewUrl, size, width, height } = draft;

  useEffect(() => {
    if (
      size <= LARGE_FILE_BYTES ||
      typeof createImageBitmap !== 'function' ||
      typeof OffscreenCanvas !== 'function'
    ) {
      return;
    }
    let url: string | undefined;
    let live = true;
    (async () => {
      const source = await (await fetch(previewUrl)).blob();
      const scale = Math.min(1, PREVIEW_PIXELS / Math.min(width, height));
      // Only the width: the height follows the image's own (EXIF-oriented) aspect ratio.
      const bitmap = await createImageBitmap(source, {
        resizeWidth: Math.max(1, Math.round(width * scale)),
        resizeQuality: 'medium',
      });
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
      bitmap.close();
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
      if (!live) return;
      url = URL.createObjectURL(blob);
      setSmall({ from: previewUrl, url });
    })().catch(() => {
      // The original still shows.
    });
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [previewUrl, size, width, height]);

  return small?.from === previewUrl ? small.url : previewUrl;
}
