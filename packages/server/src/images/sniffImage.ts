import { Code } from '../api/apiError';
import { readImageHeader } from './readImageHeader';
import {
  type AcceptedFormat,
  classifySignature,
  MIME_TYPES,
  REFUSED_NAMES,
  type RefusedFormat,
} from './signatures';

export interface ImageFacts {
  format: AcceptedFormat;
  mimeType: string;
  /** As displayed: a JPEG whose EXIF orientation is 5–8 has its stored width and height swapped. */
  width: number;
  height: number;
  /** EXIF orientation of a JPEG, when it has one; variants are rotated by it. */
  orientation?: number;
}

export type SniffResult =
  | { ok: true; facts: ImageFacts }
  | {
      ok: false;
      code: typeof Code.IMAGE_TYPE_LIMIT | typeof Code.NOT_IMAGE;
      desc: string;
      format?: RefusedFormat;
    };

const NOT_IMAGE_DESC = 'This file is not an image. Choose a JPEG, PNG, GIF, BMP or WebP image.';

/**
 * Decides what an uploaded file is from its bytes (never its name or Content-Type), with the verdicts
 * core gives before upload: JPEG, PNG, GIF, BMP and WebP are accepted; HEIC, AVIF, TIFF, SVG, ICO, JPEG XL
 * and PSD are refused with 2252; anything else, or an accepted signature whose header cannot be read,
 * is 6031. The header is read the way core reads it (`readImageHeader`), never by decoding pixels, so a
 * file core accepts is accepted here and one it refuses is refused here, whatever libvips would make
 * of it (variants that libvips cannot make fall back to the original).
 *
 * @param head the first `SIGNATURE_BYTES` of the file (all of it when shorter)
 */
export async function sniffImage(path: string, head: Uint8Array): Promise<SniffResult> {
  const verdict = classifySignature(head);
  if (verdict.kind === 'unknown') return { ok: false, code: Code.NOT_IMAGE, desc: NOT_IMAGE_DESC };
  if (verdict.kind === 'refused') {
    return {
      ok: false,
      code: Code.IMAGE_TYPE_LIMIT,
      format: verdict.format,
      desc: `${REFUSED_NAMES[verdict.format]} images cannot be sent. Convert it to JPEG, PNG, GIF, BMP or WebP and try again.`,
    };
  }
  const { format } = verdict;
  const header = await readImageHeader(path, format, head);
  if (header.kind === 'damaged') {
    return {
      ok: false,
      code: Code.NOT_IMAGE,
      desc: `This file looks like a ${format.toUpperCase()} image, but ${header.reason}, so it cannot be sent. Open it in an image editor and save it again.`,
    };
  }
  const facts: ImageFacts = {
    format,
    mimeType: MIME_TYPES[format],
    width: header.width,
    height: header.height,
  };
  if (header.orientation !== undefined && header.orientation > 1) facts.orientation = header.orientation;
  return { ok: true, facts };
}
