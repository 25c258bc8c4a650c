import { hasBytes, u8, u16be } from '../../image/bytes';
import { readExifOrientation } from '../../image/formats/exifOrientation';
import { concatBytes, exifOrientationBlock } from './exifOrientationBlock';

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

/** The end of the entropy-coded data that starts at `from`: the next marker that is not a restart. */
function endOfScan(bytes: Uint8Array, from: number): number {
  // Most of a photo is scan data with an FF byte every ~256: jumping between them with the native
  // indexOf is 3–4× faster than a byte loop (measured: 4 ms against 14 ms for a 6 MB, 12 MP photo).
  for (let i = bytes.indexOf(0xff, from); i >= 0 && i < bytes.length - 1; i = bytes.indexOf(0xff, i + 1)) {
    const next = bytes[i + 1] as number;
    // FF 00 is an escaped FF byte and FF D0–D7 a restart marker: both belong to the scan.
    if (next !== 0 && !(next >= 0xd0 && next <= 0xd7)) return i;
  }
  return bytes.length;
}

/**
 * Removes a JPEG's metadata without touching its image data: segments are copied or dropped whole, and the
 * entropy-coded scans are copied byte for byte. Anything after the end-of-image marker (the MPF
 * "secondary" images phones append, each with its own EXIF) is dropped too. An EXIF orientation other
 * than 1 is written back alone, so the image still shows upright.
 *
 * Lenient with damage: a file cut short is copied as far as it goes, minus what is dropped.
 */
export function stripJpeg(bytes: Uint8Array): Uint8Array {
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
  return concatBytes(kept);
}
