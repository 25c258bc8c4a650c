import sharp, { type Metadata } from 'sharp';
import { Code } from '../api/apiError';
import { readBmpHeader } from './readBmpHeader';
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
  /** Frames of an animated GIF or WebP. */
  pages: number;
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
 * is 6031. Dimensions come from sharp's header read (no pixels are decoded), or for BMP from its header.
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
  const damaged = (): SniffResult => ({
    ok: false,
    code: Code.NOT_IMAGE,
    desc: `This file looks like a ${format.toUpperCase()} image, but its header cannot be read, so it cannot be sent. Open it in an image editor and save it again.`,
  });
  if (format === 'bmp') {
    const size = readBmpHeader(head);
    return size ? { ok: true, facts: { format, mimeType: MIME_TYPES.bmp, ...size, pages: 1 } } : damaged();
  }
  let metadata: Metadata;
  try {
    metadata = await sharp(path).metadata();
  } catch {
    return damaged();
  }
  // A file whose signature says PNG but which libvips reads as something else is not what it claims.
  if (metadata.format !== format || !(metadata.width > 0 && metadata.height > 0)) return damaged();
  // Core rotates only JPEG dimensions by EXIF; doing the same keeps both sides' numbers equal.
  const orientation = format === 'jpeg' ? metadata.orientation : undefined;
  const quarterTurn = orientation !== undefined && orientation >= 5 && orientation <= 8;
  const facts: ImageFacts = {
    format,
    mimeType: MIME_TYPES[format],
    width: quarterTurn ? metadata.height : metadata.width,
    height: quarterTurn ? metadata.width : metadata.height,
    pages: metadata.pages ?? 1,
  };
  if (orientation !== undefined && orientation > 1) facts.orientation = orientation;
  return { ok: true, facts };
}
