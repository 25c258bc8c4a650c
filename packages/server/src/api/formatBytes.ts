const UNITS = ['B', 'KB', 'MB', 'GB'] as const;

/**
 * Sizes worded exactly as the client words them (core's `formatBytes`, repeated because the server may
 * import core for types only; a test holds the two equal): binary units, one decimal below 10 units. A
 * limit rounds down, so it never reads as more than is allowed; a size over it rounds up (one decimal),
 * so it never reads as equal to the limit. 29,360,128 bytes is "28 MB"; one byte more is "28.1 MB".
 */
export function formatBytes(bytes: number, rounding: 'down' | 'up' = 'down'): string {
  const up = rounding === 'up';
  if (!Number.isFinite(bytes) || bytes < 1024) return `${Math.max(0, Math.round(bytes || 0))} B`;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = up || value < 10 ? 1 : 0;
  const factor = 10 ** digits;
  const shown = (up ? Math.ceil : Math.floor)(value * factor) / factor;
  return `${shown.toFixed(digits).replace(/\.0$/, '')} ${UNITS[unit]}`;
}
