import { thumbHashToDataURL } from 'thumbhash';

/**
 * Paints a placeholder: the base64 ThumbHash of `PreparedImage.placeholder` (or `imageElem.placeholder`)
 * as a small PNG `data:` URL, for an `<img>` or a CSS background until the real image has loaded.
 * `undefined` for anything that is not a ThumbHash. Only the decoder is imported (~1 KB gzip); the
 * encoder lives in the preparation worker.
 *
 * @example
 * const url = placeholderToDataUrl(message.imageElem?.placeholder ?? '');
 * if (url) img.style.backgroundImage = `url(${url})`;
 */
export function placeholderToDataUrl(placeholder: string): string | undefined {
  try {
    const binary = atob(placeholder);
    // A ThumbHash has a 5-byte header (6 with alpha) and is at most a few dozen bytes.
    if (binary.length < 5 || binary.length > 64) return undefined;
    return thumbHashToDataURL(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
  } catch {
    return undefined;
  }
}
