import type { RejectionCode } from '../errors';
import { type ImageInfo, readImageInfo } from '../image/readImageInfo';
import { checkImageSize } from './checkImageSize';

export type ImageBytesCheck =
  | { ok: true; info: ImageInfo }
  | { ok: false; code: RejectionCode; desc: string };

/**
 * The checks every image goes through before anything is uploaded, in the order a user can act on:
 * empty, then too large, then what the bytes are. Pure; returns a result.
 *
 * @example validateImageBytes(bytes, IMAGE_MAX_BYTES)
 */
export function validateImageBytes(bytes: Uint8Array, maxBytes: number): ImageBytesCheck {
  const size = checkImageSize(bytes.byteLength, maxBytes);
  if (!size.ok) return size;
  const reading = readImageInfo(bytes);
  return reading.ok ? reading : { ok: false, code: reading.code, desc: reading.desc };
}
