/**
 * What preparation needs from the platform to decode, resize and encode pixels. The worker gives it one
 * built on `createImageBitmap` and `OffscreenCanvas` (`createCanvasCodec`); where those are missing the
 * preparation runs without one and only strips metadata.
 */
export interface ImageCodec {
  /** Decodes with the browser's own decoders, EXIF orientation applied; `undefined` when it cannot. */
  decode(blob: Blob): Promise<ImageBitmap | undefined>;
  /** A copy of `source` at `width` × `height`, EXIF orientation applied (the sizes are the upright ones). */
  resize(source: Blob | ImageBitmap, width: number, height: number): Promise<ImageBitmap>;
  /** Encodes the bitmap and closes it. The blob's `type` is what the browser wrote (it may not know `type`). */
  encode(bitmap: ImageBitmap, type: string, quality: number): Promise<Blob>;
  /** True when some pixel is not fully opaque. */
  hasAlpha(bitmap: ImageBitmap): boolean;
  /** A ThumbHash (base64) of `source`, whose upright size is `width` × `height`. */
  thumbHash(source: Blob | ImageBitmap, width: number, height: number): Promise<string>;
}

/** `width` × `height` scaled down (never up) so the longer side is at most `maxSide`, each side ≥ 1 px. */
export function fitWithin(width: number, height: number, maxSide: number) {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}
