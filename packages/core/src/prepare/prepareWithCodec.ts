import * as ErrorCode from '../errorCodes';
import { formatBytes } from '../format/formatBytes';
import type { AcceptedImageFormat } from '../image/formats/format';
import { IMAGE_MIME_TYPES } from '../image/formats/format';
import { readImageInfoFrom } from '../image/readImageInfo';
import { checkImageSize } from '../validation/checkImageSize';
import { canAnimate, isAnimated } from './animation';
import { fitWithin, type ImageCodec } from './imageCodec';
import { HEIC_NOT_CONVERTED, type PrepareOutcome, type PrepareResult } from './outcome';
import { piecesToBlobParts } from './strip/piecesToBlobParts';
import { metadataFreePieces } from './stripMetadata';
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
 * Prepares one photo in the current scope: reads its header, strips metadata, and — given a codec —
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
  const reading = await readImageInfoFrom({
    size: file.size,
    read: async (start, end) => new Uint8Array(await file.slice(start, end).arrayBuffer()),
  });
  if (!reading.ok) {
    if (reading.format !== 'heic') return { code: reading.code, desc: reading.desc };
    if (!codec) return HEIC_NOT_CONVERTED;
    const decoded = heicBitmap ?? (await codec.decode(file));
    if (!decoded) return { needsDecoder: 'heic' };
    return prepareDecodedHeic(file, decoded, options, codec);
  }

  const { format, width, height } = reading.info;
  const source = { size: file.size, width, height, format };
  // The whole file is read only when its bytes are sent as they are (stripped) or may hold frames: a
  // photo that is downscaled is decoded from the File, and its 28 MiB are never held here.
  let whole: Uint8Array | undefined;
  const allBytes = async () => {
    whole ??= new Uint8Array(await file.arrayBuffer());
    return whole;
  };
  // A GIF is taken as animated without reading it (a canvas cannot write GIFs anyway).
  const animated = canAnimate(format) && (format === 'gif' || isAnimated(await allBytes(), format));
  let out: File | undefined;
  let size = { width, height };
  let small: SmallCopies | undefined;
  const target = fitWithin(width, height, options.maxDimension);
  const overBounds = target.width < width || target.height < height;
  if (codec && overBounds && !options.original && !animated) {
    // Undecodable pixels behind a valid header: send the stripped source, as without a codec.
    const smaller = await downscale(file, format, target, options, codec).catch(() => undefined);
    small = smaller?.small;
    // Nothing gets worse for nothing: a copy that is not smaller than the source is not sent.
    if (smaller && smaller.file.size < file.size) {
      out = smaller.file;
      size = target;
    }
  }
  if (!out) {
    // Sent as it is, or with its metadata cut out: a File made of slices of the user's file (and a few
    // bytes made fresh), so the photo is read from disk when it is uploaded and never copied here.
    // GIF and BMP carry no metadata that is stripped: they are not read at all.
    const strips = options.stripMetadata && (format === 'jpeg' || format === 'png' || format === 'webp');
    const pieces = strips ? metadataFreePieces(await allBytes()) : undefined;
    const parts = pieces ? piecesToBlobParts(file, await allBytes(), pieces) : [file];
    const type = IMAGE_MIME_TYPES[format];
    out =
      parts.length === 1 && parts[0] === file && file.type === type
        ? file
        : new File(parts, file.name, { type, lastModified: file.lastModified });
  }
  const tooLarge = checkPreparedSize(out.size, options);
  if (tooLarge) return tooLarge;
  if (codec && !small) {
    // An animation keeps its frames in the draft too (the browser animates the file), so no thumbnail.
    small = animated
      ? { placeholder: await placeholderOf(codec, out, size, options) }
      : await smallCopies(codec, out, size, options).catch(() => undefined);
  }
  const { placeholder, preview } = small ?? {};
  return {
    code: ErrorCode.SUCC,
    desc: '',
    data: { file: out, ...size, ...(placeholder && { placeholder }), ...(preview && { preview }), source },
  };
}

/** Twice a draft thumbnail's 88 CSS pixels: sharp on high-density screens. */
export const PREVIEW_SHORT_SIDE = 176;

/** The draft's thumbnail and the message's ThumbHash; either may be missing. */
interface SmallCopies {
  placeholder?: string | undefined;
  preview?: Blob | undefined;
}

function placeholderOf(
  codec: ImageCodec,
  source: Blob | ImageBitmap,
  { width, height }: { width: number; height: number },
  options: ResolvedPrepareOptions,
): Promise<string | undefined> {
  if (!options.placeholder) return Promise.resolve(undefined);
  return codec.thumbHash(source, width, height).catch(() => undefined);
}

interface Thumbnail {
  bitmap: ImageBitmap;
  width: number;
  height: number;
}

