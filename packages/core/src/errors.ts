import type { V2TimMessage } from './types';

/**
 * Every code a result can carry, in one place for every package: core's own, the reference server's, and
 * the Tencent Cloud Chat SDK's (by the SDK's names). `CANCELED`, `TOO_MANY_FILES`, `SEND_INTERRUPTED`,
 * `STORAGE_FULL` and `SERVER_UNREACHABLE` are the library's own (negative, so they never collide with a
 * service code). `errorCategory(code)` says what a code means to a person; tests and UIs branch on codes or
 * categories, never on `desc` text.
 *
 * @example
 * if (result.code === ErrorCode.FILE_TOO_LARGE) showLimit();
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
  /** An image, but not JPEG, PNG, GIF, BMP or WebP (the Web SDK's `MSG_I_TYPES_LIMIT`). */
  IMAGE_TYPE_LIMIT: 2252,
  /** The bytes are not an image at all. */
  NOT_IMAGE: 6031,
  UPLOAD_FAILED: 6008,
  NETWORK_DISCONNECT: 9508,
  REQUEST_TIMEOUT: 6012,
  /** No valid session (native SDKs' `ERR_SDK_NOT_LOGGED_IN`; the reference server's answer to a bad token). */
  NOT_LOGGED_IN: 6014,
  /** The file or message asked for does not exist (native SDKs' `ERR_SDK_COMM_FILE_NOT_FOUND`). */
  FILE_NOT_FOUND: 7004,

  // The Tencent Cloud Chat Web SDK (`@tencentcloud/chat` 3.6.6), by its own names.
  USER_NOT_LOGGED_IN: 2024,
  /** `tim-upload-plugin` is not registered. */
  COS_UNDETECTED: 2040,
  COS_GET_SIG_FAIL: 2041,
  MSG_SEND_FAIL: 2100,
  MSG_INSTANCE_REQUIRED: 2105,
  MSG_INVALID_CONV_TYPE: 2106,
  MSG_F_IS_EMPTY: 2108,
  MSG_SEND_GRP_WITH_TOPIC_FAIL: 2115,
  MSG_I_SELECT_F_FIRST: 2251,
  /** The Web SDK refuses an image of its limit (20 MiB) or more. */
  MSG_I_SIZE_LIMIT: 2253,
  MSG_F_UPLOAD_FAIL: 2400,
  NETWORK_ERROR: 2800,
  NETWORK_TIMEOUT: 2801,
  NO_NETWORK: 2805,
  OVER_FREQUENCY_LIMIT: 2996,
  SDK_IS_NOT_READY: 2999,
  LOGGING_IN: 3000,
  LOGIN_FAILED: 3001,
  KICKED_OUT_MULT_DEVICE: 3002,
  KICKED_OUT_MULT_ACCOUNT: 3003,
  KICKED_OUT_USERSIG_EXPIRED: 3004,
  LOGGED_OUT: 3005,
  KICKED_OUT_REST_API: 3006,
  PROFANITY_FOUND: 3123,
  /** Not allowed to send to the group (also the reference server's "not a member"). */
  ERR_SVR_GROUP_PERMISSION_DENY: 10007,
  ERR_SVR_GROUP_NOT_FOUND: 10010,
  ERR_SVR_GROUP_INVALID_GROUPID: 10015,
  ERR_SVR_GROUP_REJECT_FROM_THIRDPARTY: 10016,
  ERR_SVR_GROUP_SHUTUP_DENY: 10017,
  MSG_A2KEY_EXPIRED: 20002,
  ERR_SVR_MSG_IN_PEER_BLACKLIST: 20007,
  ERR_SVR_MSG_BOTH_NOT_FRIEND: 20009,
  ERR_SVR_MSG_NOT_PEER_FRIEND: 20010,
  ERR_SVR_MSG_NOT_SELF_FRIEND: 20011,
  ERR_SVR_MSG_SHUTUP_DENY: 20012,
  ACCOUNT_A2KEY_EXPIRED: 70001,
  CONTENT_MODERATION: 80001,
  CONTENT_MODERATION_CUSTOM: 80004,
} as const;
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
  const E = ErrorCode;
  return {
    empty: [E.FILE_SIZE_EMPTY, E.MSG_F_IS_EMPTY],
    tooLarge: [E.FILE_TOO_LARGE, E.MSG_I_SIZE_LIMIT],
    typeLimit: [E.IMAGE_TYPE_LIMIT],
    notImage: [E.NOT_IMAGE],
    tooMany: [E.TOO_MANY_FILES],
    invalidPath: [E.INVALID_IMAGE_PATH],
    // The session ended or never began: sign in again.
    signedOut: [
      E.NOT_LOGGED_IN,
      E.USER_NOT_LOGGED_IN,
      E.LOGIN_FAILED,
      E.LOGGED_OUT,
      E.KICKED_OUT_REST_API,
      E.KICKED_OUT_MULT_DEVICE,
      E.KICKED_OUT_MULT_ACCOUNT,
      E.KICKED_OUT_USERSIG_EXPIRED,
      E.MSG_A2KEY_EXPIRED,
      E.ACCOUNT_A2KEY_EXPIRED,
    ],
    // No permission, muted, blocked or not friends: nothing the sender can retry.
    notAllowed: [
      E.ERR_SVR_GROUP_PERMISSION_DENY,
      E.ERR_SVR_GROUP_SHUTUP_DENY,
      E.ERR_SVR_GROUP_REJECT_FROM_THIRDPARTY,
      E.ERR_SVR_MSG_IN_PEER_BLACKLIST,
      E.ERR_SVR_MSG_SHUTUP_DENY,
      E.ERR_SVR_MSG_BOTH_NOT_FRIEND,
      E.ERR_SVR_MSG_NOT_PEER_FRIEND,
      E.ERR_SVR_MSG_NOT_SELF_FRIEND,
    ],
    network: [E.NETWORK_DISCONNECT, E.NO_NETWORK],
    // Online, but the server did not answer (down, another address, or CORS).
    unreachable: [E.SERVER_UNREACHABLE],
    // A reload or a crash cut the send; the message came back, ready for Retry.
    interrupted: [E.SEND_INTERRUPTED],
    timeout: [E.REQUEST_TIMEOUT, E.NETWORK_TIMEOUT],
    // The upload did not complete: Retry sends the same id again.
    uploadFailed: [
      E.UPLOAD_FAILED,
      E.MSG_F_UPLOAD_FAIL,
      E.COS_GET_SIG_FAIL,
      E.NETWORK_ERROR,
      E.MSG_SEND_FAIL,
    ],
    canceled: [E.CANCELED],
  };
}

/** The codes a file can be rejected with before anything is uploaded; a function, so only callers pay. */
function rejectionCodes() {
  return [
    ErrorCode.INVALID_PARAMETERS,
    ErrorCode.INVALID_IMAGE_PATH,
    ErrorCode.FILE_SIZE_EMPTY,
    ErrorCode.FILE_TOO_LARGE,
    ErrorCode.IMAGE_TYPE_LIMIT,
    ErrorCode.NOT_IMAGE,
    ErrorCode.TOO_MANY_FILES,
    // The composer went away while the file was read.
    ErrorCode.CANCELED,
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
