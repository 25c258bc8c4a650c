/**
 * What the first bytes of an upload say it is, decided exactly as core's `readImageInfo` decides it:
 * the same signatures, tried in the same order (accepted formats first, then the refused ones). Core
 * may not be imported at run time here, so the rules are repeated; `test/signatures.test.ts` compares
 * the two on the fixtures and on generated inputs, so they cannot drift apart unnoticed.
 *
 * Only the signature is judged here. Whether an accepted signature carries a readable header is decided
 * by `readImageHeader` (core's header rules), which is where core's "damaged" verdict (6031) comes from.
 */
export type AcceptedFormat = 'jpeg' | 'png' | 'gif' | 'webp' | 'bmp';
export type RefusedFormat = 'heic' | 'avif' | 'tiff' | 'svg' | 'ico' | 'jxl' | 'psd';

export type SignatureVerdict =
  | { kind: 'accepted'; format: AcceptedFormat }
  | { kind: 'refused'; format: RefusedFormat }
  | { kind: 'unknown' };

/** How far into a text file the SVG root element is looked for (as core does). */
const SVG_WINDOW = 4096;

/** Bytes enough for every signature below (SVG looks furthest). */
export const SIGNATURE_BYTES = SVG_WINDOW;

export const MIME_TYPES: Readonly<Record<AcceptedFormat, string>> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
};

export const REFUSED_NAMES: Readonly<Record<RefusedFormat, string>> = {
  heic: 'HEIC/HEIF',
  avif: 'AVIF',
  tiff: 'TIFF',
  svg: 'SVG',
  ico: 'ICO',
  jxl: 'JPEG XL',
  psd: 'Photoshop (PSD)',
};

const BMP_HEADER_SIZES = new Set([12, 16, 40, 52, 56, 64, 108, 124]);
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
const MAX_BRANDS = 64;

const has = (bytes: Uint8Array, offset: number, expected: readonly number[]) =>
  offset + expected.length <= bytes.length && expected.every((value, i) => bytes[offset + i] === value);
const hasAscii = (bytes: Uint8Array, offset: number, text: string) =>
  has(
    bytes,
    offset,
    Array.from(text, (char) => char.charCodeAt(0)),
  );
const u16le = (bytes: Uint8Array, offset: number) =>
  offset + 2 <= bytes.length ? (bytes[offset] as number) | ((bytes[offset + 1] as number) << 8) : -1;
const u32le = (bytes: Uint8Array, offset: number) =>
  offset + 4 <= bytes.length ? u16le(bytes, offset) + u16le(bytes, offset + 2) * 0x10000 : -1;
const u32be = (bytes: Uint8Array, offset: number) =>
  offset + 4 <= bytes.length
    ? (bytes[offset] as number) * 0x1000000 +
      (((bytes[offset + 1] as number) << 16) |
        ((bytes[offset + 2] as number) << 8) |
        (bytes[offset + 3] as number))
    : -1;

const ACCEPTED: readonly [AcceptedFormat, (bytes: Uint8Array) => boolean][] = [
  ['jpeg', (bytes) => has(bytes, 0, [0xff, 0xd8, 0xff])],
  ['png', (bytes) => has(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  ['gif', (bytes) => hasAscii(bytes, 0, 'GIF87a') || hasAscii(bytes, 0, 'GIF89a')],
  ['webp', (bytes) => hasAscii(bytes, 0, 'RIFF') && hasAscii(bytes, 8, 'WEBP')],
  ['bmp', (bytes) => hasAscii(bytes, 0, 'BM') && BMP_HEADER_SIZES.has(u32le(bytes, 14))],
];

function isoMediaBrand(bytes: Uint8Array): RefusedFormat | undefined {
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

/** XML whose root element is `<svg>` (or `<prefix:svg>`), after any prolog, comments and doctype. */
function looksLikeSvg(bytes: Uint8Array): boolean {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, SVG_WINDOW));
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

function endOf(text: string, terminator: string, from: number): number {
  const found = text.indexOf(terminator, from);
  return found < 0 ? -1 : found + terminator.length;
}

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

function refusedFormat(bytes: Uint8Array): RefusedFormat | undefined {
  // TIFF and BigTIFF, either byte order.
  if (
    has(bytes, 0, [0x49, 0x49, 0x2a, 0x00]) ||
    has(bytes, 0, [0x4d, 0x4d, 0x00, 0x2a]) ||
    has(bytes, 0, [0x49, 0x49, 0x2b, 0x00]) ||
    has(bytes, 0, [0x4d, 0x4d, 0x00, 0x2b])
  ) {
    return 'tiff';
  }
  // Before ICO: an ftyp box of 256 bytes starts 00 00 01 00, which is also the ICO header.
  const isoMedia = isoMediaBrand(bytes);
  if (isoMedia) return isoMedia;
  if (
    (has(bytes, 0, [0, 0, 1, 0]) || has(bytes, 0, [0, 0, 2, 0])) &&
    u16le(bytes, 4) > 0 &&
    bytes.length >= 22
  ) {
    return 'ico';
  }
  if (has(bytes, 0, [0xff, 0x0a]) || has(bytes, 0, [0, 0, 0, 0x0c, 0x4a, 0x58, 0x4c, 0x20])) return 'jxl';
  if (hasAscii(bytes, 0, '8BPS')) return 'psd';
  return looksLikeSvg(bytes) ? 'svg' : undefined;
}

/** Classifies the first bytes of a file (pass at least `SIGNATURE_BYTES` of it when it is that long). */
export function classifySignature(head: Uint8Array): SignatureVerdict {
  const accepted = ACCEPTED.find(([, matches]) => matches(head));
  if (accepted) return { kind: 'accepted', format: accepted[0] };
  const refused = refusedFormat(head);
  return refused ? { kind: 'refused', format: refused } : { kind: 'unknown' };
}
