import { hasBytes, u16le, u32be } from '../bytes';
import type { RefusedImageFormat } from './format';

// heic heix heim heis hevc hevx hevm hevs mif1 msf1
const HEIF_BRAND = /^(?:he[iv][cxms]|m[is]f1)$/;
const AVIF_BRAND = /^avi[fs]$/;
// TIFF ("*" = 42) and BigTIFF ("+" = 43), in either byte order.
const TIFF_SIGNATURES = ['II*\0', 'MM\0*', 'II+\0', 'MM\0+'];
/** How far into a text file the SVG root element is looked for (prolog, comments and doctype first). */
const SNIFF_TEXT_BYTES = 4096;
const MAX_BRANDS = 64;

/** ISO-BMFF (HEIF family): an `ftyp` box with a major brand, a minor version and compatible brands. */
function sniffIsoMedia(bytes: Uint8Array): RefusedImageFormat | undefined {
  if (!hasBytes(bytes, 4, 'ftyp')) return undefined;
  const brandAt = (offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4));
  const boxEnd = Math.min(bytes.length, Math.max(u32be(bytes, 0), 16), 16 + MAX_BRANDS * 4);
  const brands = [brandAt(8)];
  for (let offset = 16; offset + 4 <= boxEnd; offset += 4) brands.push(brandAt(offset));
  if (brands.some((brand) => AVIF_BRAND.test(brand))) return 'avif';
  if (brands.some((brand) => HEIF_BRAND.test(brand))) return 'heic';
  if (brands.includes('jxl ')) return 'jxl';
  return undefined;
}

/**
 * SVG is XML whose root element is `<svg>` (or `<prefix:svg>`): an optional BOM, then whitespace, processing
 * instructions (the XML prolog), comments and a doctype, then the root. An HTML page with an inline `<svg>`
 * somewhere in it is a page, not an image. Each step consumes text, so the scan is linear in the window.
 */
function looksLikeSvg(bytes: Uint8Array): boolean {
  const text = new TextDecoder().decode(bytes.subarray(0, SNIFF_TEXT_BYTES)); // UTF-8, lenient
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (at < text.length && /\s/.test(text.charAt(at))) at++;
    if (text.startsWith('<?', at)) at = endOf(text, '?>', at + 2);
    else if (text.startsWith('<!--', at)) at = endOf(text, '-->', at + 4);
    else if (/^<!doctype\s/i.test(text.slice(at, at + 10))) at = endOfDoctype(text, at + 9);
    else break;
    if (at < 0) return false;
  }
  return /^<(?:[A-Za-z_][\w.-]*:)?svg[\s/>]/.test(text.slice(at, at + 64));
}

/** The index just past `terminator`, searching from `from`; -1 when it is not in the window. */
function endOf(text: string, terminator: string, from: number): number {
  const found = text.indexOf(terminator, from);
  return found < 0 ? -1 : found + terminator.length;
}

/** The index just past a doctype's closing `>`, skipping an internal subset in `[…]` and quoted strings. */
function endOfDoctype(text: string, from: number): number {
  let quote = '';
  let depth = 0;
  for (let at = from; at < text.length; at++) {
    const char = text.charAt(at);
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '[') depth++;
    else if (char === ']') depth = Math.max(0, depth - 1);
    else if (char === '>' && depth === 0) return at + 1;
  }
  return -1;
}

/**
 * Recognises images the service refuses (HEIC/HEIF, AVIF, TIFF, SVG, ICO, JPEG XL, PSD), so they get
 * `IMAGE_TYPE_LIMIT` instead of `NOT_IMAGE`: the user then learns to convert the image rather than that
 * it is not one.
 */
export function sniffRefusedImageFormat(bytes: Uint8Array): RefusedImageFormat | undefined {
  if (TIFF_SIGNATURES.some((signature) => hasBytes(bytes, 0, signature))) return 'tiff';
  // Before ICO: an ftyp box of 256 bytes starts 00 00 01 00, which is also the ICO header.
  const isoMedia = sniffIsoMedia(bytes);
  if (isoMedia) return isoMedia;
  if (hasBytes(bytes, 0, [0x00, 0x00, 0x01, 0x00]) || hasBytes(bytes, 0, [0x00, 0x00, 0x02, 0x00])) {
    const count = u16le(bytes, 4);
    if (count > 0 && bytes.length >= 6 + 16) return 'ico';
  }
  if (hasBytes(bytes, 0, [0xff, 0x0a]) || hasBytes(bytes, 0, [0, 0, 0, 0x0c, 0x4a, 0x58, 0x4c, 0x20]))
    return 'jxl';
  if (hasBytes(bytes, 0, '8BPS')) return 'psd';
  return looksLikeSvg(bytes) ? 'svg' : undefined;
}
