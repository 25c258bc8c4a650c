import { ErrorCode, formatBytes } from '@image-message/core';

/**
 * An error with an HTTP status and the `{ code, desc }` body every API error carries. Codes are core's
 * `ErrorCode` members, so clients classify them (`errorCategory`) like every other service's.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  // `number`, not `ErrorCode`: Fastify's errors carry a string `code`, and handlers test for both.
  readonly code: number;
  readonly desc: string;

  constructor(status: number, code: ErrorCode, desc: string) {
    super(desc);
    this.status = status;
    this.code = code;
    this.desc = desc;
  }
}

export const badRequest = (desc: string, code: ErrorCode = ErrorCode.INVALID_PARAMETERS) =>
  new ApiError(400, code, desc);
/** No valid session: the SDK's "not logged in". */
export const unauthorized = (desc: string) => new ApiError(401, ErrorCode.NOT_LOGGED_IN, desc);
/** Not allowed, e.g. not a member of the group: the SDK's group "permission denied". */
export const forbidden = (desc: string) => new ApiError(403, ErrorCode.ERR_SVR_GROUP_PERMISSION_DENY, desc);
/** The file or message does not exist: the SDK's "file not found". */
export const notFound = (desc: string) => new ApiError(404, ErrorCode.FILE_NOT_FOUND, desc);
export const conflict = (desc: string) => new ApiError(409, ErrorCode.INVALID_PARAMETERS, desc);

/** The success envelope, the same shape as the SDK's `V2TimValueCallback`. */
export function ok<T>(data: T): { code: 0; desc: ''; data: T } {
  return { code: 0, desc: '', data };
}

/**
 * 413 / 7005. `size` is the declared Content-Length when there is one; a chunked upload is cut as soon
 * as it passes the limit, so its full size is never known.
 */
export function tooLarge(size: number | undefined, limit: number): ApiError {
  const limitText = `${formatBytes(limit)} (${limit.toLocaleString('en-US')} bytes)`;
  const desc =
    size === undefined
      ? `This image is larger than the limit of ${limitText}; the upload was stopped there. Choose a smaller image or compress it.`
      : `This image is ${formatBytes(size, 'up')} (${size.toLocaleString('en-US')} bytes); the limit is ${limitText}. Choose a smaller image or compress it.`;
  return new ApiError(413, ErrorCode.FILE_TOO_LARGE, desc);
}
