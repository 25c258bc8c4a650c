import { open } from 'node:fs/promises';
import { IMAGE_HEAD_BYTES } from '@image-message/core';

/** The first `IMAGE_HEAD_BYTES` of a file (all of it when shorter), for sniffing. */
export async function readHead(path: string): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(IMAGE_HEAD_BYTES);
    const { bytesRead } = await file.read(buffer, 0, IMAGE_HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}
