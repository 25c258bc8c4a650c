// Bounds-checked readers. Every parser reads through these, so a lying length field can never read past
// the buffer: an out-of-range read returns -1, which no valid field equals.

/** The unsigned integer of `size` bytes at `offset`, or -1 when it does not fit in the buffer. */
function readUint(bytes: Uint8Array, offset: number, size: number, littleEndian: boolean): number {
  if (offset < 0 || offset + size > bytes.length) return -1;
  let value = 0;
  for (let i = 0; i < size; i++) {
    // Multiplying, not shifting, keeps a 32-bit value unsigned.
    value = value * 256 + (bytes[littleEndian ? offset + size - 1 - i : offset + i] as number);
  }
  return value;
}

export const u8 = (bytes: Uint8Array, offset: number) => readUint(bytes, offset, 1, false);
export const u16be = (bytes: Uint8Array, offset: number) => readUint(bytes, offset, 2, false);
export const u16le = (bytes: Uint8Array, offset: number) => readUint(bytes, offset, 2, true);
export const u24le = (bytes: Uint8Array, offset: number) => readUint(bytes, offset, 3, true);
export const u32be = (bytes: Uint8Array, offset: number) => readUint(bytes, offset, 4, false);
export const u32le = (bytes: Uint8Array, offset: number) => readUint(bytes, offset, 4, true);

/** True when `bytes` holds `expected` at `offset`: ASCII text ("GIF89a") or byte values. */
export function hasBytes(bytes: Uint8Array, offset: number, expected: string | readonly number[]): boolean {
  if (offset < 0 || offset + expected.length > bytes.length) return false;
  for (let i = 0; i < expected.length; i++) {
    const value = typeof expected === 'string' ? expected.charCodeAt(i) : expected[i];
    if (bytes[offset + i] !== value) return false;
  }
  return true;
}
