import { open } from 'node:fs/promises';
import {
  type AcceptedImageFormat,
  type ImageByteSource,
  type ReadImageInfoResult,
  readImageInfo,
  readImageInfoFrom,
} from '@image-message/core';

export interface ImageFacts {
  format: AcceptedImageFormat;
  mimeType: string;
  /** As displayed: a JPEG whose EXIF orientation is 5–8 has its stored width and height swapped. */
  width: number;
  height: number;
  /** EXIF orientation of a JPEG when it turns the image (2–8); variants are rotated by it. */
  orientation?: number;
}

export type SniffResult = { ok: true; facts: ImageFacts } | Extract<ReadImageInfoResult, { ok: false }>;

/**
 * How much of an upload's start is kept for sniffing: the window core reads a file through at once (twice
 * a JPEG segment's 64 KiB), which holds a phone photo's EXIF, thumbnail included, and its frame header.
 */
export const SNIFF_HEAD_BYTES = 128 * 1024;

/**
 * Decides what an uploaded file is from its bytes (never its name or Content-Type) with core's own
 * `readImageInfo`, so the server and the browser give the same verdict on the same bytes: JPEG, PNG, GIF,
 * BMP and WebP are accepted; images in other formats are refused with 2252 naming the format; anything
 * else, or an accepted signature whose header cannot be read, is 6031. No pixel is decoded (variants that
 * libvips cannot make fall back to the original).
 *
 * The header is read from `head` first: a verdict there is final when it is a yes (it came from the file's
 * own bytes) or when `head` is the whole file. Otherwise the file is read through core's byte-source seam,
 * a window at a time: a JPEG's frame header may follow megabytes of segments, and memory stays bounded
 * whatever their lengths claim. Reading the head first matters on the answer's clock: opening, reading
 * and closing the file through the thread pool took 4–13 ms of each upload's answer on a busy machine.
 *
 * @param head the first `SNIFF_HEAD_BYTES` of the file, as the upload kept them (all of it when shorter)
 * @param size the file's size
 */
export async function sniffImage(path: string, head: Uint8Array, size: number): Promise<SniffResult> {
  const fromHead = readImageInfo(head);
  const result = fromHead.ok || head.length >= size ? fromHead : await readFileInfo(path, size);
  if (!result.ok) return result;
  const { format, mimeType, width, height, orientation } = result.info;
  const facts: ImageFacts = { format, mimeType, width, height };
  if (orientation !== undefined && orientation > 1) facts.orientation = orientation;
  return { ok: true, facts };
}

async function readFileInfo(path: string, size: number): Promise<ReadImageInfoResult> {
  const file = await open(path, 'r');
  try {
    const source: ImageByteSource = {
      size,
      async read(start, end) {
        const { buffer, bytesRead } = await file.read(Buffer.alloc(end - start), 0, end - start, start);
        return buffer.subarray(0, bytesRead);
      },
    };
    return await readImageInfoFrom(source);
  } finally {
    await file.close();
  }
}
