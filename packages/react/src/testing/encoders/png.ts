import { BitWriter, ByteWriter, crc32 } from './bytes';

const MOD_ADLER = 65521;

/** Adler-32 over the filtered scanlines, computed from the runs instead of a 36 MB buffer. */
class Adler32 {
  a = 1;
  b = 0;
  byte(value: number) {
    this.a = (this.a + value) % MOD_ADLER;
    this.b = (this.b + this.a) % MOD_ADLER;
  }
  zeros(count: number) {
    // Each zero adds `a` to `b`; `a` is unchanged.
    this.b = (this.b + ((this.a * (count % MOD_ADLER)) % MOD_ADLER)) % MOD_ADLER;
  }
  value() {
    return ((this.b << 16) | this.a) >>> 0;
  }
}

const LENGTH_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195,
  227, 258,
];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];

/** A DEFLATE literal/length symbol with the fixed Huffman codes of RFC 1951 §3.2.6. */
function writeFixedSymbol(bits: BitWriter, symbol: number) {
  if (symbol < 144) bits.writeCode(0x30 + symbol, 8);
  else if (symbol < 256) bits.writeCode(0x190 + symbol - 144, 9);
  else if (symbol < 280) bits.writeCode(symbol - 256, 7);
  else bits.writeCode(0xc0 + symbol - 280, 8);
}

/** A run of zeros after a zero byte: back-references of distance 1, as long as they go. */
function writeZeroRun(bits: BitWriter, count: number) {
  let left = count;
  while (left > 0) {
    if (left < 3) {
      writeFixedSymbol(bits, 0);
      left--;
      continue;
    }
    const length = Math.min(258, left);
    let index = LENGTH_BASE.length - 1;
    while ((LENGTH_BASE[index] as number) > length) index--;
    writeFixedSymbol(bits, 257 + index);
    bits.write(length - (LENGTH_BASE[index] as number), LENGTH_EXTRA[index] as number);
    bits.writeCode(0, 5); // distance code 0 = distance 1
    left -= length;
  }
}

/**
 * A valid, decodable PNG of any size filled with one colour, compressed with fixed-Huffman DEFLATE: the
 * first row is filtered with Sub and the rest with Up, so the data is mostly zeros and stays tiny.
 */
function solidPngIdat(width: number, height: number, rgb: readonly [number, number, number]): Uint8Array {
  const bits = new BitWriter();
  const adler = new Adler32();
  bits.write(1, 1); // BFINAL
  bits.write(1, 2); // BTYPE = fixed Huffman
  const literal = (value: number) => {
    writeFixedSymbol(bits, value);
    adler.byte(value);
  };
  const zeros = (count: number) => {
    if (count <= 0) return;
    literal(0);
    writeZeroRun(bits, count - 1);
    adler.zeros(count - 1);
  };
  literal(1); // Sub filter: every pixel after the first repeats the colour, which Sub stores as 0
  for (const channel of rgb) literal(channel);
  zeros((width - 1) * 3);
  for (let row = 1; row < height; row++) {
    literal(2); // Up filter: same as the row above
    zeros(width * 3);
  }
  writeFixedSymbol(bits, 256);
  const deflate = bits.finish();
  return new ByteWriter().bytes([0x78, 0x01]).bytes(deflate).u32be(adler.value()).toBytes();
}

function chunk(out: ByteWriter, type: string, data: Uint8Array) {
  const body = new ByteWriter().ascii(type).bytes(data).toBytes();
  out.u32be(data.length).bytes(body).u32be(crc32(body));
}

/** PNG; `padTo` adds a private ancillary chunk so the file has exactly that many bytes. */
export function encodePng(
  width: number,
  height: number,
  options: { padTo?: number; rgb?: [number, number, number] } = {},
) {
  const out = new ByteWriter().bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const ihdr = new ByteWriter().u32be(width).u32be(height).bytes([8, 2, 0, 0, 0]).toBytes();
  chunk(out, 'IHDR', ihdr);
  chunk(out, 'IDAT', solidPngIdat(width, height, options.rgb ?? [74, 144, 226]));
  const iendSize = 12;
  const padChunkOverhead = 12;
  const padding = (options.padTo ?? 0) - out.length - iendSize - padChunkOverhead;
  if (padding >= 0) chunk(out, 'prVt', new Uint8Array(padding));
  chunk(out, 'IEND', new Uint8Array());
  return out.toBytes();
}
