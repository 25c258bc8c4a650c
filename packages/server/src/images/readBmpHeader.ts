/**
 * Width and height from a BMP header, as core reads them. sharp (libvips without ImageMagick) cannot
 * read BMP, so the server reads the header itself: the DIB header's size tells its layout, a negative
 * height means rows stored top-down, and OS/2 core headers (12 bytes) use 16-bit fields.
 */
export function readBmpHeader(head: Uint8Array): { width: number; height: number } | undefined {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  if (head.byteLength < 18) return undefined;
  const headerSize = view.getUint32(14, true);
  let width: number;
  let height: number;
  if (headerSize === 12) {
    if (head.byteLength < 22) return undefined;
    width = view.getUint16(18, true);
    height = view.getUint16(20, true);
  } else {
    if (head.byteLength < 26) return undefined;
    width = view.getInt32(18, true);
    height = Math.abs(view.getInt32(22, true));
  }
  return width > 0 && height > 0 ? { width, height } : undefined;
}
