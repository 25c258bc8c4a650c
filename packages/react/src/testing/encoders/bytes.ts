/** Little helpers for assembling binary formats in tests, in any JavaScript environment. */
export class ByteWriter {
  private chunks: Uint8Array[] = [];
  length = 0;

  bytes(data: ArrayLike<number>): this {
    const chunk = Uint8Array.from(data);
    this.chunks.push(chunk);
    this.length += chunk.length;
    return this;
  }
  ascii(text: string): this {
    return this.bytes(Array.from(text, (char) => char.charCodeAt(0)));
  }
  u16le(value: number): this {
    return this.bytes([value & 0xff, (value >>> 8) & 0xff]);
  }
  u16be(value: number): this {
    return this.bytes([(value >>> 8) & 0xff, value & 0xff]);
  }
  u24le(value: number): this {
    return this.bytes([value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff]);
  }
  u32le(value: number): this {
    return this.bytes([value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff]);
  }
  u32be(value: number): this {
    return this.bytes([(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff]);
  }
  zeros(count: number): this {
    this.chunks.push(new Uint8Array(count));
    this.length += count;
    return this;
  }
  toBytes(): Uint8Array<ArrayBuffer> {
    const out = new Uint8Array(this.length);
    let offset = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }
}

/** Writes bits least-significant first, as DEFLATE and VP8L want them. */
export class BitWriter {
  private out: number[] = [];
  private current = 0;
  private used = 0;

  write(value: number, count: number): void {
    for (let i = 0; i < count; i++) {
      this.current |= ((value >>> i) & 1) << this.used;
      if (++this.used === 8) this.flushByte();
    }
  }
  /** A Huffman code, most significant bit first (DEFLATE's rule for codes, unlike extra bits). */
  writeCode(code: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) this.write((code >>> i) & 1, 1);
  }
  private flushByte() {
    this.out.push(this.current);
    this.current = 0;
    this.used = 0;
  }
  finish(padWithOnes = false): number[] {
    if (this.used > 0) {
      if (padWithOnes) this.current |= (0xff << this.used) & 0xff;
      this.flushByte();
    }
    return this.out;
  }
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
