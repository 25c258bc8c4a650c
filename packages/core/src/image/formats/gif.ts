import { hasBytes, u16le } from '../bytes';
import { damaged, dimensions, type ImageFormatReader } from './format';

/** GIF87a / GIF89a: the logical screen descriptor holds little-endian u16 width and height. */
export const gif: ImageFormatReader = {
  format: 'gif',
  matches: (bytes) => hasBytes(bytes, 0, 'GIF87a') || hasBytes(bytes, 0, 'GIF89a'),
  read(bytes) {
    const width = u16le(bytes, 6);
    const height = u16le(bytes, 8);
    if (width < 0 || height < 0) return damaged('its header is cut short');
    return dimensions(width, height);
  },
};
