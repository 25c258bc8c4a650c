import { hasBytes, u8, u16be } from '../../image/bytes';
import { readExifOrientation } from '../../image/formats/exifOrientation';
import { exifOrientationBlock } from './exifOrientationBlock';
import type { Pieces } from './pieces';

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const APP0 = 0xe0;
const APP1 = 0xe1;
const APP2 = 0xe2;
const APP14 = 0xee;

/** Markers without a length field (TEM and the restart markers). */
const isStandalone = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);

/**
 * What is kept of the application segments: APP0 (JFIF), ICC profiles in APP2 and APP14 (Adobe: says how
 * the colour channels are coded, so dropping it would change the colours). Every other APPn — EXIF and XMP
 * (APP1), MPF and gain maps (APP2), IPTC (APP13), makers' own blocks — and every comment goes.
 */
function keepsSegment(bytes: Uint8Array, marker: number, payload: number): boolean {
  if (marker === APP0 || marker === APP14) return true;
  if (marker === APP2) return hasBytes(bytes, payload, 'ICC_PROFILE\0');
  if (marker >= APP0 && marker <= 0xef) return false;
  return marker !== 0xfe; // COM
}

/** True for the byte after an FF that ends a scan: not 00 (an escaped FF byte), not D0–D7 (a restart). */
const endsScan = (next: number) => next !== 0 && !(next >= 0xd0 && next <= 0xd7);

/** The first FF at or after `from` (and before `to`) that ends a scan, or -1. */
function markerIn(bytes: Uint8Array, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    if (bytes[i] === 0xff && endsScan(bytes[i + 1] as number)) return i;
  }
  return -1;
}

/** Non-zero when one of the word's four bytes is FF: that byte of its complement is 00 ("has a zero byte"). */
const holdsFF = (word: number) => {
  const inverted = ~word;
  return ((inverted - 0x01010101) | 0) & ~inverted & 0x80808080;
};

/**
 * The end of the entropy-coded data that starts at `from`: the next marker that is not a restart.
 *
 * Most of a photo is scan data with an FF byte every few hundred: it is read sixteen bytes at a time as
 * four 32-bit words, and only words holding an FF are looked at byte by byte. Measured in chromium on a
 * 6 MB, 12 MP photo: 2.5 ms, against 3.9 ms a word at a time and 14 ms (8 ms warm) jumping between FF
 * bytes with `indexOf`, whose every call costs more there than the bytes it skips.
 */
function endOfScan(bytes: Uint8Array, from: number): number {
  const last = bytes.length - 1; // a marker needs the byte after its FF
  if (from >= last) return bytes.length;
  // Byte by byte up to a 4-byte boundary of the buffer (where an Int32Array view may start).
  const aligned = Math.min(last, from + ((4 - ((bytes.byteOffset + from) & 3)) & 3));
  let at = markerIn(bytes, from, aligned);
  if (at >= 0) return at;
  const words = new Int32Array(bytes.buffer, bytes.byteOffset + aligned, (last - aligned) >> 2);
  let w = 0;
  for (; w + 4 <= words.length; w += 4) {
    const ff =
      holdsFF(words[w] as number) |
      holdsFF(words[w + 1] as number) |
      holdsFF(words[w + 2] as number) |
      holdsFF(words[w + 3] as number);
    if (ff === 0) continue;
    at = markerIn(bytes, aligned + w * 4, aligned + w * 4 + 16);
    if (at >= 0) return at;
  }
  at = markerIn(bytes, aligned + w * 4, last);
  return at >= 0 ? at : bytes.length;
}

/**
 * A JPEG without its metadata, as pieces, its image data untouched: segments are kept or dropped whole, and
 * the entropy-coded scans are kept byte for byte. Anything after the end-of-image marker (the MPF
 * "secondary" images phones append, each with its own EXIF) is dropped too. An EXIF orientation other
 * than 1 is written back alone, so the image still shows upright.
 *
 * Lenient with damage: a file cut short is copied as far as it goes, minus what is dropped.
 */
export function stripJpeg(bytes: Uint8Array): Pieces {
  const kept: Uint8Array[] = [bytes.subarray(0, 2)];
  let orientation: number | undefined;
  let exifAt = 1; // where the minimal EXIF block goes: after SOI, or after a leading APP0
  let offset = 2;
  while (offset < bytes.length) {
    const start = offset;
    if (u8(bytes, offset) !== 0xff) {
      // Stray bytes between segments (libjpeg skips them too): find the next marker.
      offset = endOfScan(bytes, offset);
      continue;
    }
    while (u8(bytes, offset) === 0xff) offset++;
    const marker = u8(bytes, offset);
    if (marker < 0) break;
    offset++;
    if (marker === EOI) {
      kept.push(bytes.subarray(start, offset));
      break;
    }
    if (marker === SOI || isStandalone(marker)) {
      kept.push(bytes.subarray(start, offset));
      continue;
    }
    const length = u16be(bytes, offset);
    if (length < 2) {
      kept.push(bytes.subarray(start));
      break;
    }
    const end = Math.min(bytes.length, offset + length);
    if (marker === APP1 && orientation === undefined && hasBytes(bytes, offset + 2, 'Exif\0\0')) {
      orientation = readExifOrientation(bytes.subarray(offset + 8, end));
    }
    if (keepsSegment(bytes, marker, offset + 2)) {
      kept.push(bytes.subarray(start, end));
      if (marker === APP0 && kept.length === 2) exifAt = 2;
    }
    offset = end;
    if (marker === SOS) {
      const scanEnd = endOfScan(bytes, offset);
      kept.push(bytes.subarray(offset, scanEnd));
      offset = scanEnd;
    }
  }
  if (orientation !== undefined && orientation !== 1) {
    const tiff = exifOrientationBlock(orientation);
    const length = 2 + 6 + tiff.length;
    const header = new Uint8Array([0xff, APP1, length >> 8, length & 0xff, 0x45, 0x78, 0x69, 0x66, 0, 0]);
    kept.splice(exifAt, 0, header, tiff);
  }
  return kept;
}
