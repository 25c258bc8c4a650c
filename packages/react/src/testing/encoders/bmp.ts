import { ByteWriter } from './bytes';

/** A valid 1-bit BMP (two-colour palette), so even 12 MP stays small; `padTo` appends ignored bytes. */
export function encodeBmp(width: number, height: number, options: { padTo?: number } = {}) {
  const rowSize = Math.ceil(width / 32) * 4;
  const headerSize = 14 + 40 + 8;
  const pixels = rowSize * height;
  const total = Math.max(headerSize + pixels, options.padTo ?? 0);
  return new ByteWriter()
    .ascii('BM')
    .u32le(total)
    .u32le(0)
    .u32le(headerSize)
    .u32le(40)
    .u32le(width)
    .u32le(height)
    .u16le(1)
    .u16le(1)
    .u32le(0)
    .u32le(pixels)
    .u32le(2835)
    .u32le(2835)
    .u32le(2)
    .u32le(0)
    .bytes([226, 144, 74, 0, 255, 255, 255, 0])
    .zeros(pixels)
    .zeros(total - headerSize - pixels)
    .toBytes();
}
