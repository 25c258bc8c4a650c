import { BitWriter, ByteWriter } from './bytes';

function segment(out: ByteWriter, marker: number, body: Uint8Array) {
  out
    .bytes([0xff, marker])
    .u16be(body.length + 2)
    .bytes(body);
}

/** APP1 EXIF holding only IFD0's Orientation tag (big-endian TIFF). */
function exifOrientation(orientation: number): Uint8Array {
  return new ByteWriter()
    .ascii('Exif\0\0')
    .ascii('MM')
    .u16be(42)
    .u32be(8) // IFD0 right after the header
    .u16be(1) // one entry
    .u16be(0x0112)
    .u16be(3) // SHORT
    .u32be(1)
    .u16be(orientation)
    .u16be(0)
    .u32be(0) // no next IFD
    .toBytes();
}

/**
 * A valid baseline JPEG of any size: one grey channel whose every 8×8 block has DC 0 and no AC terms, so
 * with one-symbol Huffman tables each block costs two bits. Decoders show a flat mid-grey image.
 */
export function encodeJpeg(
  width: number,
  height: number,
  options: { padTo?: number; orientation?: number } = {},
) {
  const out = new ByteWriter().bytes([0xff, 0xd8]);
  segment(
    out,
    0xe0,
    new ByteWriter().ascii('JFIF\0').bytes([1, 1, 0]).u16be(1).u16be(1).bytes([0, 0]).toBytes(),
  );
  if (options.orientation) segment(out, 0xe1, exifOrientation(options.orientation));
  segment(out, 0xdb, new ByteWriter().bytes([0]).bytes(new Array(64).fill(1)).toBytes());
  segment(out, 0xc0, new ByteWriter().bytes([8]).u16be(height).u16be(width).bytes([1, 1, 0x11, 0]).toBytes());
  const oneSymbolTable = (tableClass: number) =>
    new ByteWriter()
      .bytes([tableClass << 4])
      .bytes([1, ...new Array(15).fill(0)])
      .bytes([0])
      .toBytes();
  segment(out, 0xc4, oneSymbolTable(0)); // DC: category 0 is code "0"
  segment(out, 0xc4, oneSymbolTable(1)); // AC: end-of-block is code "0"
  segment(out, 0xda, new Uint8Array([1, 1, 0x00, 0, 63, 0]));
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const scan = new BitWriter();
  for (let i = 0; i < blocks; i++) scan.write(0, 2);
  out.bytes(scan.finish(true));
  out.bytes([0xff, 0xd9]);
  // Bytes after EOI are ignored by decoders; they only make the file the requested size.
  if (options.padTo && options.padTo > out.length) out.zeros(options.padTo - out.length);
  return out.toBytes();
}
