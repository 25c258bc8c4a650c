const UNITS = ['B', 'KB', 'MB', 'GB'] as const;

/**
 * Human-readable size in binary units, labelled the way the SDK documents its limit: 29,360,128 bytes
 * is "28 MB". One decimal below 10 units, none above; unit symbols only, so the text reads the same in
 * every locale.
 *
 * `rounding` says which way a size between two shown values goes.
 * - `'down'` (the default) is for a limit, the largest size allowed: it reads as the first size refused
 *   (one byte more), rounded down. So 28 MiB reads "28 MB", and so does 20 MiB − 1 byte, the largest image
 *   the Tencent Web SDK sends ("smaller than 20 MB"); a limit never reads as more than the size it refuses.
 * - `'up'` is for a size over a limit: one decimal at any magnitude, rounded up, so it never reads as less
 *   than the limit: 28 MiB + 1 byte is "28.1 MB".
 *
 * @example formatBytes(IMAGE_MAX_BYTES) // "28 MB"
 * @example formatBytes(20 * 1024 * 1024 - 1) // "20 MB"
 * @example formatBytes(IMAGE_MAX_BYTES + 1, 'up') // "28.1 MB"
 */
export function formatBytes(bytes: number, rounding: 'down' | 'up' = 'down'): string {
  const up = rounding === 'up';
  if (!Number.isFinite(bytes) || bytes < 1024) return `${Math.max(0, Math.round(bytes || 0))} B`;
  let value = up ? bytes : bytes + 1;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const factor = up || value < 10 ? 10 : 1;
  // n / 10 prints as its one decimal, and a whole number without ".0".
  return `${Math[up ? 'ceil' : 'floor'](value * factor) / factor} ${UNITS[unit]}`;
}
