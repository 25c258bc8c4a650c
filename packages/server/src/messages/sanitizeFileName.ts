/**
 * The display / download name of an uploaded image, made safe the way the client makes it: a copy of
 * core's `sanitizeFileName` (the server may import core for types only; `test/coreParity.test.ts` and
 * `test/badInputs.test.ts` hold the two equal). A client that skips core (curl, a hostile script) could
 * otherwise store a name with a bidi override ("photo\u202Egpj.exe" shows as "photoexe.jpg") or a
 * zero-width character, and every viewer's "Save image as…" would offer it.
 *
 * Keeps only the last path segment, removes control, format (bidi-override, zero-width, tag) characters
 * and lone surrogates, replaces reserved characters, trims dots and spaces, caps the length while keeping
 * a sane extension, and falls back to "image". Idempotent.
 */
export const MAX_FILE_NAME_LENGTH = 120;
const FALLBACK_NAME = 'image';
const MAX_EXTENSION_LENGTH = 8;

const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
const LONE_SURROGATE = /[\uD800-\uDFFF]/gu;
const RESERVED = /[<>:"|?*\\/]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

export function sanitizeFileName(name: string): string {
  const text = String(name ?? '');
  const lastSegment = text.slice(Math.max(text.lastIndexOf('/'), text.lastIndexOf('\\')) + 1);
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
  const cut = trimDotsAndSpaces(truncateCodePoints(stem, room), 'end') || FALLBACK_NAME;
  return sanitizeFileName(cut + suffix);
}

function isWindowsDevice(stem: string): boolean {
  const firstDot = stem.indexOf('.');
  return WINDOWS_DEVICE.test((firstDot < 0 ? stem : stem.slice(0, firstDot)).trimEnd());
}

/** A loop, not `/[\s.]+$/`, which backtracks quadratically over long runs of dots. */
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
