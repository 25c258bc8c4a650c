import { BitWriter, ByteWriter } from './bytes';

const CLEAR = 4;
const END = 5;
const FIRST_FREE = 6;
const MAX_CODES = 4096;

/**
 * LZW (GIF flavour, minimum code size 2) for `count` pixels of colour 0. On a constant input the
 * dictionary learns ever longer runs, so the output grows with √count: a 12 MP frame is a few KB.
 */
function lzwZeros(count: number): number[] {
  const bits = new BitWriter();
  let codeSize = 3;
  let next = FIRST_FREE;
  let longestRun = 1; // run lengths 1..longestRun have codes: 0, then FIRST_FREE + (run - 2)
  bits.write(CLEAR, codeSize);
  let remaining = count;
  while (remaining > 0) {
    const run = Math.min(remaining, longestRun);
    bits.write(run === 1 ? 0 : FIRST_FREE + run - 2, codeSize);
    remaining -= run;
    if (remaining === 0) break;
    // The encoder learns "this run + one more pixel" before writing the next code.
    longestRun = run + 1;
    next++;
    if (next >= MAX_CODES) {
      bits.write(CLEAR, codeSize);
      codeSize = 3;
      next = FIRST_FREE;
      longestRun = 1;
    } else if (next > 1 << codeSize && codeSize < 12) {
      // As giflib does: the width grows once the next code no longer fits, not when it just fits.
      codeSize++;
    }
  }
  bits.write(END, codeSize);
  return bits.finish();
}

/** A valid GIF89a of one colour whose single frame covers the whole `width`×`height` screen. */
export function encodeGif(width: number, height: number, options: { padTo?: number } = {}) {
  const out = new ByteWriter()
    .ascii('GIF89a')
    .u16le(width)
    .u16le(height)
    .bytes([0x80, 0, 0]) // global colour table of 2 entries, background index 0
    .bytes([74, 144, 226, 255, 255, 255]);
  const data = lzwZeros(width * height);
  const image = new ByteWriter().bytes([0x2c]).u16le(0).u16le(0).u16le(width).u16le(height).bytes([0, 2]);
  for (let offset = 0; offset < data.length; offset += 255) {
    const block = data.slice(offset, offset + 255);
    image.bytes([block.length]).bytes(block);
  }
  image.bytes([0]);
  const padding = (options.padTo ?? 0) - out.length - image.length - 1;
  if (padding >= 3) out.bytes(commentExtension(padding));
  return out.bytes(image.toBytes()).bytes([0x3b]).toBytes();
}

/** A comment extension of exactly `size` bytes (≥ 3), carrying zeros in sub-blocks of up to 255. */
function commentExtension(size: number): Uint8Array {
  const out = new ByteWriter().bytes([0x21, 0xfe]);
  let left = size - 3; // introducer, label and terminator
  while (left > 0) {
    // Never leave a single byte: it could not form a sub-block (which needs a length byte and data).
    const block = Math.min(255, left === 257 ? 200 : left - 1);
    out.bytes([block]).zeros(block);
    left -= block + 1;
  }
  out.bytes([0]);
  return out.toBytes();
}
