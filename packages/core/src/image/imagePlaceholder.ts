/** Fewest bytes a ThumbHash has: its header (5 bytes; 6 with alpha). */
const MIN_BYTES = 5;

/**
 * Most bytes an `imageElem.placeholder` may decode to. A ThumbHash is 17–25 bytes (its encoder caps the
 * coefficients it keeps); 64 leaves room for a future variant without letting junk through.
 */
export const IMAGE_PLACEHOLDER_MAX_BYTES = 64;

/** Longest `imageElem.placeholder` accepted: base64 of `IMAGE_PLACEHOLDER_MAX_BYTES`, padded (88). */
export const IMAGE_PLACEHOLDER_MAX_LENGTH = Math.ceil(IMAGE_PLACEHOLDER_MAX_BYTES / 3) * 4;

// Standard alphabet, padded (as `btoa` writes it) or not (as ThumbHash's own demo prints it).
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?$/;

/**
 * Whether `value` can be an `imageElem.placeholder`: base64 (standard alphabet, padding optional) of
 * 5–64 bytes, the shape of a ThumbHash. It does not decode the hash: it is the rule every transport and
 * the reference server apply to a placeholder they did not make, so no one stores or forwards anything
 * bigger or stranger than that — a placeholder that fails it is dropped, and the message is sent without.
 *
 * @example
 * isImagePlaceholder('1QcSHQRnh493V4dIh4eXh1h4kJUI') // true
 * isImagePlaceholder('<svg onload=…>') // false
 */
export function isImagePlaceholder(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > IMAGE_PLACEHOLDER_MAX_LENGTH) return false;
  if (!BASE64.test(value)) return false;
  const bytes = Math.floor((value.replace(/=+$/, '').length * 3) / 4);
  return bytes >= MIN_BYTES && bytes <= IMAGE_PLACEHOLDER_MAX_BYTES;
}
