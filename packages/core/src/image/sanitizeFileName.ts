/** Longest name kept, in UTF-16 code units (extension included); long enough for camera and chat names. */
export const MAX_FILE_NAME_LENGTH = 120;
const FALLBACK_NAME = 'image';
const MAX_EXTENSION_LENGTH = 8;

// C0/C1 controls, bidi embeddings/overrides/isolates and marks, zero-width characters and the BOM: they
// can make "gpj.exe" read as "exe.jpg" or hide characters from the user.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
// Characters that are separators or reserved on common file systems.
const RESERVED = /[<>:"|?*\\/]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * Makes a user-supplied file name safe to show and to store: keeps only the last path segment, removes
 * control, bidi-override and zero-width characters, replaces reserved characters, trims dots and spaces,
 * caps the length while keeping a sane extension, and falls back to "image". The name is never trusted
 * for the type; the bytes decide that.
 *
 * @example sanitizeFileName('../../etc/\u202Egpj.exe') // "gpj.exe"
 */
export function sanitizeFileName(name: string): string {
  const lastSegment =
    String(name ?? '')
      .split(/[/\\]/)
      .pop() ?? '';
  let clean = lastSegment
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(RESERVED, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');

  const dot = clean.lastIndexOf('.');
  const extension = dot > 0 ? clean.slice(dot + 1) : '';
  const saneExtension = /^[a-z0-9]+$/i.test(extension) && extension.length <= MAX_EXTENSION_LENGTH;
  let stem = saneExtension ? clean.slice(0, dot) : clean;
  const suffix = saneExtension ? `.${extension.toLowerCase()}` : '';

  stem = stem.replace(/[\s.]+$/, '');
  if (WINDOWS_DEVICE.test(stem)) stem = `_${stem}`;
  if (stem.length === 0) stem = FALLBACK_NAME;
  const room = MAX_FILE_NAME_LENGTH - suffix.length;
  if (stem.length > room) stem = truncateCodePoints(stem, room).replace(/[\s.]+$/, '') || FALLBACK_NAME;
  clean = stem + suffix;
  return clean;
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
