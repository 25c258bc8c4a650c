import { open } from 'node:fs/promises';
import { SNIFF_HEAD_BYTES } from '../images/sniffImage';

/**
 * Keeps the first `SNIFF_HEAD_BYTES` of a body as it streams past (views of its chunks, no copy until
 * `bytes()`), so it can be sniffed without reading the file back.
 */
export function keepHead() {
  const chunks: Buffer[] = [];
  let kept = 0;
  return {
    add(chunk: Buffer) {
      if (kept >= SNIFF_HEAD_BYTES) return;
      const piece = chunk.subarray(0, SNIFF_HEAD_BYTES - kept);
      chunks.push(piece);
      kept += piece.length;
    },
    bytes: () => Buffer.concat(chunks),
  };
}

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
