import { hasBytes, u8, u16le, u24le, u32le } from '../bytes';
import { damaged, dimensions, type ImageFormatReader } from './format';

/** WebP: a RIFF container whose first chunk is VP8 (lossy), VP8L (lossless) or VP8X (extended). */
export const webp: ImageFormatReader = {
  format: 'webp',
  matches: (bytes) => hasBytes(bytes, 0, 'RIFF') && hasBytes(bytes, 8, 'WEBP'),
  read(bytes) {
    if (hasBytes(bytes, 12, 'VP8 ')) {
      // Key frame start code 9d 01 2a, then 14-bit width and height (the top two bits are scaling).
      if (!hasBytes(bytes, 23, [0x9d, 0x01, 0x2a])) return damaged('its VP8 frame header is missing');
      const width = u16le(bytes, 26);
      const height = u16le(bytes, 28);
      if (width < 0 || height < 0) return damaged('its header is cut short');
      return dimensions(width & 0x3fff, height & 0x3fff);
    }
    if (hasBytes(bytes, 12, 'VP8L')) {
      if (u8(bytes, 20) !== 0x2f) return damaged('its VP8L signature is missing');
      const bits = u32le(bytes, 21);
      if (bits < 0) return damaged('its header is cut short');
      // Two 14-bit fields from the lowest bit up, each storing size minus one.
      return dimensions(1 + (bits & 0x3fff), 1 + ((bits >>> 14) & 0x3fff));
    }
    if (hasBytes(bytes, 12, 'VP8X')) {
      const width = u24le(bytes, 24);
      const height = u24le(bytes, 27);
      if (width < 0 || height < 0) return damaged('its header is cut short');
      return dimensions(width + 1, height + 1);
    }
    return damaged('its first chunk is not VP8, VP8L or VP8X');
  },
};
