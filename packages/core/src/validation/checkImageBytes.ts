import type { RejectionCode } from '../errors';
import type { ImageInfo, ReadImageInfoResult } from '../image/readImageInfo';
import { blobByteSource } from '../web/blobBytes';
import { checkImageSize } from './checkImageSize';

export type ImageBytesCheck =
  | { ok: true; info: ImageInfo }
  | { ok: false; code: RejectionCode; desc: string };

/**
 * `validateImageBytes` as the manager runs it: the same verdicts, but its code loads when it is first
 * needed — the header readers with the first image, the sniffing of refused formats (and the wording of
 * what is not an image) only for bytes that are no accepted image.
 */
export async function checkImageBytes(bytes: Uint8Array, maxBytes: number): Promise<ImageBytesCheck> {
  const size = checkImageSize(bytes.byteLength, maxBytes);
  if (!size.ok) return size;
  const { readAcceptedImage } = await import('../image/readAcceptedImage');
  const accepted = readAcceptedImage(bytes);
  if (accepted) return toCheck(accepted);
  const { readImageInfo } = await import('../image/readImageInfo');
  return toCheck(readImageInfo(bytes));
}

/**
 * `checkImageBytes` for a `Blob`: the same verdicts from its header alone, read in slices (a 28 MiB
 * photo costs a 128 KiB read or two), so the photo itself is never held in memory.
 */
export async function checkImageFile(file: Blob, maxBytes: number): Promise<ImageBytesCheck> {
  const size = checkImageSize(file.size, maxBytes);
  if (!size.ok) return size;
  const source = blobByteSource(file);
  const { readAcceptedImageFrom } = await import('../image/readAcceptedImage');
  const accepted = await readAcceptedImageFrom(source);
  if (accepted) return toCheck(accepted);
  const { readImageInfoFrom } = await import('../image/readImageInfo');
  return toCheck(await readImageInfoFrom(source));
}

export function toCheck(reading: ReadImageInfoResult): ImageBytesCheck {
  return reading.ok ? reading : { ok: false, code: reading.code, desc: reading.desc };
}
