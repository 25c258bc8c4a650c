import { hasBytes, u16le, u32le } from '../bytes';
import { damaged, dimensions, type ImageFormatReader } from './format';

const CORE_HEADER_SIZE = 12; // OS/2 BITMAPCOREHEADER: 16-bit dimensions
const KNOWN_HEADER_SIZES = new Set([12, 16, 40, 52, 56, 64, 108, 124]);

function toInt32(value: number): number {
  return value > 0x7fffffff ? value - 0x100000000 : value;
}

/** BMP: "BM", then a DIB header whose size tells its layout; a negative height means top-down rows. */
export const bmp: ImageFormatReader = {
  format: 'bmp',
  matches: (bytes) => hasBytes(bytes, 0, 'BM') && KNOWN_HEADER_SIZES.has(u32le(bytes, 14)),
  read(bytes) {
    const headerSize = u32le(bytes, 14);
    if (headerSize === CORE_HEADER_SIZE) {
      const width = u16le(bytes, 18);
      const height = u16le(bytes, 20);
      if (width < 0 || height < 0) return damaged('its header is cut short');
      return dimensions(width, height);
    }
    const rawWidth = u32le(bytes, 18);
    const rawHeight = u32le(bytes, 22);
    if (rawWidth < 0 || rawHeight < 0) return damaged('its header is cut short');
    const width = toInt32(rawWidth);
    if (width < 0) return damaged('its header gives a negative width');
    return dimensions(width, Math.abs(toInt32(rawHeight)));
  },
};
