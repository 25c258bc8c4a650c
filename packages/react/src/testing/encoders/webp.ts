import { BitWriter, ByteWriter } from './bytes';

/**
 * A valid lossless WebP (VP8L) of one colour: each of the five prefix codes has a single symbol, so the
 * pixels cost no bits at all. VP8L caps each side at 16384.
 */
export function encodeWebp(width: number, height: number, options: { padTo?: number } = {}) {
  const bits = new BitWriter();
  bits.write(width - 1, 14);
  bits.write(height - 1, 14);
  bits.write(0, 1); // alpha hint
  bits.write(0, 3); // version
  bits.write(0, 1); // no transform
  bits.write(0, 1); // no colour cache
  bits.write(0, 1); // no meta prefix codes
  for (const symbol of [144, 74, 226, 255, 0]) {
    bits.write(1, 1); // simple code
    bits.write(0, 1); // one symbol
    bits.write(1, 1); // 8-bit symbol
    bits.write(symbol, 8);
  }
  const data = [0x2f, ...bits.finish()];
  const pad = data.length % 2;
  const out = new ByteWriter()
    .ascii('RIFF')
    .u32le(4 + 8 + data.length + pad)
    .ascii('WEBP')
    .ascii('VP8L')
    .u32le(data.length)
    .bytes(data)
    .zeros(pad);
  if (options.padTo && options.padTo > out.length) out.zeros(options.padTo - out.length);
  return out.toBytes();
}
