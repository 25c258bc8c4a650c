import type { ByteWalk } from '../byteSource';

/** The formats an image message may carry. */
export type AcceptedImageFormat = 'jpeg' | 'png' | 'gif' | 'bmp' | 'webp';

/** Formats recognised as images but refused with `IMAGE_TYPE_LIMIT` (2252). */
export type RefusedImageFormat =
  | 'heic'
  | 'avif'
  | 'tiff'
  | 'svg'
  | 'ico'
  | 'jxl'
  | 'psd'
  | 'jp2'
  | 'jxr'
  | 'jpegls'
  | 'qoi'
  | 'dds'
  | 'icns'
  | 'bpg';

/** The content type each accepted format is uploaded and served with (never taken from the file name). */
export const IMAGE_MIME_TYPES: Readonly<Record<AcceptedImageFormat, string>> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  bmp: 'image/bmp',
  webp: 'image/webp',
};

/**
 * How many leading bytes identify a format: every signature fits, and an SVG's root element may follow up
 * to 4 KiB of prolog, comments and doctype. A server that keeps the start of an upload keeps this much.
 */
export const IMAGE_HEAD_BYTES = 4096;

/** What a format parser found in the header. */
export type HeaderReading =
  | { kind: 'image'; width: number; height: number; orientation?: number }
  /**
   * The signature matched but the header is cut short or contradicts itself, or describes pixels not every
   * browser shows; `advice` replaces the default "open it in an image editor and save it again".
   */
  | { kind: 'damaged'; reason: string; advice?: string }
  /** The container is an accepted one but what it holds is not (JPEG-LS inside JPEG markers). */
  | { kind: 'refused'; format: RefusedImageFormat };

/**
 * A parser for one accepted format. `matches` looks at the signature only. `read` reads the header from
 * `head` (the first `IMAGE_HEAD_BYTES`, or the whole file when shorter) — or, for a format whose header may
 * lie anywhere in the file (JPEG), returns a walk that asks for the bytes it needs.
 */
export interface ImageFormatReader {
  readonly format: AcceptedImageFormat;
  matches(head: Uint8Array): boolean;
  read(head: Uint8Array, size: number): HeaderReading | ByteWalk<HeaderReading>;
}

export function damaged(reason: string, advice?: string): HeaderReading {
  return advice ? { kind: 'damaged', reason, advice } : { kind: 'damaged', reason };
}

export function dimensions(width: number, height: number, orientation?: number): HeaderReading {
  if (!(width > 0 && height > 0)) return damaged('its header gives no width or height');
  return { kind: 'image', width, height, orientation };
}
