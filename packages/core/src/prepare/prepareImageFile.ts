import * as ErrorCode from '../errorCodes';
import { HEIC_NOT_CONVERTED, type PrepareResult } from './outcome';
import { PREPARE_DEFAULTS, type PrepareImageOptions, type ResolvedPrepareOptions } from './types';

function resolveOptions(options: PrepareImageOptions): ResolvedPrepareOptions | PrepareResult {
  const resolved = { ...PREPARE_DEFAULTS };
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined) Object.assign(resolved, { [key]: value });
  }
  const { maxDimension, quality, maxBytes } = resolved;
  if (!(Number.isInteger(maxDimension) && maxDimension > 0)) {
    return {
      code: ErrorCode.INVALID_PARAMETERS,
      desc: `maxDimension must be a positive integer, not ${maxDimension}.`,
    };
  }
  if (!(quality > 0 && quality <= 1)) {
    return {
      code: ErrorCode.INVALID_PARAMETERS,
      desc: `quality must be above 0 and at most 1, not ${quality}.`,
    };
  }
  if (!(maxBytes > 0)) {
    return { code: ErrorCode.INVALID_PARAMETERS, desc: `maxBytes must be positive, not ${maxBytes}.` };
  }
  return resolved;
}

/** Workers and OffscreenCanvas: what the worker path needs (jsdom and old browsers have neither). */
function canUseWorker(): boolean {
  return (
    typeof Worker === 'function' &&
    typeof OffscreenCanvas === 'function' &&
    typeof createImageBitmap === 'function'
  );
}

/**
 * Prepares a photo the way people have them (12–48 MP, HEIC, GPS in the EXIF) for sending, before
 * `createImageMessage`:
 * - HEIC/HEIF becomes a JPEG named `.jpg`, upright. The browser's own decoder is tried first (Safari has
 *   one); else `heic-to` is loaded, on the first HEIC only, as a separate chunk. No decoder → 2252.
 * - Unless `original`, an image whose longer side exceeds `maxDimension` (2560) is downscaled and
 *   re-encoded (JPEG/WebP at `quality` 0.85; PNG stays PNG, a BMP with transparency becomes PNG, without
 *   JPEG). Animated images (GIF, APNG, animated WebP) and images within bounds are never re-encoded; a
 *   copy that is not smaller than the source is not used.
 * - Metadata (EXIF with GPS, XMP, IPTC, comments) is stripped without re-encoding; the Orientation tag
 *   alone is kept, or baked into the pixels when re-encoding.
 * - A ThumbHash placeholder (base64) is computed from a ≤ 100 px copy.
 * - The size limit (`maxBytes`, 28 MiB) is judged on the prepared file: 7005 only when even that is over;
 *   with `original`, the text says to send it not as original.
 *
 * The work runs in a module worker, started on first use and stopped after 30 s idle. Where Workers or
 * OffscreenCanvas are missing (jsdom, very old browsers) or the worker cannot start (a CSP without
 * `worker-src blob:`), it falls back to the main thread and only strips metadata: no downscaling, no
 * placeholder, and HEIC is refused with 2252.
 *
 * Returns a result, never throws.
 *
 * @example
 * const prepared = await prepareImageFile(file, { original });
 * if (prepared.code !== ErrorCode.SUCC) return showError(prepared.desc); // 7005, 2252, 6031…
 * const created = await manager.createImageMessage(await fileToImageMessageParams(prepared.data!.file));
 */
export async function prepareImageFile(
  file: File,
  options: PrepareImageOptions = {},
): Promise<PrepareResult> {
  const resolved = resolveOptions(options);
  if ('code' in resolved) return resolved;
  try {
    if (canUseWorker()) {
      const { prepareInWorker } = await import('./workerClient');
      const result = await prepareInWorker(file, resolved);
      if (result) return result;
    }
    const { prepareWithCodec } = await import('./prepareWithCodec');
    const outcome = await prepareWithCodec(file, resolved, undefined);
    return 'needsDecoder' in outcome ? HEIC_NOT_CONVERTED : outcome;
  } catch (error) {
    return {
      code: ErrorCode.NOT_IMAGE,
      desc: `This file could not be read (${error instanceof Error ? error.message : String(error)}). Choose it again.`,
    };
  }
}
