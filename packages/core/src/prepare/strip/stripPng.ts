import { hasBytes, u32be } from '../../image/bytes';
import { readExifOrientation } from '../../image/formats/exifOrientation';
import { exifOrientationBlock } from './exifOrientationBlock';
import type { Pieces } from './pieces';

/** Text and EXIF chunks (and the last-modified time): what a PNG says about its author, place and time. */
const DROPPED = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt', 'tIME']);

let crcTable: Uint32Array | undefined;

/** CRC-32 of a chunk's type and data, as PNG defines it. */
function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A whole PNG chunk: length, type, data and CRC. */
function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) chunk[4 + i] = type.charCodeAt(i);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  return chunk;
}

/**
 * A PNG without its `eXIf`, `tEXt`, `iTXt`, `zTXt` and `tIME` chunks, as pieces: every other chunk (pixels,
 * colour profile, APNG frames) byte for byte. An EXIF orientation other than 1 is written back alone in a
 * fresh `eXIf` chunk, placed where the old one was.
 */
export function stripPng(bytes: Uint8Array): Pieces {
  const kept: Uint8Array[] = [bytes.subarray(0, 8)];
  let offset = 8;
  while (offset + 8 <= bytes.length) {
    const length = u32be(bytes, offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const end = Math.min(bytes.length, offset + 12 + length);
    if (type === 'eXIf') {
      const orientation = readExifOrientation(bytes.subarray(offset + 8, end));
      if (orientation !== undefined && orientation !== 1) {
        kept.push(pngChunk('eXIf', exifOrientationBlock(orientation)));
      }
    } else if (!DROPPED.has(type)) {
      kept.push(bytes.subarray(offset, end));
    }
    offset = end;
    if (type === 'IEND') break;
  }
  // A trailing fragment too short to be a chunk is damage, not metadata: keep it as it was.
  if (offset < bytes.length && !hasBytes(bytes, offset - 8, 'IEND')) kept.push(bytes.subarray(offset));
  return kept;
}
