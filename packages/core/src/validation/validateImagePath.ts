import * as ErrorCode from '../errorCodes';

// The seed forbids network URLs; data: and script URLs are not local files either, and a path that starts
// with two slashes or backslashes in any mix ("//host", "\\server", "/\host") is protocol-relative or UNC.
const NON_LOCAL = /^(?:(?:https?|s?ftps?|wss?|data|javascript|vbscript):|[/\\]{2})/i;
// What a URL parser ignores before it reads the scheme: leading and trailing C0 controls and spaces, and
// tabs and newlines anywhere ("java\tscript:" is "javascript:" to a browser).
// biome-ignore lint/suspicious/noControlCharactersInRegex: the URL parser strips these, so must we.
const URL_IGNORED = /^[\u0000-\u0020\s]+|[\t\n\r]/g;

export type PathCheck = { ok: true } | { ok: false; code: number; desc: string };

/**
 * Checks `imagePath` the way the SDK does: a local path (a file path, `file:` or a `blob:` object URL),
 * never a network URL. The path is read the way a URL parser would read it, so control characters cannot
 * smuggle a scheme past the check. Pure; returns a result.
 */
export function validateImagePath(imagePath: unknown): PathCheck {
  if (typeof imagePath !== 'string' || imagePath.trim() === '') {
    return {
      ok: false,
      code: ErrorCode.INVALID_PARAMETERS,
      desc: 'imagePath is empty. Pass the local path of the image, or use fileToImageMessageParams(file).',
    };
  }
  if (NON_LOCAL.test(imagePath.replace(URL_IGNORED, ''))) {
    return {
      ok: false,
      code: ErrorCode.INVALID_IMAGE_PATH,
      desc: 'imagePath must be a local image, not a network or data URL. Download the image first, or pass the File through fileToImageMessageParams(file).',
    };
  }
  return { ok: true };
}
