import type { ErrorCode as CoreErrorCode } from '@image-message/core';
import { formatBytes } from './formatBytes';

type CoreCodes = typeof CoreErrorCode;

/**
 * The SDK codes the server answers with. Numbers are repeated here because the server may import core
 * for types only; the `satisfies` clause makes the compiler check each one against core's `ErrorCode`.
 */
export const Code = {
  SUCC: 0,
  INVALID_PARAMETERS: 6017,
  FILE_SIZE_EMPTY: 7006,
  FILE_TOO_LARGE: 7005,
  IMAGE_TYPE_LIMIT: 2252,
  NOT_IMAGE: 6031,
  UPLOAD_FAILED: 6008,
  REQUEST_TIMEOUT: 6012,
} as const satisfies { [K in keyof CoreCodes]?: CoreCodes[K] };

/** Service codes that core does not name (the SDK's own numbers, documented in the README). */
export const ServiceCode = {
  /** The request carries no valid session token (the SDK's "not logged in"). */
  NOT_LOGGED_IN: 6014,
  /** The file or message does not exist (the SDK's "file not found"). */
  NOT_FOUND: 7004,
  /** The caller is not allowed to do this, e.g. not a member of the group. */
  NO_PERMISSION: 10007,
} as const;

/** An error with an HTTP status and the `{ code, desc }` body every API error carries. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: number;
  readonly desc: string;

  constructor(status: number, code: number, desc: string) {
    super(desc);
    this.status = status;
    this.code = code;
    this.desc = desc;
  }
}

export const badRequest = (desc: string, code: number = Code.INVALID_PARAMETERS) =>
  new ApiError(400, code, desc);
export const unauthorized = (desc: string) => new ApiError(401, ServiceCode.NOT_LOGGED_IN, desc);
export const forbidden = (desc: string) => new ApiError(403, ServiceCode.NO_PERMISSION, desc);
export const notFound = (desc: string) => new ApiError(404, ServiceCode.NOT_FOUND, desc);
export const conflict = (desc: string) => new ApiError(409, Code.INVALID_PARAMETERS, desc);

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
  return new ApiError(413, Code.FILE_TOO_LARGE, desc);
}
