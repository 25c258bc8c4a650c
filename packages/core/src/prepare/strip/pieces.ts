/**
 * A stripped file as the pieces it is made of, in order: views of the source's bytes (the parts kept
 * whole) and small blocks made fresh (a minimal EXIF block, a header with a new size).
 */
export type Pieces = readonly Uint8Array[];

/** The pieces joined in a new array; the source is left as it was. */
export function joinPieces(pieces: Pieces): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let offset = 0;
  for (const piece of pieces) {
    out.set(piece, offset);
    offset += piece.length;
  }
  return out;
}

/**
 * The pieces written over `source` from its start, returned as the prefix of `source` they fill; joined
 * in a new array instead when writing one would overwrite source bytes a later piece still needs (a block
 * made fresh that lands on data not yet moved).
 *
 * Why in place: for a 12 MP photo, moving its 6 MB within their own buffer takes 0.2 ms in chromium, while
 * a fresh 6 MB buffer takes 4 ms (its memory is zeroed and faulted in page by page) — more than finding
 * the metadata in the first place.
 */
export function writePiecesOver(source: Uint8Array, pieces: Pieces): Uint8Array {
  // Where a piece starts in `source`, or Infinity for a block made fresh.
  const from = (piece: Uint8Array) =>
    piece.buffer === source.buffer ? piece.byteOffset - source.byteOffset : Number.POSITIVE_INFINITY;
  // A piece may be written only up to the first source byte a later piece still reads.
  const readLater: number[] = [];
  let firstRead = source.length;
  for (let i = pieces.length - 1; i >= 0; i--) {
    readLater[i] = firstRead;
    firstRead = Math.min(firstRead, from(pieces[i] as Uint8Array));
  }
  let end = 0;
  for (const [i, piece] of pieces.entries()) {
    end += piece.length;
    if (end > (readLater[i] as number)) return joinPieces(pieces);
  }
  let offset = 0;
  for (const piece of pieces) {
    const start = from(piece);
    if (start === Number.POSITIVE_INFINITY) source.set(piece, offset);
    else if (start !== offset) source.copyWithin(offset, start, start + piece.length);
    offset += piece.length;
  }
  return source.subarray(0, offset);
}
