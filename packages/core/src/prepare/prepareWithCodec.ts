import * as ErrorCode from '../errorCodes';
import { formatBytes } from '../format/formatBytes';
import type { AcceptedImageFormat } from '../image/formats/format';
import { IMAGE_MIME_TYPES } from '../image/formats/format';
import { readImageInfo } from '../image/readImageInfo';
import { checkImageSize } from '../validation/checkImageSize';
import { isAnimated } from './animation';
import { fitWithin, type ImageCodec } from './imageCodec';
import { HEIC_NOT_CONVERTED, type PrepareOutcome, type PrepareResult } from './outcome';
import { stripMetadata } from './stripMetadata';
import type { ResolvedPrepareOptions } from './types';

/** The limit judged on the prepared file; with `original` the text says how to get under it. */
function checkPreparedSize(size: number, options: ResolvedPrepareOptions): PrepareResult | undefined {
  const check = checkImageSize(size, options.maxBytes);
  if (check.ok) return undefined;
  if (check.code === ErrorCode.FILE_TOO_LARGE && options.original) {
    return {
      code: ErrorCode.FILE_TOO_LARGE,
      desc: `As original, this image is ${formatBytes(size, 'up')}; the limit is ${formatBytes(options.maxBytes)}. Send it not as original (turn “Original” off) to send a smaller copy.`,
    };
  }
  return { code: check.code, desc: check.desc };
}

