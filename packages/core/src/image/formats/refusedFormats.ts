import { hasAscii, hasBytes, u16le, u32be } from '../bytes';
import type { RefusedImageFormat } from './format';

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
const SNIFF_TEXT_BYTES = 1024;
const MAX_BRANDS = 64;

/** ISO-BMFF (HEIF family): an `ftyp` box with a major brand, a minor version and compatible brands. */
function sniffIsoMedia(bytes: Uint8Array): RefusedImageFormat | undefined {
  if (!hasAscii(bytes, 4, 'ftyp')) return undefined;
  const brandAt = (offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4));
  const boxEnd = Math.min(bytes.length, Math.max(u32be(bytes, 0), 16), 16 + MAX_BRANDS * 4);
  const brands = [brandAt(8)];
  for (let offset = 16; offset + 4 <= boxEnd; offset += 4) brands.push(brandAt(offset));
  if (brands.some((brand) => AVIF_BRANDS.has(brand))) return 'avif';
  if (brands.some((brand) => HEIF_BRANDS.has(brand))) return 'heic';
  if (brands.includes('jxl ')) return 'jxl';
  return undefined;
}

/** SVG is text: an optional BOM, XML prolog, comments or doctype, then an `<svg` element. */
function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, SNIFF_TEXT_BYTES));
  const trimmed = head.replace(/^\uFEFF/, '').trimStart();
  if (!trimmed.startsWith('<')) return false;
  return /<svg[\s>]/i.test(trimmed);
}

/**
 * Recognises images the service refuses (HEIC/HEIF, AVIF, TIFF, SVG, ICO, JPEG XL, PSD), so they get
 * `IMAGE_TYPE_LIMIT` instead of `NOT_IMAGE`: the user then learns to convert the image rather than that
 * it is not one.
 */
export function sniffRefusedImageFormat(bytes: Uint8Array): RefusedImageFormat | undefined {
  if (hasBytes(bytes, 0, [0x49, 0x49, 0x2a, 0x00]) || hasBytes(bytes, 0, [0x4d, 0x4d, 0x00, 0x2a]))
    return 'tiff';
  if (hasBytes(bytes, 0, [0x00, 0x00, 0x01, 0x00]) || hasBytes(bytes, 0, [0x00, 0x00, 0x02, 0x00])) {
    const count = u16le(bytes, 4);
    if (count > 0 && bytes.length >= 6 + 16) return 'ico';
  }
  if (hasBytes(bytes, 0, [0xff, 0x0a]) || hasBytes(bytes, 0, [0, 0, 0, 0x0c, 0x4a, 0x58, 0x4c, 0x20]))
    return 'jxl';
  if (hasAscii(bytes, 0, '8BPS')) return 'psd';
  return sniffIsoMedia(bytes) ?? (looksLikeSvg(bytes) ? 'svg' : undefined);
}
