import { hasBytes, u8, u32be } from '../image/bytes';
import type { AcceptedImageFormat } from '../image/formats/format';

const MAX_PNG_CHUNKS = 1024;

/** APNG: an `acTL` chunk before the first `IDAT`. */
function isAnimatedPng(bytes: Uint8Array): boolean {
  let offset = 8;
  for (let i = 0; i < MAX_PNG_CHUNKS && offset + 8 <= bytes.length; i++) {
    if (hasBytes(bytes, offset + 4, 'acTL')) return true;
    if (hasBytes(bytes, offset + 4, 'IDAT')) return false;
    const length = u32be(bytes, offset);
    if (length < 0) return false;
    offset += 12 + length;
  }
  return false;
}

/** Formats that may hold more than one frame; only their bytes need reading to know. */
export function canAnimate(format: AcceptedImageFormat): boolean {
  return format === 'gif' || format === 'png' || format === 'webp';
}

/**
 * True for images with more than one frame as far as their header says: APNG, animated WebP (the VP8X
 * animation flag) and every GIF (GIFs are never re-encoded: a canvas cannot write them). Such images are
 * never re-encoded, which would keep only their first frame.
 */
export function isAnimated(bytes: Uint8Array, format: AcceptedImageFormat): boolean {
  if (format === 'gif') return true;
  if (format === 'png') return isAnimatedPng(bytes);
  if (format === 'webp') return hasBytes(bytes, 12, 'VP8X') && (u8(bytes, 20) & 0x02) !== 0;
  return false;
}
