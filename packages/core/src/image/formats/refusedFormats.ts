import { hasBytes, u16le, u32be, u32le } from '../bytes';
import { IMAGE_HEAD_BYTES, type RefusedImageFormat } from './format';

// Brands of images in HEIF (ISO/IEC 23008-12) and MIAF: structural (mif1–mif3, msf1, miaf), HEVC (heic…),
// AVC (avci), JPEG 2000 (j2ki), JPEG (jpeg), VVC (vvic), EVC (evbi, evci) and uncompressed (unif) images.
const HEIF_BRAND =
  /^(?:mif[123]|msf1|miaf|he[iv][cxms]|avc[is]|j2(?:ki|is)|jpeg|jpgs|vvi[cs]|ev[bc][is]|unif)$/;
const AVIF_BRAND = /^avi[fs]$/;
const MAX_BRANDS = 64;

/**
 * Fixed signatures at offset 0, as latin1 text (none starts like an ISO-BMFF box or an ICO header): TIFF
 * and BigTIFF in either byte order; JPEG 2000's JP2 signature box and bare codestream (SOC, SIZ); JPEG XL's
 * codestream and container; JPEG XR; PSD; QOI; BPG.
 */
const SIGNATURES: readonly (readonly [RefusedImageFormat, string])[] = [
  ['tiff', 'II*\0'],
  ['tiff', 'MM\0*'],
  ['tiff', 'II+\0'],
  ['tiff', 'MM\0+'],
  ['jp2', '\0\0\0\fjP  \r\n\x87\n'],
  ['jp2', '\xff\x4f\xff\x51'],
  ['jxl', '\xff\n'],
  ['jxl', '\0\0\0\fJXL '],
  ['jxr', 'II\xbc\x01'],
  ['jxr', 'II\xbc\0'],
  ['psd', '8BPS'],
  ['qoi', 'qoif'],
  ['bpg', 'BPG\xfb'],
];

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
  const text = new TextDecoder().decode(bytes.subarray(0, IMAGE_HEAD_BYTES)); // UTF-8, lenient
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
 * Recognises images the service refuses (HEIC/HEIF, AVIF, TIFF, SVG, ICO, JPEG XL, PSD, JPEG 2000, JPEG XR,
 * QOI, DDS, ICNS, BPG; JPEG-LS is found by the JPEG walk), so they get `IMAGE_TYPE_LIMIT` instead of
 * `NOT_IMAGE`: the user then learns to convert the image rather than that it is not one.
 */
export function sniffRefusedImageFormat(bytes: Uint8Array): RefusedImageFormat | undefined {
  const signed = SIGNATURES.find(([, signature]) => hasBytes(bytes, 0, signature));
  if (signed) return signed[0];
  // Before ICO: an ftyp box of 256 bytes starts 00 00 01 00, which is also the ICO header.
  const isoMedia = sniffIsoMedia(bytes);
  if (isoMedia) return isoMedia;
  if (hasBytes(bytes, 0, [0x00, 0x00, 0x01, 0x00]) || hasBytes(bytes, 0, [0x00, 0x00, 0x02, 0x00])) {
    const count = u16le(bytes, 4);
    if (count > 0 && bytes.length >= 6 + 16) return 'ico';
  }
  // DirectDraw Surface: its header size is always 124; an Apple icon family states its length (≥ 8).
  if (hasBytes(bytes, 0, 'DDS ') && u32le(bytes, 4) === 124) return 'dds';
  if (hasBytes(bytes, 0, 'icns') && u32be(bytes, 4) >= 8) return 'icns';
  return looksLikeSvg(bytes) ? 'svg' : undefined;
}
