/**
 * The smallest EXIF block that still says how to turn the image: a big-endian TIFF header and an IFD0
 * holding the Orientation tag alone. Everything else EXIF can carry (GPS above all, camera serials, times)
 * is gone by construction.
 */
export function exifOrientationBlock(orientation: number): Uint8Array {
  const tiff = new Uint8Array(26);
  const view = new DataView(tiff.buffer);
  tiff.set([0x4d, 0x4d]); // "MM": big-endian
  view.setUint16(2, 42);
  view.setUint32(4, 8); // IFD0 right after the header
  view.setUint16(8, 1); // one entry
  view.setUint16(10, 0x0112); // Orientation
  view.setUint16(12, 3); // SHORT
  view.setUint32(14, 1); // one value, stored in the entry itself
  view.setUint16(18, orientation);
  view.setUint32(22, 0); // no next IFD
  return tiff;
}
