import { hasBytes, u8, u16be } from '../bytes';
import { readExifOrientation } from './exifOrientation';
import { damaged, dimensions, type ImageFormatReader } from './format';

const SOS = 0xda;
const EOI = 0xd9;
const APP1 = 0xe1;

/** Start-of-frame markers carry the size: C0–CF except DHT (C4), JPG (C8) and DAC (CC). */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** Markers without a length field (TEM and the restart markers). */
function isStandalone(marker: number): boolean {
  return marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);
}

/**
 * JPEG: walks the marker segments up to the first start-of-frame. Every step moves forward by at least
 * two bytes and every read is bounds-checked, so a crafted segment length can neither loop nor over-read;
 * the work is at most linear in the buffer length.
 */
export const jpeg: ImageFormatReader = {
  format: 'jpeg',
  matches: (bytes) => hasBytes(bytes, 0, [0xff, 0xd8, 0xff]),
  read(bytes) {
    let orientation: number | undefined;
    let offset = 2;
    while (offset < bytes.length) {
      if (u8(bytes, offset) !== 0xff) return damaged('a marker segment is malformed');
      // Any number of 0xFF fill bytes may precede a marker.
      while (u8(bytes, offset) === 0xff) offset++;
      const marker = u8(bytes, offset);
      if (marker < 0) break;
      offset++;
      if (isStandalone(marker)) continue;
      if (marker === SOS || marker === EOI) return damaged('it has no frame header before its image data');
      const length = u16be(bytes, offset);
      if (length < 0) break;
      if (length < 2) return damaged('a segment has an impossible length');
      if (isStartOfFrame(marker)) {
        // Precision, height, width and component count take 6 bytes after the length: a shorter frame
        // header would make the next segment's bytes pass for a size.
        if (length < 8) return damaged('its frame header is too short to hold a size');
        const height = u16be(bytes, offset + 3);
        const width = u16be(bytes, offset + 5);
        if (height < 0 || width < 0) break;
        // EXIF orientations 5–8 rotate by a quarter turn, so the displayed width is the stored height.
        const quarterTurn = orientation !== undefined && orientation >= 5 && orientation <= 8;
        return quarterTurn ? dimensions(height, width, orientation) : dimensions(width, height, orientation);
      }
      if (marker === APP1 && orientation === undefined && hasBytes(bytes, offset + 2, 'Exif\0\0')) {
        const end = Math.min(bytes.length, offset + length);
        orientation = readExifOrientation(bytes.subarray(offset + 8, end));
      }
      offset += length;
    }
    return damaged('its header is cut short');
  },
};
