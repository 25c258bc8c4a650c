import { hasBytes } from '../image/bytes';
import { joinPieces, type Pieces, writePiecesOver } from './strip/pieces';
import { stripJpeg } from './strip/stripJpeg';
import { stripPng } from './strip/stripPng';
import { stripWebp } from './strip/stripWebp';

export interface StripMetadataOptions {
  /**
   * Write the stripped file over `bytes` and return the part of them it fills, instead of a new array.
   * For a caller that owns the bytes and no longer needs them as they were (the bytes it just read from a
   * File): no second buffer the size of the photo is made, which in chromium costs more than the
   * stripping itself. Default false: `bytes` are left as they are.
   */
  inPlace?: boolean;
}

/**
 * Removes what a photo says about where, when and with what it was taken — EXIF (GPS above all), XMP,
 * IPTC, comments and text chunks — without re-encoding: the image data is copied byte for byte, so the
 * pixels are exactly the source's. The EXIF Orientation tag alone is kept (in a minimal EXIF block) so
 * the image still shows upright.
 *
 * JPEG: APP1 (EXIF, XMP), APP13 (IPTC), other APPn but JFIF, ICC and Adobe, COM, and whatever follows
 * the end-of-image marker. PNG: `eXIf`, `tEXt`, `iTXt`, `zTXt`, `tIME`. WebP: `EXIF` and `XMP ` chunks,
 * with the VP8X flags and RIFF size fixed. GIF, BMP and anything else are returned as they are.
 *
 * Pure (unless `inPlace`) and synchronous; linear in the length of the bytes, whatever their fields claim.
 *
 * @example
 * const clean = stripMetadata(new Uint8Array(await file.arrayBuffer()), { inPlace: true });
 * new File([clean], file.name, { type: file.type });
 */
export function stripMetadata(bytes: Uint8Array, options: StripMetadataOptions = {}): Uint8Array {
  const pieces = metadataFreePieces(bytes);
  if (!pieces) return bytes;
  return options.inPlace ? writePiecesOver(bytes, pieces) : joinPieces(pieces);
}

/**
 * `stripMetadata`'s result as the pieces it is made of (views of `bytes`, small blocks made fresh);
 * `undefined` for a format nothing is stripped from.
 */
export function metadataFreePieces(bytes: Uint8Array): Pieces | undefined {
  if (hasBytes(bytes, 0, [0xff, 0xd8, 0xff])) return stripJpeg(bytes);
  if (hasBytes(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return stripPng(bytes);
  if (hasBytes(bytes, 0, 'RIFF') && hasBytes(bytes, 8, 'WEBP')) return stripWebp(bytes);
  return undefined;
}
