import { ErrorCode } from '../errors';
import { formatBytes } from '../format/formatBytes';
import { type ImageInfo, readImageInfo } from '../image/readImageInfo';

export type ImageBytesCheck = { ok: true; info: ImageInfo } | { ok: false; code: number; desc: string };

/**
 * The checks every image goes through before anything is uploaded, in the order a user can act on:
 * empty, then too large, then what the bytes are. Pure; returns a result.
 *
 * @example validateImageBytes(bytes, IMAGE_MAX_BYTES)
 */
export function validateImageBytes(bytes: Uint8Array, maxBytes: number): ImageBytesCheck {
  if (bytes.byteLength === 0) {
    return {
      ok: false,
      code: ErrorCode.FILE_SIZE_EMPTY,
      desc: 'This file is empty (0 bytes). Choose another image.',
    };
  }
  if (bytes.byteLength > maxBytes) {
    return {
      ok: false,
      code: ErrorCode.FILE_TOO_LARGE,
      desc: `This image is ${formatBytes(bytes.byteLength)} (${bytes.byteLength.toLocaleString('en-US')} bytes); the limit is ${formatBytes(maxBytes)}. Choose a smaller image or compress it.`,
    };
  }
  const reading = readImageInfo(bytes);
  return reading.ok ? reading : { ok: false, code: reading.code, desc: reading.desc };
}