/** The draft thumbnail's pixels, `PREVIEW_SHORT_SIDE` on the shorter side; none for an image that small. */
async function takeThumbnail(
  codec: ImageCodec,
  source: Blob | ImageBitmap,
  size: { width: number; height: number },
): Promise<Thumbnail | undefined> {
  const scale = PREVIEW_SHORT_SIDE / Math.min(size.width, size.height);
  if (scale >= 1) return undefined;
  const width = Math.max(1, Math.round(size.width * scale));
  const height = Math.max(1, Math.round(size.height * scale));
  return { bitmap: await codec.resize(source, width, height), width, height };
}

/** The ThumbHash from the thumbnail's pixels, then the thumbnail encoded (WebP, or PNG where it cannot). */
async function finishThumbnail(
  codec: ImageCodec,
  thumbnail: Thumbnail,
  options: ResolvedPrepareOptions,
): Promise<SmallCopies> {
  const placeholder = await placeholderOf(codec, thumbnail.bitmap, thumbnail, options);
  const preview = await codec.encode(thumbnail.bitmap, 'image/webp', 0.8).catch(() => undefined);
  return { placeholder, preview };
}

/**
 * The thumbnail and the ThumbHash of a file that is sent as it is, both from one small copy: decoding the
 * photo once more for each would cost more than making either.
 */
async function smallCopies(
  codec: ImageCodec,
  source: Blob,
  size: { width: number; height: number },
  options: ResolvedPrepareOptions,
): Promise<SmallCopies> {
  const thumbnail = await takeThumbnail(codec, source, size);
  if (!thumbnail) return { placeholder: await placeholderOf(codec, source, size, options) };
  return finishThumbnail(codec, thumbnail, options);
}

/**
 * Encodes `bitmap` (closing it) and makes the small copies from the same pixels, so nothing is decoded
 * again. The thumbnail is finished while the browser encodes the large image (off this thread), which
 * hides most of its cost.
 */
async function encodeWithSmallCopies(
  codec: ImageCodec,
  bitmap: ImageBitmap,
  size: { width: number; height: number },
  type: string,
  options: ResolvedPrepareOptions,
): Promise<{ blob: Blob; small: SmallCopies }> {
  const thumbnail = await takeThumbnail(codec, bitmap, size).catch(() => undefined);
  const placeholder = thumbnail ? undefined : await placeholderOf(codec, bitmap, size, options);
  const [blob, small] = await Promise.all([
    codec.encode(bitmap, type, options.quality),
    thumbnail ? finishThumbnail(codec, thumbnail, options).catch((): SmallCopies => ({})) : { placeholder },
  ]);
  return { blob, small };
}

/** A copy at `target` size, re-encoded in the format that keeps what the source has (transparency). */
async function downscale(
  file: File,
  format: AcceptedImageFormat,
  target: { width: number; height: number },
  options: ResolvedPrepareOptions,
  codec: ImageCodec,
): Promise<{ file: File; small: SmallCopies }> {
  const resized = await codec.resize(file, target.width, target.height);
  const wanted = targetType(format, () => codec.hasAlpha(resized));
  const encoded = await encodeWithSmallCopies(codec, resized, target, wanted, options);
  let blob = encoded.blob;
  let written = await formatOf(blob);
  if (wanted === IMAGE_MIME_TYPES.webp && written !== 'webp') {
    blob = await withoutWebpEncoder(codec, blob, options);
    written = await formatOf(blob);
  }
  // Named and typed by what the bytes are, whatever was asked of the encoder.
  const type = written ? IMAGE_MIME_TYPES[written] : blob.type || wanted;
  const name =
    type === IMAGE_MIME_TYPES[format] ? file.name : renameFor(file.name, EXTENSIONS[type] ?? 'png');
  return { file: new File([blob], name, { type, lastModified: file.lastModified }), small: encoded.small };
}

/** The format `blob`'s header says it is (an encoder's `type` is what it was asked, or what it wrote). */
async function formatOf(blob: Blob): Promise<AcceptedImageFormat | undefined> {
  const reading = await readImageInfoFrom({
    size: blob.size,
    read: async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer()),
  });
  return reading.ok ? reading.info.format : undefined;
}

/**
 * A browser without a WebP encoder (WebKit, so Safari) writes PNG when asked for WebP: kept where it holds
 * transparency, and re-encoded as JPEG where it does not — a PNG of a photo is several times its JPEG. Its
 * pixels are the downscaled ones, so decoding it is cheap; whichever comes out is sent only when smaller
 * than the source.
 */
async function withoutWebpEncoder(codec: ImageCodec, written: Blob, options: ResolvedPrepareOptions) {
  const pixels = await codec.decode(written);
  if (!pixels) return written;
  if (codec.hasAlpha(pixels)) {
    pixels.close();
    return written;
  }
  return codec.encode(pixels, IMAGE_MIME_TYPES.jpeg, options.quality);
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
  const { blob, small } = await encodeWithSmallCopies(codec, resized, target, 'image/jpeg', options);
  const { placeholder, preview } = small;
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
