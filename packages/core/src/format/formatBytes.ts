const UNITS = ['bytes', 'KB', 'MB', 'GB'] as const;

/**
 * Human-readable size in binary units labelled the way the SDK documents its limit: 29,360,128 bytes is
 * "28 MB", 31,457,281 is "30 MB" (one decimal below 10, none above; never rounds up past a limit).
 *
 * @example formatBytes(IMAGE_MAX_BYTES) // "28 MB"
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 1024) return `${Math.max(0, Math.round(bytes || 0))} bytes`;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const factor = value < 10 ? 10 : 1; // one decimal below 10
  // Truncate rather than round so a file just over the limit never reads as equal to it. A whole number
  // prints without ".0", and n / 10 prints as its one decimal.
  return `${Math.floor(value * factor) / factor} ${UNITS[unit]}`;
}
