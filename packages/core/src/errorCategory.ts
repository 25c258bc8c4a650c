import { ErrorCode } from './errors';

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
  | 'timeout'
  | 'uploadFailed'
  | 'canceled'
  | 'other';

const E = ErrorCode;
const CODES: Readonly<Record<Exclude<ErrorCategory, 'other'>, readonly ErrorCode[]>> = {
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
  timeout: [E.REQUEST_TIMEOUT, E.NETWORK_TIMEOUT],
  // The upload did not complete (a reload cut it, too): Retry sends the same id again.
  uploadFailed: [
    E.UPLOAD_FAILED,
    E.SEND_INTERRUPTED,
    E.MSG_F_UPLOAD_FAIL,
    E.COS_GET_SIG_FAIL,
    E.NETWORK_ERROR,
    E.MSG_SEND_FAIL,
  ],
  canceled: [E.CANCELED],
};

const CATEGORY_OF = new Map<number, ErrorCategory>(
  Object.entries(CODES).flatMap(([category, codes]) =>
    codes.map((code) => [code, category as ErrorCategory]),
  ),
);

/**
 * The category of a result's code, whichever service produced it: 7005 and the Web SDK's 2253 are both
 * `tooLarge`, 6014 and 2024 both `signedOut`.
 *
 * @example
 * const text = strings.errors[errorCategory(result.code)]; // one text per category, in every locale
 */
export function errorCategory(code: number): ErrorCategory {
  return CATEGORY_OF.get(code) ?? 'other';
}
