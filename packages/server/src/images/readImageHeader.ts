import { open } from 'node:fs/promises';
import { readBmpHeader } from './readBmpHeader';
import type { AcceptedFormat } from './signatures';

/**
 * Reads an accepted image's width, height and (JPEG) EXIF orientation from its header, exactly as core's
 * `readImageInfo` does, so both sides give the same verdict on the same bytes: core refuses a JPEG whose
 * segment lengths are impossible (libjpeg skips them), a GIF of 0×0, and accepts a PNG that only claims
 * 65535×65535 (libvips refuses it past its pixel limit). No pixel is decoded. The server may not import
 * core at run time, so the rules are repeated; `test/coreParity.test.ts` holds them equal.
 *
 * PNG, GIF, WebP and BMP keep their size in the first 30 bytes (`head`). A JPEG's frame header can follow
 * long EXIF/ICC segments, so its segments are walked in the file through a 128 KiB window: memory stays
 * bounded and the work is linear in the file size whatever the lengths claim.
 */
export type HeaderReading =
  | { kind: 'image'; width: number; height: number; orientation?: number }
  | { kind: 'damaged'; reason: string };

export async function readImageHeader(
  path: string,
  format: AcceptedFormat,
  head: Uint8Array,
): Promise<HeaderReading> {
  switch (format) {
    case 'png':
      return readPng(head);
    case 'gif':
      return readGif(head);
    case 'webp':
      return readWebp(head);
    case 'bmp': {
      const size = readBmpHeader(head);
      return size
        ? dimensions(size.width, size.height)
        : damaged('its header gives no usable width or height');
    }
    case 'jpeg':
      return readJpeg(path);
  }
}

const damaged = (reason: string): HeaderReading => ({ kind: 'damaged', reason });

function dimensions(width: number, height: number, orientation?: number): HeaderReading {
  if (!(width > 0 && height > 0)) return damaged('its header gives no width or height');
  const reading: HeaderReading = { kind: 'image', width, height };
  if (orientation !== undefined) reading.orientation = orientation;
  return reading;
}

/** Unsigned big- or little-endian integer of `size` bytes at `offset`; -1 past the end (as core reads). */
function readUint(bytes: Uint8Array, offset: number, size: number, littleEndian: boolean): number {
  if (offset < 0 || offset + size > bytes.length) return -1;
  let value = 0;
  for (let i = 0; i < size; i++) {
    value = value * 256 + (bytes[littleEndian ? offset + size - 1 - i : offset + i] as number);
  }
  return value;
}
const u8 = (b: Uint8Array, o: number) => readUint(b, o, 1, false);
const u16be = (b: Uint8Array, o: number) => readUint(b, o, 2, false);
const u16le = (b: Uint8Array, o: number) => readUint(b, o, 2, true);
const u24le = (b: Uint8Array, o: number) => readUint(b, o, 3, true);
const u32be = (b: Uint8Array, o: number) => readUint(b, o, 4, false);
const u32le = (b: Uint8Array, o: number) => readUint(b, o, 4, true);

function hasBytes(bytes: Uint8Array, offset: number, expected: string | readonly number[]): boolean {
  if (offset < 0 || offset + expected.length > bytes.length) return false;
  for (let i = 0; i < expected.length; i++) {
    const value = typeof expected === 'string' ? expected.charCodeAt(i) : expected[i];
    if (bytes[offset + i] !== value) return false;
  }
  return true;
}

function readPng(bytes: Uint8Array): HeaderReading {
  if (!hasBytes(bytes, 12, 'IHDR') || u32be(bytes, 8) !== 13) return damaged('its IHDR chunk is missing');
  const width = u32be(bytes, 16);
  const height = u32be(bytes, 20);
  if (width < 0 || height < 0) return damaged('its header is cut short');
  if (width > 0x7fffffff || height > 0x7fffffff) return damaged('its header gives impossible dimensions');
  return dimensions(width, height);
}

function readGif(bytes: Uint8Array): HeaderReading {
  const width = u16le(bytes, 6);
  const height = u16le(bytes, 8);
  if (width < 0 || height < 0) return damaged('its header is cut short');
  return dimensions(width, height);
}

function readWebp(bytes: Uint8Array): HeaderReading {
  if (hasBytes(bytes, 12, 'VP8 ')) {
    if (!hasBytes(bytes, 23, [0x9d, 0x01, 0x2a])) return damaged('its VP8 frame header is missing');
    const width = u16le(bytes, 26);
    const height = u16le(bytes, 28);
    if (width < 0 || height < 0) return damaged('its header is cut short');
    return dimensions(width & 0x3fff, height & 0x3fff);
  }
  if (hasBytes(bytes, 12, 'VP8L')) {
    if (u8(bytes, 20) !== 0x2f) return damaged('its VP8L signature is missing');
    const bits = u32le(bytes, 21);
    if (bits < 0) return damaged('its header is cut short');
    return dimensions(1 + (bits & 0x3fff), 1 + ((bits >>> 14) & 0x3fff));
  }
  if (hasBytes(bytes, 12, 'VP8X')) {
    const width = u24le(bytes, 24);
    const height = u24le(bytes, 27);
    if (width < 0 || height < 0) return damaged('its header is cut short');
    return dimensions(width + 1, height + 1);
  }
  return damaged('its first chunk is not VP8, VP8L or VP8X');
}

