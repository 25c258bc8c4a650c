import * as ErrorCode from '../errorCodes';
import { type ByteWalk, type ImageByteSource, walkByteSource, walkBytes } from './byteSource';
import {
  type AcceptedImageFormat,
  type HeaderReading,
  IMAGE_HEAD_BYTES,
  IMAGE_MIME_TYPES,
  type RefusedImageFormat,
} from './formats/format';
import { sniffRefusedImageFormat } from './formats/refusedFormats';
import { damagedResult, READERS } from './readAcceptedImage';

const REFUSED_NAMES: Readonly<Record<RefusedImageFormat, string>> = {
  heic: 'HEIC/HEIF',
  avif: 'AVIF',
  tiff: 'TIFF',
  svg: 'SVG',
  ico: 'ICO',
  jxl: 'JPEG XL',
  psd: 'Photoshop (PSD)',
  jp2: 'JPEG 2000',
  jxr: 'JPEG XR',
  jpegls: 'JPEG-LS',
  qoi: 'QOI',
  dds: 'DirectDraw Surface (DDS)',
  icns: 'Apple icon (ICNS)',
  bpg: 'BPG',
};

/** What the bytes of an accepted image say about it. */
export interface ImageInfo {
  format: AcceptedImageFormat;
  mimeType: string;
  /** As displayed: for EXIF orientations 5–8 this is the stored height. */
  width: number;
  height: number;
  /** EXIF orientation 1–8 when a JPEG carries one. */
  orientation?: number;
}

export type ReadImageInfoResult =
  | { ok: true; info: ImageInfo }
  | {
      ok: false;
      code: typeof ErrorCode.IMAGE_TYPE_LIMIT | typeof ErrorCode.NOT_IMAGE;
      desc: string;
      /** Set when the bytes are a recognised image in a format that is refused. */
      format?: RefusedImageFormat;
    };

/**
 * Identifies an image by its bytes alone (never by its name or MIME type) and reads its dimensions from
 * the header without decoding pixels. Returns a result, never throws; the work is bounded by the buffer
 * length whatever the bytes claim.
 *
 * @example
 * const result = readImageInfo(bytes);
 * if (result.ok) console.log(result.info.format, result.info.width, result.info.height);
 * else console.log(result.code, result.desc); // 2252 for HEIC, 6031 for a PDF
 */
export function readImageInfo(bytes: Uint8Array): ReadImageInfoResult {
  return walkBytes(identify(bytes.length), bytes);
}

/**
 * `readImageInfo` over a file it need not hold: the same verdicts, read a window at a time (at most
 * 128 KiB in memory, each byte read a bounded number of times, whatever the segment lengths claim).
 *
 * @example
 * // Node: a file on disk
 * const file = await open(path);
 * const source = { size: (await file.stat()).size, read: async (start, end) => {
 *   const { buffer, bytesRead } = await file.read(Buffer.alloc(end - start), 0, end - start, start);
 *   return buffer.subarray(0, bytesRead);
 * } };
 * const result = await readImageInfoFrom(source);
 */
export function readImageInfoFrom(source: ImageByteSource): Promise<ReadImageInfoResult> {
  return walkByteSource(identify(source.size), source);
}

function* identify(size: number): ByteWalk<ReadImageInfoResult> {
  const head = yield [0, IMAGE_HEAD_BYTES];
  const reader = READERS.find((candidate) => candidate.matches(head));
  if (reader) {
    const read = reader.read(head, size);
    return toResult(reader.format, 'kind' in read ? read : yield* read);
  }
  const refused = sniffRefusedImageFormat(head);
  if (refused) return refusedResult(refused);
  return {
    ok: false,
    code: ErrorCode.NOT_IMAGE,
    desc: 'This file is not an image. Choose a JPEG, PNG, GIF, BMP or WebP image.',
  };
}

function toResult(format: AcceptedImageFormat, reading: HeaderReading): ReadImageInfoResult {
  switch (reading.kind) {
    case 'refused':
      return refusedResult(reading.format);
    case 'damaged':
      return damagedResult(format, reading.reason, reading.advice);
    case 'image': {
      const { width, height, orientation } = reading;
      return { ok: true, info: { format, mimeType: IMAGE_MIME_TYPES[format], width, height, orientation } };
    }
  }
}

function refusedResult(format: RefusedImageFormat): ReadImageInfoResult {
  return {
    ok: false,
    code: ErrorCode.IMAGE_TYPE_LIMIT,
    format,
    desc: `${REFUSED_NAMES[format]} images cannot be sent. Convert it to JPEG, PNG, GIF, BMP or WebP and try again.`,
  };
}
