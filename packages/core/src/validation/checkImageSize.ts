import * as ErrorCode from '../errorCodes';
import { formatBytes } from '../format/formatBytes';

export type ImageSizeCheck =
  | { ok: true }
  | { ok: false; code: typeof ErrorCode.FILE_SIZE_EMPTY | typeof ErrorCode.FILE_TOO_LARGE; desc: string };

/**
 * The size rules alone: empty, or over `maxBytes`. Usable on `File.size` before any byte is read, so an
 * oversize file is refused without loading it.
 */
export function checkImageSize(size: number, maxBytes: number): ImageSizeCheck {
  if (size === 0) {
    return {
      ok: false,
      code: ErrorCode.FILE_SIZE_EMPTY,
      desc: 'This file is empty (0 bytes). Choose another image.',
    };
  }
  if (size > maxBytes) {
    return {
      ok: false,
      code: ErrorCode.FILE_TOO_LARGE,
      desc: `This image is ${formatBytes(size, 'up')} (${size.toLocaleString('en-US')} bytes); the limit is ${formatBytes(maxBytes)} (${maxBytes.toLocaleString('en-US')} bytes). Choose a smaller image or compress it.`,
    };
  }
  return { ok: true };
}
