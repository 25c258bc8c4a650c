/** Longest name kept, in UTF-16 code units (extension included); long enough for camera and chat names. */
export const MAX_FILE_NAME_LENGTH = 120;
const FALLBACK_NAME = 'image';
const MAX_EXTENSION_LENGTH = 8;

// Control (Cc) and format (Cf) characters: C0/C1 controls, bidi embeddings/overrides/isolates and marks,
// zero-width characters, the BOM, soft hyphens and the invisible tag characters. They can make "gpj.exe"
// read as "exe.jpg" or hide text from the user.
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
// In unicode mode a surrogate range matches only a lone half, never a well-formed pair.
const LONE_SURROGATE = /[\uD800-\uDFFF]/gu;
// Characters that are separators or reserved on common file systems.
const RESERVED = /[<>:"|?*\\/]/g;
// Windows treats these as devices whatever follows the first dot ("NUL.tar.gz" is NUL).
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

/**
 * Makes a user-supplied file name safe to show and to store: keeps only the last path segment, removes
 * control, format (bidi-override, zero-width, tag) characters and lone surrogates, replaces reserved
 * characters, trims dots and spaces, caps the length while keeping a sane extension, and falls back to
 * "image". Idempotent: a sanitized name comes back unchanged. The name is never trusted for the type;
 * the bytes decide that.
 *
 * @example sanitizeFileName('../../etc/\u202Egpj.exe') // "gpj.exe"
 */
export function sanitizeFileName(name: string): string {
  const text = String(name ?? '');
  const lastSegment = text.slice(Math.max(text.lastIndexOf('/'), text.lastIndexOf('\\')) + 1);
  // Remove before normalizing: a zero-width character between "e" and a combining accent would otherwise
  // block the composition now and leave it to a second call.
  const tidy = lastSegment
    .replace(LONE_SURROGATE, '')
    .replace(INVISIBLE, '')
    .normalize('NFC')
    .replace(RESERVED, '_')
    .replace(/\s+/g, ' ');
  const clean = trimDotsAndSpaces(tidy, 'both');

  const dot = clean.lastIndexOf('.');
  const extension = dot > 0 ? clean.slice(dot + 1) : '';
  const saneExtension = /^[a-z0-9]+$/i.test(extension) && extension.length <= MAX_EXTENSION_LENGTH;
  let stem = saneExtension ? clean.slice(0, dot) : clean;
  const suffix = saneExtension ? `.${extension.toLowerCase()}` : '';

  stem = trimDotsAndSpaces(stem, 'end');
  if (isWindowsDevice(stem)) stem = `_${stem}`;
  if (stem.length === 0) stem = FALLBACK_NAME;
  const room = MAX_FILE_NAME_LENGTH - suffix.length;
  if (stem.length <= room) return stem + suffix;
  // The cut can expose a new extension-like tail ("….ABC") or a trailing space before it; one more pass
  // over the now short name settles it, so sanitizing a sanitized name changes nothing.
  const cut = trimDotsAndSpaces(truncateCodePoints(stem, room), 'end') || FALLBACK_NAME;
  return sanitizeFileName(cut + suffix);
}

function isWindowsDevice(stem: string): boolean {
  const firstDot = stem.indexOf('.');
  return WINDOWS_DEVICE.test((firstDot < 0 ? stem : stem.slice(0, firstDot)).trimEnd());
}

/**
 * Strips leading and/or trailing dots and whitespace. A loop, not `/[\s.]+$/`: that regex backtracks over
 * every run of dots that is not at the end, which is quadratic (seconds for a 100,000-dot name).
 */
function trimDotsAndSpaces(text: string, side: 'both' | 'end'): string {
  const strip = (char: string | undefined) => char === '.' || (char !== undefined && /\s/.test(char));
  let start = 0;
  let end = text.length;
  if (side === 'both') while (start < end && strip(text[start])) start++;
  while (end > start && strip(text[end - 1])) end--;
  return text.slice(start, end);
}

/** Cuts at a code point boundary so an emoji is never split into a lone surrogate. */
function truncateCodePoints(text: string, maxUnits: number): string {
  let result = '';
  for (const char of text) {
    if (result.length + char.length > maxUnits) break;
    result += char;
  }
  return result;
}
