import { open } from 'node:fs/promises';
import { SNIFF_HEAD_BYTES } from '../images/sniffImage';

/** The first `SNIFF_HEAD_BYTES` of a file (all of it when shorter), for sniffing. */
export async function readHead(path: string): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_HEAD_BYTES);
    const { bytesRead } = await file.read(buffer, 0, SNIFF_HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}
