import { hasBytes, u32be } from '../bytes';
import { damaged, dimensions, type ImageFormatReader } from './format';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** PNG (and APNG): the IHDR chunk must come first and holds width and height as big-endian u32. */
export const png: ImageFormatReader = {
  format: 'png',
  matches: (bytes) => hasBytes(bytes, 0, SIGNATURE),
  read(bytes) {
    if (!hasBytes(bytes, 12, 'IHDR') || u32be(bytes, 8) !== 13) return damaged('its IHDR chunk is missing');
    const width = u32be(bytes, 16);
    const height = u32be(bytes, 20);
    if (width < 0 || height < 0) return damaged('its header is cut short');
    // The PNG spec caps each side at 2^31 - 1.
    if (width > 0x7fffffff || height > 0x7fffffff) return damaged('its header gives impossible dimensions');
    return dimensions(width, height);
  },
};
