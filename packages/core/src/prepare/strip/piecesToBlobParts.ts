import type { Pieces } from './pieces';

/**
 * A stripped file as Blob parts that refer to the file it came from: each piece that is a view of
 * `bytes` (read from `file`) becomes `file.slice(a, b)` — adjacent ones merged into one slice — and only
 * the small blocks made fresh are kept as bytes. The photo's data is never copied: the Blob made of these
 * parts is read from the user's file when it is uploaded. A file nothing was stripped from is `[file]`.
 */
export function piecesToBlobParts(file: Blob, bytes: Uint8Array, pieces: Pieces): BlobPart[] {
  const parts: BlobPart[] = [];
  let sliceStart = -1;
  let sliceEnd = -1;
  const flush = () => {
    if (sliceStart >= 0) parts.push(file.slice(sliceStart, sliceEnd));
    sliceStart = -1;
  };
  for (const piece of pieces) {
    if (piece.buffer === bytes.buffer) {
      const start = piece.byteOffset - bytes.byteOffset;
      if (start === sliceEnd && sliceStart >= 0) {
        sliceEnd += piece.length;
        continue;
      }
      flush();
      sliceStart = start;
      sliceEnd = start + piece.length;
    } else {
      flush();
      parts.push(piece as Uint8Array<ArrayBuffer>);
    }
  }
  flush();
  const only = parts[0];
  if (
    parts.length === 1 &&
    only !== undefined &&
    !ArrayBuffer.isView(only) &&
    (only as Blob).size === file.size
  ) {
    return [file];
  }
  return parts;
}
