import { useEffect, useState } from 'react';
import { scheduleFrame } from '../../scheduleFrame';

/** How long an image is shown before its original starts downloading. */
const ORIGINAL_DELAY_MS = 250;

/** How the viewer's ORIGIN download is going. `progress` is undefined when it cannot be known. */
export interface OriginalImage {
  /** What the `<img>` shows: the downloaded bytes (a `blob:` URL), or the URL itself as a fallback. */
  src?: string;
  /** 0–100 from the response stream; undefined (indeterminate) without a Content-Length or stream. */
  progress?: number;
  /** True once the bytes are in (the `<img>` still has to decode them). */
  downloaded: boolean;
}

/**
 * Downloads `url` with `fetch` (after a short delay: see ORIGINAL_DELAY_MS) and reads the body as a stream, so the viewer can show how much of the
 * original has arrived; then hands the bytes to the `<img>` as a `blob:` URL (no second request).
 * Where the stream cannot be read (a cross-origin link without CORS, an old engine) the `<img>` loads the
 * URL itself and the progress is indeterminate.
 */
export function useOriginalImage(url: string | undefined): OriginalImage {
  const [state, setState] = useState<OriginalImage & { url?: string }>({ downloaded: false });
  const current = state.url === url ? state : { url, downloaded: false };

  useEffect(() => {
    if (!url) return;
    if (url.startsWith('blob:') || url.startsWith('data:') || typeof fetch !== 'function') {
      setState({ url, src: url, downloaded: true });
      return;
    }
    const controller = new AbortController();
    let objectUrl: string | undefined;
    let cancelFrame: (() => void) | undefined;
    const fallBack = () => {
      if (!controller.signal.aborted) setState({ url, src: url, downloaded: false });
    };
    const download = async () => {
      const response = await fetch(url, { signal: controller.signal });
      if (!response.ok || !response.body) return fallBack();
      const total = Number(response.headers.get('content-length')) || 0;
      const reader = response.body.getReader();
      const chunks: Uint8Array[] = [];
      let loaded = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        loaded += value.byteLength;
        if (total > 0) {
          // Progress re-renders at most once per frame, however small the chunks.
          const progress = Math.min(99, Math.floor((loaded * 100) / total));
          cancelFrame?.();
          cancelFrame = scheduleFrame(() => setState({ url, progress, downloaded: false }));
        }
      }
      cancelFrame?.();
      const type = response.headers.get('content-type') ?? '';
      objectUrl = URL.createObjectURL(new Blob(chunks as BlobPart[], { type }));
      setState({ url, src: objectUrl, progress: 100, downloaded: true });
    };
    // Someone paging quickly through the viewer wants the LARGE of each image, not megabytes of originals
    // started and dropped: the download begins once an image has been looked at for a moment.
    const timer = setTimeout(() => void download().catch(fallBack), ORIGINAL_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
      cancelFrame?.();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [url]);

  return current;
}