// ---------------------------------------------------------------------------------------------------------
// JPEG

const SOS = 0xda;
const EOI = 0xd9;
const APP1 = 0xe1;
const WINDOW_BYTES = 128 * 1024;

function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function isStandalone(marker: number): boolean {
  return marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);
}

/**
 * A read-only window over a file: `at(offset)` views the bytes from `offset` on (as far as the window
 * reaches), after `load(offset, length)` made sure `length` of them are in it (or the file ends first).
 */
class FileWindow {
  readonly size: number;
  private readonly file: Awaited<ReturnType<typeof open>>;
  private readonly buffer = Buffer.alloc(WINDOW_BYTES);
  private start = 0;
  private end = 0;

  constructor(file: Awaited<ReturnType<typeof open>>, size: number) {
    this.file = file;
    this.size = size;
  }

  /** Whether `length` bytes from `offset` (or all up to the end of the file) are not loaded yet. */
  misses(offset: number, length: number): boolean {
    return offset < this.start || Math.min(offset + length, this.size) > this.end;
  }

  /** Loads the window from `offset` on. Callers ask `misses` first, so most segments cost no await. */
  async load(offset: number) {
    const { bytesRead } = await this.file.read(this.buffer, 0, WINDOW_BYTES, offset);
    this.start = offset;
    this.end = offset + bytesRead;
  }

  /** The loaded bytes from `offset` to the end of the window. */
  at(offset: number): Uint8Array {
    return this.buffer.subarray(offset - this.start, this.end - this.start);
  }
}

/** Core's JPEG segment walk, reading the file window by window. */
async function readJpeg(path: string): Promise<HeaderReading> {
  const file = await open(path, 'r');
  try {
    const window = new FileWindow(file, (await file.stat()).size);
    let orientation: number | undefined;
    let offset = 2;
    while (offset < window.size) {
      if (window.misses(offset, 1)) await window.load(offset);
      if (u8(window.at(offset), 0) !== 0xff) return damaged('a marker segment is malformed');
      // Any number of 0xFF fill bytes may precede a marker (scanned a window at a time).
      for (;;) {
        const view = window.at(offset);
        let skip = 0;
        while (skip < view.length && view[skip] === 0xff) skip++;
        offset += skip;
        if (skip < view.length || offset >= window.size) break;
        if (window.misses(offset, 1)) await window.load(offset);
      }
      if (window.misses(offset, 8)) await window.load(offset);
      const view = window.at(offset);
      const marker = u8(view, 0);
      if (marker < 0) break;
      offset++;
      if (isStandalone(marker)) continue;
      if (marker === SOS || marker === EOI) return damaged('it has no frame header before its image data');
      const length = u16be(view, 1);
      if (length < 0) break;
      if (length < 2) return damaged('a segment has an impossible length');
      if (isStartOfFrame(marker)) {
        if (length < 8) return damaged('its frame header is too short to hold a size');
        const height = u16be(view, 4);
        const width = u16be(view, 6);
        if (height < 0 || width < 0) break;
        const quarterTurn = orientation !== undefined && orientation >= 5 && orientation <= 8;
        return quarterTurn ? dimensions(height, width, orientation) : dimensions(width, height, orientation);
      }
      if (marker === APP1 && orientation === undefined) {
        // A segment is at most 65,535 bytes, so it fits in the window.
        if (window.misses(offset, length)) await window.load(offset);
        const segment = window.at(offset).subarray(0, length);
        if (hasBytes(segment, 2, 'Exif\0\0')) orientation = readExifOrientation(segment.subarray(8));
      }
      offset += length;
    }
    return damaged('its header is cut short');
  } finally {
    await file.close();
  }
}

const ORIENTATION_TAG = 0x0112;
const SHORT = 3;
const MAX_IFD_ENTRIES = 512;

/** EXIF orientation 1–8 from a TIFF-structured block (IFD0 only, capped), as core reads it. */
function readExifOrientation(tiff: Uint8Array): number | undefined {
  const littleEndian = hasBytes(tiff, 0, 'II');
  if (!littleEndian && !hasBytes(tiff, 0, 'MM')) return undefined;
  const read16 = littleEndian ? u16le : u16be;
  const read32 = littleEndian ? u32le : u32be;
  if (read16(tiff, 2) !== 42) return undefined;
  const ifdOffset = read32(tiff, 4);
  const entryCount = read16(tiff, ifdOffset);
  if (ifdOffset < 8 || entryCount < 0) return undefined;
  for (let i = 0; i < Math.min(entryCount, MAX_IFD_ENTRIES); i++) {
    const entry = ifdOffset + 2 + i * 12;
    const tag = read16(tiff, entry);
    if (tag < 0) return undefined;
    if (tag !== ORIENTATION_TAG) continue;
    if (read16(tiff, entry + 2) !== SHORT) return undefined;
    const value = read16(tiff, entry + 8);
    return value >= 1 && value <= 8 ? value : undefined;
  }
  return undefined;
}
