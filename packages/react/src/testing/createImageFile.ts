import { encodeBmp } from './encoders/bmp';
import { encodeGif } from './encoders/gif';
import { encodeJpeg } from './encoders/jpeg';
import { encodePng } from './encoders/png';
import { encodeWebp } from './encoders/webp';

export type TestImageFormat = 'png' | 'jpeg' | 'gif' | 'bmp' | 'webp';

export interface CreateImageFileOptions {
  format?: TestImageFormat;
  width?: number;
  height?: number;
  /** Exact byte size; padding is added in a way decoders ignore. Smaller than the image itself is ignored. */
  size?: number;
  /** Default `image-<width>x<height>.<ext>`. */
  name?: string;
  /** The claimed MIME type (default: the real one). Lie here to test that the bytes decide. */
  type?: string;
  /** EXIF orientation 1–8 (JPEG only). */
  orientation?: number;
  lastModified?: number;
}

const EXTENSIONS: Record<TestImageFormat, string> = {
  png: 'png',
  jpeg: 'jpg',
  gif: 'gif',
  bmp: 'bmp',
  webp: 'webp',
};
const MIME: Record<TestImageFormat, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  bmp: 'image/bmp',
  webp: 'image/webp',
};

/** The bytes of a real, decodable image of the given format and size. */
export function createImageBytes(options: CreateImageFileOptions = {}): Uint8Array<ArrayBuffer> {
  const { format = 'png', width = 64, height = 48, size } = options;
  const padTo = size;
  switch (format) {
    case 'png':
      return encodePng(width, height, { padTo });
    case 'jpeg':
      return encodeJpeg(width, height, { padTo, orientation: options.orientation });
    case 'gif':
      return encodeGif(width, height, { padTo });
    case 'bmp':
      return encodeBmp(width, height, { padTo });
    case 'webp':
      return encodeWebp(width, height, { padTo });
  }
}

/**
 * A `File` holding a real image, for tests and stories: any format the library accepts, any dimensions,
 * optionally an exact byte size (e.g. 28 MiB + 1 to see the limit) or a lying MIME type.
 *
 * @example
 * const file = createImageFile({ format: 'jpeg', width: 4032, height: 3024, size: 3_000_000 });
 */
export function createImageFile(options: CreateImageFileOptions = {}): File {
  const { format = 'png', width = 64, height = 48 } = options;
  const bytes = createImageBytes(options);
  return new File([bytes], options.name ?? `image-${width}x${height}.${EXTENSIONS[format]}`, {
    type: options.type ?? MIME[format],
    lastModified: options.lastModified ?? 0,
  });
}
