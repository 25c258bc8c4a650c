/**
 * Number formatting for the string tables, through `Intl` so each locale writes its own digits, decimal
 * sign and plural forms. Formatters are cached: making one costs far more than formatting with it.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

function numberFormat(locale: string, style: 'decimal' | 'percent' | 'plain'): Intl.NumberFormat {
  const key = `${locale} ${style}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(
      locale,
      style === 'percent' ? { style } : style === 'plain' ? { useGrouping: false } : undefined,
    );
    numberFormats.set(key, format);
  }
  return format;
}

/** A count or index in the locale's digits ("1,000", "١٬٠٠٠"). */
export const formatNumber = (locale: string, value: number) => numberFormat(locale, 'decimal').format(value);

/** Pixel dimensions: the locale's digits, no grouping ("4032 × 3024"). */
export const formatDimensions = (locale: string, width: number, height: number) =>
  `${numberFormat(locale, 'plain').format(width)} × ${numberFormat(locale, 'plain').format(height)}`;

/** A progress of 0–100 as the locale writes a percentage ("42%", "42 %", "٪42"). */
export const formatPercent = (locale: string, progress: number) =>
  numberFormat(locale, 'percent').format(progress / 100);

/** The plural category of `count` in `locale` (Arabic has six: zero, one, two, few, many, other). */
export function pluralOf(locale: string, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(count);
}

/**
 * Wraps text of unknown direction (a file name, a user ID) in first-strong isolates, so a Latin name inside
 * Arabic text, or an Arabic one inside English, keeps the sentence's punctuation where it belongs.
 */
export const isolate = (text: string) => `\u2068${text}\u2069`;
