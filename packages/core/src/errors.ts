import * as ErrorCodes from './errorCodes';
import type { V2TimMessage } from './types';

/**
 * Every code a result can carry, in one place for every package: core's own, the reference server's, and
 * the Tencent Cloud Chat SDK's (by the SDK's names). `CANCELED`, `TOO_MANY_FILES`, `SEND_INTERRUPTED`,
 * `STORAGE_FULL`, `SERVER_UNREACHABLE` and `DESCRIPTION_TOO_LONG` are the library's own (negative, so they
 * never collide with a service code). `errorCategory(code)` says what a code means to a person; tests and
 * UIs branch on codes or categories, never on `desc` text.
 *
 * The same constants one by one, for bundles that keep only those they read:
 * `import { FILE_TOO_LARGE } from '@image-message/core/codes'` (the library's own code does so).
 *
 * @example
 * if (result.code === ErrorCode.FILE_TOO_LARGE) showLimit();
 */
// Marked pure (it is): an app that never reads `ErrorCode` drops the table whatever its bundler infers.
export const ErrorCode: typeof ErrorCodes = /* @__PURE__ */ Object.assign({}, ErrorCodes);
export type ErrorCodeName = keyof typeof ErrorCode;
export type ErrorCode = (typeof ErrorCode)[ErrorCodeName];

/**
 * What a code means to the person sending: the one classification behind every locale's texts and every
 * transport's reading of service codes. `other` is any code without a meaning of its own (its `desc` says
 * what happened).
 */
export type ErrorCategory =
  | 'empty'
  | 'tooLarge'
  | 'typeLimit'
  | 'notImage'
  | 'tooMany'
  | 'invalidPath'
  | 'signedOut'
  | 'notAllowed'
  | 'network'
  | 'unreachable'
  | 'timeout'
  | 'interrupted'
  | 'uploadFailed'
  | 'canceled'
  | 'other';

let categories: ReadonlyMap<number, ErrorCategory> | undefined;

/**
 * The category of a result's code, whichever service produced it: 7005 and the Web SDK's 2253 are both
 * `tooLarge`, 6014 and 2024 both `signedOut`.
 *
 * @example
 * const text = strings.errors[errorCategory(result.code)]; // one text per category, in every locale
 */
export function errorCategory(code: number): ErrorCategory {
  categories ??= new Map(
    Object.entries(codesByCategory()).flatMap(([category, codes]) =>
      codes.map((code) => [code, category as ErrorCategory]),
    ),
  );
  return categories.get(code) ?? 'other';
}

/**
 * Every code with a meaning of its own, by category. Built on first use, beside `ErrorCode`, so a bundle
 * that never classifies pays nothing for it and one that does compresses the names against `ErrorCode`.
 */
function codesByCategory(): Record<Exclude<ErrorCategory, 'other'>, readonly ErrorCode[]> {
  return {
    empty: [ErrorCodes.FILE_SIZE_EMPTY, ErrorCodes.MSG_F_IS_EMPTY],
    tooLarge: [ErrorCodes.FILE_TOO_LARGE, ErrorCodes.MSG_I_SIZE_LIMIT],
    typeLimit: [ErrorCodes.IMAGE_TYPE_LIMIT],
    notImage: [ErrorCodes.NOT_IMAGE],
    tooMany: [ErrorCodes.TOO_MANY_FILES],
    invalidPath: [ErrorCodes.INVALID_IMAGE_PATH],
    // The session ended or never began: sign in again.
    signedOut: [
      ErrorCodes.NOT_LOGGED_IN,
      ErrorCodes.USER_NOT_LOGGED_IN,
      ErrorCodes.LOGIN_FAILED,
      ErrorCodes.LOGGED_OUT,
      ErrorCodes.KICKED_OUT_REST_API,
      ErrorCodes.KICKED_OUT_MULT_DEVICE,
      ErrorCodes.KICKED_OUT_MULT_ACCOUNT,
      ErrorCodes.KICKED_OUT_USERSIG_EXPIRED,
      ErrorCodes.MSG_A2KEY_EXPIRED,
      ErrorCodes.ACCOUNT_A2KEY_EXPIRED,
    ],
    // No permission, muted, blocked or not friends: nothing the sender can retry.
    notAllowed: [
      ErrorCodes.ERR_SVR_GROUP_PERMISSION_DENY,
      ErrorCodes.ERR_SVR_GROUP_SHUTUP_DENY,
      ErrorCodes.ERR_SVR_GROUP_REJECT_FROM_THIRDPARTY,
      ErrorCodes.ERR_SVR_MSG_IN_PEER_BLACKLIST,
      ErrorCodes.ERR_SVR_MSG_SHUTUP_DENY,
      ErrorCodes.ERR_SVR_MSG_BOTH_NOT_FRIEND,
      ErrorCodes.ERR_SVR_MSG_NOT_PEER_FRIEND,
      ErrorCodes.ERR_SVR_MSG_NOT_SELF_FRIEND,
    ],
    network: [ErrorCodes.NETWORK_DISCONNECT, ErrorCodes.NO_NETWORK],
    // Online, but the server did not answer (down, another address, or CORS).
    unreachable: [ErrorCodes.SERVER_UNREACHABLE],
    // A reload or a crash cut the send; the message came back, ready for Retry.
    interrupted: [ErrorCodes.SEND_INTERRUPTED],
    timeout: [ErrorCodes.REQUEST_TIMEOUT, ErrorCodes.NETWORK_TIMEOUT],
    // The upload did not complete: Retry sends the same id again.
    uploadFailed: [
      ErrorCodes.UPLOAD_FAILED,
      ErrorCodes.MSG_F_UPLOAD_FAIL,
      ErrorCodes.COS_GET_SIG_FAIL,
      ErrorCodes.NETWORK_ERROR,
      ErrorCodes.MSG_SEND_FAIL,
    ],
    canceled: [ErrorCodes.CANCELED],
  };
}

/** The codes a file can be rejected with before anything is uploaded; a function, so only callers pay. */
function rejectionCodes() {
  return [
    ErrorCodes.INVALID_PARAMETERS,
    ErrorCodes.INVALID_IMAGE_PATH,
    ErrorCodes.FILE_SIZE_EMPTY,
    ErrorCodes.FILE_TOO_LARGE,
    ErrorCodes.IMAGE_TYPE_LIMIT,
    ErrorCodes.NOT_IMAGE,
    ErrorCodes.TOO_MANY_FILES,
    // The composer went away while the file was read.
    ErrorCodes.CANCELED,
  ] as const;
}

/** The codes a file can be rejected with before anything is uploaded (`ImageRejection.code`). */
export type RejectionCode = ReturnType<typeof rejectionCodes>[number];

/**
 * Whether `code` is one a file can be rejected with before upload; narrows a result's `code`.
 *
 * @example if (!created.data && isRejectionCode(created.code)) rejections.push({ code: created.code, … })
 */
export function isRejectionCode(code: number): code is RejectionCode {
  return (rejectionCodes() as readonly number[]).includes(code);
}

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
