import { ErrorCode } from '../errors';
import { bmp } from './formats/bmp';
import {
  type AcceptedImageFormat,
  IMAGE_MIME_TYPES,
  type ImageFormatReader,
  type RefusedImageFormat,
} from './formats/format';
import { gif } from './formats/gif';
import { jpeg } from './formats/jpeg';
import { png } from './formats/png';
import { sniffRefusedImageFormat } from './formats/refusedFormats';
import { webp } from './formats/webp';

const READERS: readonly ImageFormatReader[] = [jpeg, png, gif, webp, bmp];

const REFUSED_NAMES: Readonly<Record<RefusedImageFormat, string>> = {
  heic: 'HEIC/HEIF',
  avif: 'AVIF',
  tiff: 'TIFF',
  svg: 'SVG',
  ico: 'ICO',
  jxl: 'JPEG XL',
  psd: 'Photoshop (PSD)',
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
  const reader = READERS.find((candidate) => candidate.matches(bytes));
  if (reader) {
    const reading = reader.read(bytes);
    if (reading.kind === 'damaged') {
      return {
        ok: false,
        code: ErrorCode.NOT_IMAGE,
        desc: `This file looks like a ${reader.format.toUpperCase()} image, but ${reading.reason}, so it cannot be sent. Open it in an image editor and save it again.`,
      };
    }
    const { width, height, orientation } = reading;
    return {
      ok: true,
      info: { format: reader.format, mimeType: IMAGE_MIME_TYPES[reader.format], width, height, orientation },
    };
  }
  const refused = sniffRefusedImageFormat(bytes);
  if (refused) {
    return {
      ok: false,
      code: ErrorCode.IMAGE_TYPE_LIMIT,
      format: refused,
      desc: `${REFUSED_NAMES[refused]} images cannot be sent. Convert it to JPEG, PNG, GIF, BMP or WebP and try again.`,
    };
  }
  return {
    ok: false,
    code: ErrorCode.NOT_IMAGE,
    desc: 'This file is not an image. Choose a JPEG, PNG, GIF, BMP or WebP image.',
  };
}
