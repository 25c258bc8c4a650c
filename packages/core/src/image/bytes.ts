// Bounds-checked readers. Every parser reads through these, so a lying length field can never read past
// the buffer: an out-of-range read returns -1, which no valid field equals.

export function u8(bytes: Uint8Array, offset: number): number {
  return offset >= 0 && offset < bytes.length ? (bytes[offset] as number) : -1;
}

export function u16be(bytes: Uint8Array, offset: number): number {
  if (offset < 0 || offset + 2 > bytes.length) return -1;
  return ((bytes[offset] as number) << 8) | (bytes[offset + 1] as number);
}

export function u16le(bytes: Uint8Array, offset: number): number {
  if (offset < 0 || offset + 2 > bytes.length) return -1;
  return (bytes[offset] as number) | ((bytes[offset + 1] as number) << 8);
}

export function u24le(bytes: Uint8Array, offset: number): number {
  if (offset < 0 || offset + 3 > bytes.length) return -1;
  return (
    (bytes[offset] as number) | ((bytes[offset + 1] as number) << 8) | ((bytes[offset + 2] as number) << 16)
  );
}

export function u32be(bytes: Uint8Array, offset: number): number {
  if (offset < 0 || offset + 4 > bytes.length) return -1;
  return (
    (bytes[offset] as number) * 0x1000000 +
    (((bytes[offset + 1] as number) << 16) |
      ((bytes[offset + 2] as number) << 8) |
      (bytes[offset + 3] as number))
  );
}

export function u32le(bytes: Uint8Array, offset: number): number {
  if (offset < 0 || offset + 4 > bytes.length) return -1;
  return (
    (bytes[offset + 3] as number) * 0x1000000 +
    (((bytes[offset + 2] as number) << 16) | ((bytes[offset + 1] as number) << 8) | (bytes[offset] as number))
  );
}

/** True when `bytes` holds exactly `text` (ASCII) at `offset`. */
export function hasAscii(bytes: Uint8Array, offset: number, text: string): boolean {
  if (offset < 0 || offset + text.length > bytes.length) return false;
  for (let i = 0; i < text.length; i++) {
    if (bytes[offset + i] !== text.charCodeAt(i)) return false;
  }
  return true;
}

/** True when `bytes` starts with the given byte values at `offset`. */
export function hasBytes(bytes: Uint8Array, offset: number, expected: readonly number[]): boolean {
  if (offset < 0 || offset + expected.length > bytes.length) return false;
  return expected.every((value, i) => bytes[offset + i] === value);
}
