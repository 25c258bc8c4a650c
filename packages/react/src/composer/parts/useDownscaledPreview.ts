import type { ImageDraft } from '@image-message/core';
import { useEffect, useState } from 'react';

/** Above this, showing the original costs the main thread tens of milliseconds (measured: 28 MiB, 27–44 ms). */
const LARGE_FILE_BYTES = 2 * 1024 * 1024;
/** Twice the preview box's CSS size, for sharp thumbnails on high-density screens. */
const PREVIEW_PIXELS = 2 * 88;
/** A transparent 1×1 GIF: the frame keeps its size and shows no broken-image icon or alt text. */
export const EMPTY_IMAGE = 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==';

const canDownscale = () => typeof createImageBitmap === 'function' && typeof OffscreenCanvas === 'function';

/**
 * A small preview URL for a large image, so the composer never decodes a 48 MP photo on the main thread:
 * `createImageBitmap` decodes and scales it on the browser's image threads, and `convertToBlob` encodes
 * the result off the main thread too. Until it is ready the preview is an empty frame (showing the
 * original meanwhile would decode it on the main thread after all). Small files, platforms without these
 * APIs (jsdom, old browsers) and a failure use the original. The small URL is revoked with the preview.
 */
export function useDownscaledPreview(draft: ImageDraft): string {
  const [small, setSmall] = useState<{ from: string; url: string }>();
  const { previewUrl, width, height } = draft;
  const downscale = draft.size > LARGE_FILE_BYTES && canDownscale();

  useEffect(() => {
    if (!downscale) return;
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
      if (live) setSmall({ from: previewUrl, url: previewUrl });
    });
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [downscale, previewUrl, width, height]);

  if (!downscale) return previewUrl;
  return small?.from === previewUrl ? small.url : EMPTY_IMAGE;
}
