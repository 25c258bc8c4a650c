import { readImageInfo } from '../image/readImageInfo';
import { type ImageBytesCheck, toCheck } from './checkImageBytes';
import { checkImageSize } from './checkImageSize';

/**
 * The checks every image goes through before anything is uploaded, in the order a user can act on:
 * empty, then too large, then what the bytes are. Pure; returns a result.
 *
 * @example validateImageBytes(bytes, IMAGE_MAX_BYTES)
 */
export function validateImageBytes(bytes: Uint8Array, maxBytes: number): ImageBytesCheck {
  const size = checkImageSize(bytes.byteLength, maxBytes);
  return size.ok ? toCheck(readImageInfo(bytes)) : size;
}
