import * as ErrorCode from '../errorCodes';
import { type ByteWalk, type ImageByteSource, walkByteSource, walkBytes } from './byteSource';
import { bmp } from './formats/bmp';
import {
  type AcceptedImageFormat,
  IMAGE_HEAD_BYTES,
  IMAGE_MIME_TYPES,
  type ImageFormatReader,
} from './formats/format';
import { gif } from './formats/gif';
import { jpeg } from './formats/jpeg';
import { png } from './formats/png';
import { webp } from './formats/webp';
import type { ReadImageInfoResult } from './readImageInfo';

export const READERS: readonly ImageFormatReader[] = [jpeg, png, gif, webp, bmp];

/** The 6031 of bytes that start like `format` but whose header is broken, saying why. */
export function damagedResult(
  format: AcceptedImageFormat,
  reason: string,
  advice = 'Open it in an image editor and save it again.',
): ReadImageInfoResult {
  return {
    ok: false,
    code: ErrorCode.NOT_IMAGE,
    desc: `This file looks like a ${format.toUpperCase()} image, but ${reason}, so it cannot be sent. ${advice}`,
  };
}

/**
 * The verdict on bytes of an accepted format (JPEG, PNG, GIF, WebP, BMP): the image, or 6031 for a broken
 * header. `undefined` for anything else, whose verdict (2252 naming a refused format, or 6031) is
 * `readImageInfo`'s: the manager loads that only then, so the refused formats' sniffing is not in the
 * bundle of an app whose users send photos.
 */
export function readAcceptedImage(bytes: Uint8Array): ReadImageInfoResult | undefined {
  return walkBytes(identifyAccepted(bytes.length), bytes);
}

/** `readAcceptedImage` over a source it need not hold (a `Blob`, read a slice at a time). */
export function readAcceptedImageFrom(source: ImageByteSource): Promise<ReadImageInfoResult | undefined> {
  return walkByteSource(identifyAccepted(source.size), source);
}

function* identifyAccepted(size: number): ByteWalk<ReadImageInfoResult | undefined> {
  const head = yield [0, IMAGE_HEAD_BYTES];
  const reader = READERS.find((candidate) => candidate.matches(head));
  if (!reader) return undefined;
  const read = reader.read(head, size);
  const reading = 'kind' in read ? read : yield* read;
  if (reading.kind === 'refused') return undefined;
  if (reading.kind === 'damaged') return damagedResult(reader.format, reading.reason, reading.advice);
  const { format } = reader;
  const { width, height, orientation } = reading;
  return { ok: true, info: { format, mimeType: IMAGE_MIME_TYPES[format], width, height, orientation } };
}
