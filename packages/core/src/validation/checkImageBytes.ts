import type { RejectionCode } from '../errors';
import type { ImageInfo, ReadImageInfoResult } from '../image/readImageInfo';
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

export function toCheck(reading: ReadImageInfoResult): ImageBytesCheck {
  return reading.ok ? reading : { ok: false, code: reading.code, desc: reading.desc };
}
