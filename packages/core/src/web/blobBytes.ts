import type { ImageByteSource } from '../image/byteSource';

/**
 * `Blob.arrayBuffer()`, or a `FileReader` where a Blob has none: jsdom before 27, which Jest's jsdom
 * environment (jest-environment-jsdom 30) still ships, so an app's Jest tests can drop files too.
 */
export function readBlob(blob: Blob): Promise<ArrayBuffer> {
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

/**
 * A Blob as a header reader's byte source: each read is a slice of it, so a photo's header is read
 * without the photo (a 28 MiB file costs one or two 128 KiB reads).
 */
export function blobByteSource(blob: Blob): ImageByteSource {
  return {
    size: blob.size,
    read: async (start, end) => new Uint8Array(await readBlob(blob.slice(start, end))),
  };
}
