import { hasAscii, u8, u16le, u24le } from '../bytes';
import { damaged, dimensions, type ImageFormatReader } from './format';

/** WebP: a RIFF container whose first chunk is VP8 (lossy), VP8L (lossless) or VP8X (extended). */
export const webp: ImageFormatReader = {
  format: 'webp',
  matches: (bytes) => hasAscii(bytes, 0, 'RIFF') && hasAscii(bytes, 8, 'WEBP'),
  read(bytes) {
    if (hasAscii(bytes, 12, 'VP8 ')) {
      // Key frame start code 9d 01 2a, then 14-bit width and height (the top two bits are scaling).
      if (u8(bytes, 23) !== 0x9d || u8(bytes, 24) !== 0x01 || u8(bytes, 25) !== 0x2a) {
        return damaged('its VP8 frame header is missing');
      }
      const width = u16le(bytes, 26);
      const height = u16le(bytes, 28);
      if (width < 0 || height < 0) return damaged('its header is cut short');
      return dimensions(width & 0x3fff, height & 0x3fff);
    }
    if (hasAscii(bytes, 12, 'VP8L')) {
      if (u8(bytes, 20) !== 0x2f) return damaged('its VP8L signature is missing');
      const b1 = u8(bytes, 21);
      const b2 = u8(bytes, 22);
      const b3 = u8(bytes, 23);
      const b4 = u8(bytes, 24);
      if (b1 < 0 || b2 < 0 || b3 < 0 || b4 < 0) return damaged('its header is cut short');
      // Two 14-bit fields, each storing size minus one.
      const width = 1 + (((b2 & 0x3f) << 8) | b1);
      const height = 1 + (((b4 & 0x0f) << 10) | (b3 << 2) | ((b2 & 0xc0) >> 6));
      return dimensions(width, height);
    }
    if (hasAscii(bytes, 12, 'VP8X')) {
      const width = u24le(bytes, 24);
      const height = u24le(bytes, 27);
      if (width < 0 || height < 0) return damaged('its header is cut short');
      return dimensions(width + 1, height + 1);
    }
    return damaged('its first chunk is not VP8, VP8L or VP8X');
  },
};
