import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { IMAGE_HEAD_BYTES as SIGNATURE_BYTES } from '@image-message/core';

export interface FileDigest {
  size: number;
  /** Hex SHA-256 of the whole file. */
  sha256: string;
  /** The first `SIGNATURE_BYTES` (fewer when the file is shorter), for sniffing. */
  head: Uint8Array;
}

/**
 * Reads a file once: its size, SHA-256 and first bytes. A resumable upload arrives in pieces over
 * several requests (and maybe server runs), so unlike a streamed PUT it cannot be hashed on the way in.
 */
export async function digestFile(path: string): Promise<FileDigest> {
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
    if (headLength < SIGNATURE_BYTES) {
      const piece = chunk.subarray(0, SIGNATURE_BYTES - headLength);
      head.push(piece);
      headLength += piece.length;
    }
  }
  return { size, sha256: hash.digest('hex'), head: Buffer.concat(head) };
}

/** The first `SIGNATURE_BYTES` of a file (all of it when shorter). */
export async function readHead(path: string): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SIGNATURE_BYTES);
    const { bytesRead } = await file.read(buffer, 0, SIGNATURE_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}