/** `photo.HEIC` → `photo.jpg`; `scan.bmp` → `scan.png`. */
function renameFor(name: string, extension: string): string {
  const base = name.replace(/\.[^./\\]*$/, '');
  return `${base || 'image'}.${extension}`;
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

/** What a downscaled copy is written as: the same format, or one that keeps transparency where it must. */
function targetType(format: AcceptedImageFormat, alpha: () => boolean): string {
  if (format === 'bmp') return alpha() ? 'image/png' : 'image/jpeg';
  return IMAGE_MIME_TYPES[format];
}

/**
 * Prepares one photo in the current scope: reads its bytes, strips metadata, and — given a codec —
 * converts HEIC to JPEG, downscales what exceeds `maxDimension` (unless `original`) and computes the
 * ThumbHash. Without a codec it only strips metadata. Never throws for bad input: returns a result.
 *
 * A HEIC goes to `codec.decode` (the browser's own decoder, then heic-to when the codec knows where it
 * is), or comes in decoded as `heicBitmap`; when neither can decode it, the outcome is
 * `{ needsDecoder: 'heic' }` and the caller loads a decoder and asks again.
 */
export async function prepareWithCodec(
  file: File,
  options: ResolvedPrepareOptions,
  codec: ImageCodec | undefined,
  heicBitmap?: ImageBitmap,
): Promise<PrepareOutcome> {
  const empty = checkImageSize(file.size, Number.POSITIVE_INFINITY);
  if (!empty.ok) return { code: empty.code, desc: empty.desc };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const reading = readImageInfo(bytes);
  if (!reading.ok) {
    if (reading.format !== 'heic') return { code: reading.code, desc: reading.desc };
    if (!codec) return HEIC_NOT_CONVERTED;
    const decoded = heicBitmap ?? (await codec.decode(file));
    if (!decoded) return { needsDecoder: 'heic' };
    return prepareDecodedHeic(file, decoded, options, codec);
  }

  const { format, width, height } = reading.info;
  const source = { size: file.size, width, height, format };
  let out: File | undefined;
  let size = { width, height };
  let placeholder: string | undefined;
  const target = fitWithin(width, height, options.maxDimension);
  const overBounds = target.width < width || target.height < height;
  if (codec && overBounds && !options.original && !isAnimated(bytes, format)) {
    // Undecodable pixels behind a valid header: send the stripped source, as without a codec.
    const smaller = await downscale(file, format, target, options, codec).catch(() => undefined);
    placeholder = smaller?.placeholder;
    // Nothing gets worse for nothing: a copy that is not smaller than the source is not sent.
    if (smaller && smaller.file.size < file.size) {
      out = smaller.file;
      size = target;
    }
  }
  out ??= new File(
    [(options.stripMetadata ? stripMetadata(bytes) : bytes) as Uint8Array<ArrayBuffer>],
    file.name,
    {
      type: IMAGE_MIME_TYPES[format],
      lastModified: file.lastModified,
    },
  );
  const tooLarge = checkPreparedSize(out.size, options);
  if (tooLarge) return tooLarge;
  if (codec && options.placeholder && placeholder === undefined) {
    placeholder = await codec.thumbHash(out, size.width, size.height).catch(() => undefined);
  }
  const preview =
    codec && !isAnimated(bytes, format)
      ? await makePreview(codec, out, size).catch(() => undefined)
      : undefined;
  return {
    code: ErrorCode.SUCC,
    desc: '',
    data: { file: out, ...size, ...(placeholder && { placeholder }), ...(preview && { preview }), source },
  };
}

/** Twice a draft thumbnail's 88 CSS pixels: sharp on high-density screens. */
export const PREVIEW_SHORT_SIDE = 176;

/** A thumbnail-sized copy (WebP, or PNG where WebP cannot be written), or none for a small image. */
async function makePreview(
  codec: ImageCodec,
  source: Blob | ImageBitmap,
  { width, height }: { width: number; height: number },
): Promise<Blob | undefined> {
  const scale = PREVIEW_SHORT_SIDE / Math.min(width, height);
  if (scale >= 1) return undefined;
  const small = await codec.resize(
    source,
    Math.max(1, Math.round(width * scale)),
    Math.max(1, Math.round(height * scale)),
  );
  return codec.encode(small, 'image/webp', 0.8);
}

/** A copy at `target` size, re-encoded in the format that keeps what the source has (transparency). */
async function downscale(
  file: File,
  format: AcceptedImageFormat,
  target: { width: number; height: number },
  options: ResolvedPrepareOptions,
  codec: ImageCodec,
): Promise<{ file: File; placeholder?: string }> {
  const resized = await codec.resize(file, target.width, target.height);
  const placeholder = options.placeholder
    ? await codec.thumbHash(resized, target.width, target.height).catch(() => undefined)
    : undefined;
  const wanted = targetType(format, () => codec.hasAlpha(resized));
  const blob = await codec.encode(resized, wanted, options.quality);
  // A browser without a WebP encoder writes PNG instead, which keeps transparency too.
  const type = blob.type || wanted;
  const name =
    type === IMAGE_MIME_TYPES[format] ? file.name : renameFor(file.name, EXTENSIONS[type] ?? 'png');
  return { file: new File([blob], name, { type, lastModified: file.lastModified }), placeholder };
}

/** A decoded HEIC becomes a JPEG: downscaled unless `original`, upright in its pixels, no metadata. */
async function prepareDecodedHeic(
  file: File,
  decoded: ImageBitmap,
  options: ResolvedPrepareOptions,
  codec: ImageCodec,
): Promise<PrepareResult> {
  try {
    return await encodeHeic(file, decoded, options, codec);
  } catch {
    return HEIC_NOT_CONVERTED;
  }
}

async function encodeHeic(
  file: File,
  decoded: ImageBitmap,
  options: ResolvedPrepareOptions,
  codec: ImageCodec,
): Promise<PrepareResult> {
  const source = { size: file.size, width: decoded.width, height: decoded.height, format: 'heic' };
  const target = options.original
    ? { width: decoded.width, height: decoded.height }
    : fitWithin(decoded.width, decoded.height, options.maxDimension);
  const resized =
    target.width === decoded.width ? decoded : await codec.resize(decoded, target.width, target.height);
  if (resized !== decoded) decoded.close();
  const placeholder = options.placeholder
    ? await codec.thumbHash(resized, target.width, target.height).catch(() => undefined)
    : undefined;
  const preview = await makePreview(codec, resized, target).catch(() => undefined);
  const blob = await codec.encode(resized, 'image/jpeg', options.quality);
  const out = new File([blob], renameFor(file.name, 'jpg'), {
    type: 'image/jpeg',
    lastModified: file.lastModified,
  });
  const tooLarge = checkPreparedSize(out.size, options);
  if (tooLarge) return tooLarge;
  return {
    code: ErrorCode.SUCC,
    desc: '',
    data: { file: out, ...target, ...(placeholder && { placeholder }), ...(preview && { preview }), source },
  };
}
