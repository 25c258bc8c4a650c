import { hasBytes, u16le, u32le } from '../bytes';
import { damaged, dimensions, type ImageFormatReader } from './format';

const CORE_HEADER_SIZE = 12; // OS/2 BITMAPCOREHEADER: 16-bit dimensions
const KNOWN_HEADER_SIZES = new Set([12, 16, 40, 52, 56, 64, 108, 124]);
/**
 * The depths Chromium, Firefox and WebKit all decode (checked with createImageBitmap in each, RLE4/RLE8 and
 * bit fields too); 2 (Windows CE, Chromium only) and 64 fail to show in at least one.
 */
const BROWSER_BIT_DEPTHS = new Set([1, 4, 8, 16, 24, 32]);
/** BI_JPEG and BI_PNG: the pixels are a whole JPEG or PNG inside the BMP (printers' format); no browser shows them. */
const WRAPPED = new Map([
  [4, 'JPEG'],
  [5, 'PNG'],
]);

function toInt32(value: number): number {
  return value > 0x7fffffff ? value - 0x100000000 : value;
}

/** BMP: "BM", then a DIB header whose size tells its layout; a negative height means top-down rows. */
export const bmp: ImageFormatReader = {
  format: 'bmp',
  matches: (head) => hasBytes(head, 0, 'BM') && KNOWN_HEADER_SIZES.has(u32le(head, 14)),
  read(head) {
    const core = u32le(head, 14) === CORE_HEADER_SIZE;
    const bitCount = u16le(head, core ? 24 : 28);
    if (bitCount < 0) return damaged('its header is cut short');
    const wrapped = core ? undefined : WRAPPED.get(u32le(head, 30));
    if (wrapped) {
      return damaged(
        `it is a BMP that wraps a ${wrapped} image (as printers and scanners write), which browsers cannot show`,
        `Convert it: open it in an image editor and save it as a ${wrapped}.`,
      );
    }
    if (!BROWSER_BIT_DEPTHS.has(bitCount)) {
      return damaged(`it stores ${bitCount} bits per pixel, which browsers cannot show`);
    }
    if (core) return dimensions(u16le(head, 18), u16le(head, 20));
    const width = toInt32(u32le(head, 18));
    if (width < 0) return damaged('its header gives a negative width');
    return dimensions(width, Math.abs(toInt32(u32le(head, 22))));
  },
};
