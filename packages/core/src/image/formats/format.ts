/** The formats an image message may carry. */
export type AcceptedImageFormat = 'jpeg' | 'png' | 'gif' | 'bmp' | 'webp';

/** Formats recognised as images but refused with `IMAGE_TYPE_LIMIT` (2252). */
export type RefusedImageFormat = 'heic' | 'avif' | 'tiff' | 'svg' | 'ico' | 'jxl' | 'psd';

/** The content type each accepted format is uploaded and served with (never taken from the file name). */
export const IMAGE_MIME_TYPES: Readonly<Record<AcceptedImageFormat, string>> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  bmp: 'image/bmp',
  webp: 'image/webp',
};

/** What a format parser found in the header. */
export type HeaderReading =
  | { kind: 'image'; width: number; height: number; orientation?: number }
  /** The signature matched but the header is cut short or contradicts itself. */
  | { kind: 'damaged'; reason: string };

/** A parser for one accepted format: `matches` looks at the signature only, `read` at the header. */
export interface ImageFormatReader {
  readonly format: AcceptedImageFormat;
  matches(bytes: Uint8Array): boolean;
  read(bytes: Uint8Array): HeaderReading;
}

export function damaged(reason: string): HeaderReading {
  return { kind: 'damaged', reason };
}

export function dimensions(width: number, height: number, orientation?: number): HeaderReading {
  if (!(width > 0 && height > 0)) return damaged('its header gives no width or height');
  return { kind: 'image', width, height, orientation };
}
