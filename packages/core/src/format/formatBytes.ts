const UNITS = ['B', 'KB', 'MB', 'GB'] as const;

/** One number format per locale: making one costs far more than formatting with it. */
const numberFormats = new Map<string, Intl.NumberFormat>();
const formatNumber = (value: number, locale: string) => {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(locale, format);
  }
  return format.format(value);
};

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
 * With a `locale` (a UI's text), the number is written in that locale's digits and decimal sign, and a
 * no-break space joins it to the unit, so "28 MB" never breaks across lines. Without one (server texts,
 * logs) it stays plain ASCII.
 *
 * @example formatBytes(IMAGE_MAX_BYTES) // "28 MB"
 * @example formatBytes(20 * 1024 * 1024 - 1) // "20 MB"
 * @example formatBytes(IMAGE_MAX_BYTES + 1, 'up') // "28.1 MB"
 * @example formatBytes(IMAGE_MAX_BYTES + 1, 'up', 'de-DE') // "28,1\u00a0MB"
 */
export function formatBytes(bytes: number, rounding: 'down' | 'up' = 'down', locale?: string): string {
  const up = rounding === 'up';
  const text = (value: number, unit: string) =>
    locale ? `${formatNumber(value, locale)}\u00a0${unit}` : `${value} ${unit}`;
  if (!Number.isFinite(bytes) || bytes < 1024) return text(Math.max(0, Math.round(bytes || 0)), 'B');
  let value = up ? bytes : bytes + 1;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const factor = up || value < 10 ? 10 : 1;
  // n / 10 prints as its one decimal, and a whole number without ".0".
  return text(Math[up ? 'ceil' : 'floor'](value * factor) / factor, UNITS[unit] as string);
}
