import { thumbHashToDataURL } from 'thumbhash';
import { isImagePlaceholder } from '../image/imagePlaceholder';

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
  if (!isImagePlaceholder(placeholder)) return undefined;
  try {
    const binary = atob(placeholder);
    return thumbHashToDataURL(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
  } catch {
    return undefined;
  }
}
