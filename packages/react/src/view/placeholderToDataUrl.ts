import { thumbHashToDataURL } from 'thumbhash';

/**
 * A message's ThumbHash placeholder (`imageElem.placeholder`, base64) as a PNG data URL to paint while
 * the image loads; `undefined` for a missing or malformed hash. The one place the view decodes hashes
 * (core's prepare step will own this; then this file imports it from there).
 *
 * @example placeholderToDataUrl('1QcSHQRnh493V4dIh4eXh1h4kJUI') // 'data:image/png;base64,…'
 */
export function placeholderToDataUrl(hash: string): string | undefined {
  try {
    const binary = atob(hash);
    // A ThumbHash is at least 5 bytes (header and average colour); shorter input would decode to noise.
    if (binary.length < 5) return undefined;
    return thumbHashToDataURL(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
  } catch {
    return undefined;
  }
}
