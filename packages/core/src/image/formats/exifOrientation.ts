import { hasBytes, u16be, u16le, u32be, u32le } from '../bytes';

const ORIENTATION_TAG = 0x0112;
const SHORT = 3;
const MAX_IFD_ENTRIES = 512;

/**
 * Reads the EXIF orientation (1–8) from a TIFF-structured EXIF block, or `undefined` when it is absent or
 * the block is malformed. Only IFD0 is read, with a capped entry count, so the work is bounded.
 */
export function readExifOrientation(tiff: Uint8Array): number | undefined {
  const littleEndian = hasBytes(tiff, 0, 'II');
  if (!littleEndian && !hasBytes(tiff, 0, 'MM')) return undefined;
  const read16 = littleEndian ? u16le : u16be;
  const read32 = littleEndian ? u32le : u32be;
  if (read16(tiff, 2) !== 42) return undefined;
  const ifdOffset = read32(tiff, 4);
  const entryCount = read16(tiff, ifdOffset);
  if (ifdOffset < 8 || entryCount < 0) return undefined;
  for (let i = 0; i < Math.min(entryCount, MAX_IFD_ENTRIES); i++) {
    const entry = ifdOffset + 2 + i * 12;
    const tag = read16(tiff, entry);
    if (tag < 0) return undefined;
    if (tag !== ORIENTATION_TAG) continue;
    if (read16(tiff, entry + 2) !== SHORT) return undefined;
    const value = read16(tiff, entry + 8);
    return value >= 1 && value <= 8 ? value : undefined;
  }
  return undefined;
}
