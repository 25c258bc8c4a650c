import { ErrorCode } from '../errors';

// The seed forbids network URLs; data: and javascript: are not local files either, and a path that looks
// like "//host/share" is protocol-relative on the web.
const NON_LOCAL = /^\s*(?:(?:https?|ftp|wss?|data|javascript|vbscript):|\/\/|\\\\)/i;

export type PathCheck = { ok: true } | { ok: false; code: number; desc: string };

/**
 * Checks `imagePath` the way the SDK does: a local path (a file path, `file:` or a `blob:` object URL),
 * never a network URL. Pure; returns a result.
 */
export function validateImagePath(imagePath: unknown): PathCheck {
  if (typeof imagePath !== 'string' || imagePath.trim() === '') {
    return {
      ok: false,
      code: ErrorCode.INVALID_PARAMETERS,
      desc: 'imagePath is empty. Pass the local path of the image, or use fileToImageMessageParams(file).',
    };
  }
  if (NON_LOCAL.test(imagePath)) {
    return {
      ok: false,
      code: ErrorCode.INVALID_IMAGE_PATH,
      desc: 'imagePath must be a local image, not a network or data URL. Download the image first, or pass the File through fileToImageMessageParams(file).',
    };
  }
  return { ok: true };
}
