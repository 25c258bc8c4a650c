const UNITS = ['bytes', 'KB', 'MB', 'GB'] as const;

/**
 * Sizes worded exactly as the client words them (core's `formatBytes`, repeated because the server may
 * import core for types only; a test holds the two equal): binary units, one decimal below 10, truncated
 * so a file just over the limit never reads as less than it. 29,360,128 bytes is "28 MB".
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 1024) return `${Math.max(0, Math.round(bytes || 0))} bytes`;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = value < 10 ? 1 : 0;
  const factor = 10 ** digits;
  const shown = Math.floor(value * factor) / factor;
  return `${shown.toFixed(digits).replace(/\.0$/, '')} ${UNITS[unit]}`;
}
