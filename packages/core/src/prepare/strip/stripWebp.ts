import { hasBytes, u32le } from '../../image/bytes';
import { readExifOrientation } from '../../image/formats/exifOrientation';
import { exifOrientationBlock } from './exifOrientationBlock';
import type { Pieces } from './pieces';

const EXIF_FLAG = 0x08;
const XMP_FLAG = 0x04;

/** A RIFF chunk: four-character code, little-endian size, data, and a pad byte to an even length. */
function riffChunk(fourcc: string, data: Uint8Array): Uint8Array {
  const chunk = new Uint8Array(8 + data.length + (data.length & 1));
  for (let i = 0; i < 4; i++) chunk[i] = fourcc.charCodeAt(i);
  new DataView(chunk.buffer).setUint32(4, data.length, true);
  chunk.set(data, 8);
  return chunk;
}

/**
 * A WebP without its `EXIF` and `XMP ` chunks, as pieces: the image chunks (VP8/VP8L, alpha, animation
 * frames, ICC profile) byte for byte, the VP8X flags and the RIFF size made to match. An EXIF orientation
 * other than 1 is written back alone.
 */
export function stripWebp(bytes: Uint8Array): Pieces {
  const kept: Uint8Array[] = [];
  let orientation: number | undefined;
  let vp8x: Uint8Array | undefined;
  // Whatever follows the RIFF's declared end is not part of the image: it goes too.
  const riffEnd = Math.min(bytes.length, 8 + Math.max(4, u32le(bytes, 4)));
  let offset = 12;
  while (offset + 8 <= riffEnd) {
    const fourcc = String.fromCharCode(...bytes.subarray(offset, offset + 4));
    const size = u32le(bytes, offset + 4);
    const end = Math.min(riffEnd, offset + 8 + size + (size & 1));
    if (fourcc === 'EXIF') {
      // Some writers keep the JPEG "Exif\0\0" prefix inside the chunk.
      const tiffAt = hasBytes(bytes, offset + 8, 'Exif\0\0') ? offset + 14 : offset + 8;
      orientation ??= readExifOrientation(bytes.subarray(tiffAt, end));
    } else if (fourcc === 'VP8X') {
      vp8x = bytes.slice(offset, end); // a copy: its flags change
      kept.push(vp8x);
    } else if (fourcc !== 'XMP ') {
      kept.push(bytes.subarray(offset, end));
    }
    offset = end;
  }
  if (offset < riffEnd) kept.push(bytes.subarray(offset, riffEnd));
  const keepOrientation = orientation !== undefined && orientation !== 1;
  if (vp8x && vp8x.length > 8) {
    vp8x[8] = ((vp8x[8] as number) & ~(EXIF_FLAG | XMP_FLAG)) | (keepOrientation ? EXIF_FLAG : 0);
  }
  // EXIF is only read from an extended (VP8X) file, where it comes after the image data.
  if (keepOrientation && vp8x) kept.push(riffChunk('EXIF', exifOrientationBlock(orientation as number)));
  const header = bytes.slice(0, 12);
  const riffSize = kept.reduce((sum, chunk) => sum + chunk.length, 4); // "WEBP" and the chunks
  new DataView(header.buffer).setUint32(4, riffSize, true);
  return [header, ...kept];
}
