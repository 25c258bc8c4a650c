import { rgbaToThumbHash } from 'thumbhash';
import { fitWithin, type ImageCodec } from './imageCodec';

/** ThumbHash encodes images of at most 100 × 100 pixels. */
const THUMBHASH_MAX_SIDE = 100;

function context2d(
  width: number,
  height: number,
  willReadFrequently = true,
): OffscreenCanvasRenderingContext2D {
  const context = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently });
  if (!context) throw new Error('OffscreenCanvas has no 2d context here');
  return context;
}

export function bytesToBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

/** What `heicDecoder.ts` exports, imported by URL in the worker. */
interface HeicDecoderModule {
  decodeHeic(file: Blob): Promise<ImageBitmap>;
}

/**
 * The codec of a worker (or any scope with `createImageBitmap` and `OffscreenCanvas`): the browser's own
 * decoders, `resizeQuality: 'high'` scaling and `convertToBlob` encoders. Re-encoding writes no metadata,
 * and decoding applies the EXIF orientation, so a re-encoded image is upright in its pixels.
 *
 * `heicDecoderUrl`: where the main thread loaded `heicDecoder.ts` from; `decode` falls back to it when the
 * browser has no decoder of its own for the file (HEIC outside Safari).
 */
export function createCanvasCodec(heicDecoderUrl?: string): ImageCodec {
  return {
    async decode(blob) {
      try {
        return await createImageBitmap(blob, { imageOrientation: 'from-image' });
      } catch {
        if (!heicDecoderUrl) return undefined;
      }
      try {
        const { decodeHeic } = (await import(/* @vite-ignore */ heicDecoderUrl)) as HeicDecoderModule;
        return await decodeHeic(blob);
      } catch {
        return undefined;
      }
    },
    resize(source, width, height) {
      return createImageBitmap(source, {
        resizeWidth: width,
        resizeHeight: height,
        resizeQuality: 'high',
        imageOrientation: 'from-image',
      });
    },
    encode(bitmap, type, quality) {
      // Drawn, not handed over with a 'bitmaprenderer' context: chromium's bitmaprenderer drops the EXIF
      // orientation a bitmap decoded from a file carries, and would write a rotated image sideways.
      const context = context2d(bitmap.width, bitmap.height, false);
      context.drawImage(bitmap, 0, 0);
      bitmap.close();
      return context.canvas.convertToBlob({ type, quality });
    },
    hasAlpha(bitmap) {
      const context = context2d(bitmap.width, bitmap.height);
      context.drawImage(bitmap, 0, 0);
      const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 255) return true;
      return false;
    },
    async thumbHash(source, width, height) {
      const size = fitWithin(width, height, THUMBHASH_MAX_SIDE);
      const small = await createImageBitmap(source, {
        resizeWidth: size.width,
        resizeHeight: size.height,
        resizeQuality: 'medium',
        imageOrientation: 'from-image',
      });
      const context = context2d(size.width, size.height);
      context.drawImage(small, 0, 0);
      small.close();
      const { data } = context.getImageData(0, 0, size.width, size.height);
      return bytesToBase64(rgbaToThumbHash(size.width, size.height, data));
    },
  };
}
