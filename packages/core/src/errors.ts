import type { V2TimMessage } from './types';

/**
 * Every code a result can carry. The SDK's codes keep their numbers; `CANCELED`, `TOO_MANY_FILES`,
 * `SEND_INTERRUPTED`, `STORAGE_FULL` and `SERVER_UNREACHABLE` are the library's own (negative, so they never collide with a service code).
 *
 * Tests and UIs should branch on these codes, never on `desc` text.
 */
export const ErrorCode = {
  SUCC: 0,
  /** `sendMessage` with an id that was never created, or was already sent and released. */
  ID_NOT_EXIST: -1,
  /** The caller aborted the send. Not a failure to show; the message can be sent again. */
  CANCELED: -2,
  /** More files than the composer's `maxFiles`. */
  TOO_MANY_FILES: -3,
  /** The page closed (reload, crash) while the message was being sent; it was put back, ready for Retry. */
  SEND_INTERRUPTED: -4,
  /** A kept message (`createMessageManager({ store })`) could not be saved: storage full or over a cap. */
  STORAGE_FULL: -5,
  /**
   * A request got no answer although the device is online: the server is down or at another address,
   * or the browser blocked the request (CORS; the page cannot tell which). `desc` names the server's
   * origin. Being offline is `NETWORK_DISCONNECT` (9508). Retryable.
   */
  SERVER_UNREACHABLE: -6,
  /** Empty id; neither receiver nor groupID; no `fileContent`/`fileName`; a send already in flight. */
  INVALID_PARAMETERS: 6017,
  /** `imagePath` is a network (or otherwise non-local) URL. */
  INVALID_IMAGE_PATH: 20001,
  FILE_SIZE_EMPTY: 7006,
  FILE_TOO_LARGE: 7005,
  /** An image, but not JPEG, PNG, GIF, BMP or WebP. */
  IMAGE_TYPE_LIMIT: 2252,
  /** The bytes are not an image at all. */
  NOT_IMAGE: 6031,
  UPLOAD_FAILED: 6008,
  NETWORK_DISCONNECT: 9508,
  REQUEST_TIMEOUT: 6012,
} as const;
export type ErrorCodeName = keyof typeof ErrorCode;
export type ErrorCode = (typeof ErrorCode)[ErrorCodeName];

/** The codes a file can be rejected with before anything is uploaded. */
export type RejectionCode =
  | typeof ErrorCode.INVALID_PARAMETERS
  | typeof ErrorCode.INVALID_IMAGE_PATH
  | typeof ErrorCode.FILE_SIZE_EMPTY
  | typeof ErrorCode.FILE_TOO_LARGE
  | typeof ErrorCode.IMAGE_TYPE_LIMIT
  | typeof ErrorCode.NOT_IMAGE
  | typeof ErrorCode.TOO_MANY_FILES;

/**
 * A failed result as an `Error`, for code that prefers throwing (react-query mutations do): keeps the
 * SDK's `code` and `desc`.
 *
 * @example
 * if (error instanceof ImageMessageError && error.code === ErrorCode.FILE_TOO_LARGE) …
 */
export class ImageMessageError extends Error {
  override readonly name = 'ImageMessageError';
  readonly code: number;
  readonly desc: string;
  /** The message as it stood when the send failed (status 3), when there is one. */
  readonly messageInfo?: V2TimMessage;

  constructor(code: number, desc: string, options?: { cause?: unknown; messageInfo?: V2TimMessage }) {
    // Error reads only `cause` from the options, and only when it is there.
    super(desc, options);
    this.code = code;
    this.desc = desc;
    this.messageInfo = options?.messageInfo;
  }
}

/** True for the error an aborted fetch, XHR or `AbortSignal` produces. */
export function isAbortError(error: unknown): boolean {
  return (error as { name?: unknown } | null | undefined)?.name === 'AbortError';
}

/** The error transports reject with when their `AbortSignal` fires. */
export function createAbortError(): Error {
  // DOMException is global in browsers and in Node ≥ 17; keep a plain Error for anything older.
  if (typeof DOMException === 'function') return new DOMException('The send was canceled.', 'AbortError');
  const error = new Error('The send was canceled.');
  error.name = 'AbortError';
  return error;
}
