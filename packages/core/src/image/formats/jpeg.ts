import { type ByteWalk, MAX_BYTE_REQUEST } from '../byteSource';
import { hasBytes, u8, u16be } from '../bytes';
import { readExifOrientation } from './exifOrientation';
import { damaged, dimensions, type HeaderReading, type ImageFormatReader } from './format';

const SOS = 0xda;
const EOI = 0xd9;
const APP1 = 0xe1;
/** JPEG-LS (ITU-T T.87) frames: JPEG markers around a codec no browser decodes. */
const SOF55 = 0xf7;

/** Start-of-frame markers carry the size: C0–CF except DHT (C4), JPG (C8) and DAC (CC). */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/**
 * Why a frame no browser shows everywhere is refused, by its marker. Browsers decode baseline, extended and
 * progressive Huffman frames (C0–C2) of 8-bit samples; Firefox shows no arithmetic-coded JPEG (Chromium and
 * WebKit do: checked with createImageBitmap in each), and none shows lossless or hierarchical frames.
 */
function unshownFrame(marker: number, precision: number): string | undefined {
  if (marker === 0xc3 || marker === 0xcb) return 'it is a lossless JPEG, which browsers cannot show';
  if ((marker >= 0xc5 && marker <= 0xc7) || marker >= 0xcd) {
    return 'it is a hierarchical JPEG, which browsers cannot show';
  }
  if (marker === 0xc9 || marker === 0xca) {
    return 'it is arithmetic-coded, which not every browser can show (Firefox cannot)';
  }
  if (precision !== 8) return `it stores ${precision} bits per sample, which browsers cannot show`;
  return undefined;
}

/** Markers without a length field (TEM and the restart markers). */
function isStandalone(marker: number): boolean {
  return marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);
}

/**
 * JPEG: walks the marker segments up to the first start-of-frame. Every step moves forward and every read
 * is bounds-checked, so a crafted segment length can neither loop nor over-read: the work is linear in the
 * file length, and a walk over a file asks for at most 64 KiB at a time.
 */
export const jpeg: ImageFormatReader = {
  format: 'jpeg',
  matches: (head) => hasBytes(head, 0, [0xff, 0xd8, 0xff]),
  read: (_head, size) => walkSegments(size),
};

/** Where a walk stands between requests for more bytes. */
interface SegmentWalk {
  /** The next byte to look at. */
  offset: number;
  /** The byte before `offset` was 0xFF, so a marker may follow. */
  afterFF: boolean;
  orientation?: number;
}

/**
 * Feeds `walkWithin` the bytes it asks for. In memory it gets them all at once and runs as a plain loop;
 * over a file it gets a window at a time.
 */
function* walkSegments(size: number): ByteWalk<HeaderReading> {
  const walk: SegmentWalk = { offset: 2, afterFF: false };
  let need = 1;
  for (;;) {
    const at = walk.offset;
    const bytes = yield [at, at + MAX_BYTE_REQUEST];
    // A source that answers short of what was needed has ended there (a file cut while it is read).
    const end = bytes.length < Math.min(need, size - at) ? at + bytes.length : size;
    const step = walkWithin(bytes, at, end, walk);
    if (typeof step !== 'number') return step;
    need = step;
  }
}

/**
 * Walks the segments in `bytes` (the file's bytes from offset `at`; the file ends at `end`) as far as
 * they reach. Returns the reading, or — having saved where it stands in `walk` — how many bytes from
 * `walk.offset` it needs to go on. (Locals, not `walk`'s fields, in the loop: it is the hot path.)
 */
function walkWithin(bytes: Uint8Array, at: number, end: number, walk: SegmentWalk): HeaderReading | number {
  const reach = at + bytes.length;
  let { offset, afterFF, orientation } = walk;
  for (;;) {
    // The next marker, found the way libjpeg's `next_marker` finds it: stray bytes before a 0xFF are
    // skipped (libjpeg warns and decodes on, so browsers show such files), then any 0xFF fill bytes;
    // FF 00 is stuffed data, not a marker.
    let marker = -1;
    while (marker < 0 && offset < reach) {
      const byte = u8(bytes, offset - at);
      offset++;
      if (afterFF && byte !== 0xff && byte !== 0x00) marker = byte;
      afterFF = byte === 0xff;
    }
    if (marker < 0) {
      return reach < end
        ? pause(walk, { offset, afterFF, orientation }, 1)
        : damaged('its header is cut short');
    }
    if (isStandalone(marker)) continue;
    if (marker === SOS || marker === EOI) return damaged('it has no frame header before its image data');
    if (marker === SOF55) return { kind: 'refused', format: 'jpegls' };
    // The length, then (in a frame header) precision, height and width. Bytes not at hand are asked for
    // from the marker byte on, so the walk resumes right here.
    if (Math.min(offset + 7, end) > reach) {
      return pause(walk, { offset: offset - 1, afterFF: true, orientation }, 8);
    }
    const start = offset - at;
    const length = u16be(bytes, start);
    if (length < 0) return damaged('its header is cut short');
    if (length < 2) return damaged('a segment has an impossible length');
    if (isStartOfFrame(marker)) {
      // Precision, height, width and component count take 6 bytes after the length: a shorter frame
      // header would make the next segment's bytes pass for a size.
      if (length < 8) return damaged('its frame header is too short to hold a size');
      const unshown = unshownFrame(marker, u8(bytes, start + 2));
      if (unshown) return damaged(unshown, 'Convert it: open it in an image editor and save it as a JPEG.');
      const height = u16be(bytes, start + 3);
      const width = u16be(bytes, start + 5);
      if (height < 0 || width < 0) return damaged('its header is cut short');
      // EXIF orientations 5–8 rotate by a quarter turn, so the displayed width is the stored height.
      const quarterTurn = orientation !== undefined && orientation >= 5 && orientation <= 8;
      return quarterTurn ? dimensions(height, width, orientation) : dimensions(width, height, orientation);
    }
    if (marker === APP1 && orientation === undefined) {
      if (Math.min(offset + length, end) > reach) {
        return pause(walk, { offset: offset - 1, afterFF: true, orientation }, 1 + length);
      }
      if (hasBytes(bytes, start + 2, 'Exif\0\0')) {
        orientation = readExifOrientation(bytes.subarray(start + 8, start + length));
      }
    }
    offset += length;
  }
}

/** Saves where the walk stands and says how many bytes from there it needs. */
function pause(walk: SegmentWalk, at: SegmentWalk, need: number): number {
  Object.assign(walk, at);
  return need;
}
