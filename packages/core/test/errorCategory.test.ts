import { describe, expect, it } from 'vitest';
import { type ErrorCategory, ErrorCode, type ErrorCodeName, errorCategory, isRejectionCode } from '../src';

// What each code means to the person sending, written out independently of the implementation's lists.
const EXPECTED: Readonly<Record<ErrorCodeName, ErrorCategory>> = {
  SUCC: 'other',
  ID_NOT_EXIST: 'other',
  CANCELED: 'canceled',
  TOO_MANY_FILES: 'tooMany',
  SEND_INTERRUPTED: 'interrupted',
  SERVER_UNREACHABLE: 'unreachable',
  STORAGE_FULL: 'other',
  // The composer shows its own text beside the description field (`description.tooLong`).
  DESCRIPTION_TOO_LONG: 'other',
  INVALID_PARAMETERS: 'other',
  INVALID_IMAGE_PATH: 'invalidPath',
  FILE_SIZE_EMPTY: 'empty',
  FILE_TOO_LARGE: 'tooLarge',
  IMAGE_TYPE_LIMIT: 'typeLimit',
  NOT_IMAGE: 'notImage',
  UPLOAD_FAILED: 'uploadFailed',
  NETWORK_DISCONNECT: 'network',
  REQUEST_TIMEOUT: 'timeout',
  NOT_LOGGED_IN: 'signedOut',
  FILE_NOT_FOUND: 'other',
  USER_NOT_LOGGED_IN: 'signedOut',
  COS_UNDETECTED: 'other',
  COS_GET_SIG_FAIL: 'uploadFailed',
  MSG_SEND_FAIL: 'uploadFailed',
  MSG_INSTANCE_REQUIRED: 'other',
  MSG_INVALID_CONV_TYPE: 'other',
  MSG_F_IS_EMPTY: 'empty',
  MSG_SEND_GRP_WITH_TOPIC_FAIL: 'other',
  MSG_I_SELECT_F_FIRST: 'other',
  MSG_I_SIZE_LIMIT: 'tooLarge',
  MSG_F_UPLOAD_FAIL: 'uploadFailed',
  NETWORK_ERROR: 'uploadFailed',
  NETWORK_TIMEOUT: 'timeout',
  NO_NETWORK: 'network',
  OVER_FREQUENCY_LIMIT: 'other',
  SDK_IS_NOT_READY: 'other',
  LOGGING_IN: 'other',
  LOGIN_FAILED: 'signedOut',
  KICKED_OUT_MULT_DEVICE: 'signedOut',
  KICKED_OUT_MULT_ACCOUNT: 'signedOut',
  KICKED_OUT_USERSIG_EXPIRED: 'signedOut',
  LOGGED_OUT: 'signedOut',
  KICKED_OUT_REST_API: 'signedOut',
  PROFANITY_FOUND: 'other',
  ERR_SVR_GROUP_PERMISSION_DENY: 'notAllowed',
  ERR_SVR_GROUP_NOT_FOUND: 'other',
  ERR_SVR_GROUP_INVALID_GROUPID: 'other',
  ERR_SVR_GROUP_REJECT_FROM_THIRDPARTY: 'notAllowed',
  ERR_SVR_GROUP_SHUTUP_DENY: 'notAllowed',
  MSG_A2KEY_EXPIRED: 'signedOut',
  ERR_SVR_MSG_IN_PEER_BLACKLIST: 'notAllowed',
  ERR_SVR_MSG_BOTH_NOT_FRIEND: 'notAllowed',
  ERR_SVR_MSG_NOT_PEER_FRIEND: 'notAllowed',
  ERR_SVR_MSG_NOT_SELF_FRIEND: 'notAllowed',
  ERR_SVR_MSG_SHUTUP_DENY: 'notAllowed',
  ACCOUNT_A2KEY_EXPIRED: 'signedOut',
  CONTENT_MODERATION: 'other',
  CONTENT_MODERATION_CUSTOM: 'other',
};

describe('ErrorCode: one vocabulary', () => {
  it('spells every number once', () => {
    const numbers = Object.values(ErrorCode);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('keeps the SDK numbers the services answer with', () => {
    expect(ErrorCode).toMatchObject({
      NOT_LOGGED_IN: 6014,
      FILE_NOT_FOUND: 7004,
      ERR_SVR_GROUP_PERMISSION_DENY: 10007,
      USER_NOT_LOGGED_IN: 2024,
      COS_UNDETECTED: 2040,
      MSG_I_SIZE_LIMIT: 2253,
      SDK_IS_NOT_READY: 2999,
      LOGIN_FAILED: 3001,
      KICKED_OUT_REST_API: 3006,
      ERR_SVR_GROUP_SHUTUP_DENY: 10017,
      MSG_A2KEY_EXPIRED: 20002,
      ERR_SVR_MSG_IN_PEER_BLACKLIST: 20007,
      ERR_SVR_MSG_BOTH_NOT_FRIEND: 20009,
      ERR_SVR_MSG_SHUTUP_DENY: 20012,
      ACCOUNT_A2KEY_EXPIRED: 70001,
      CONTENT_MODERATION: 80001,
    });
  });
});

describe('errorCategory', () => {
  it.each(Object.entries(EXPECTED) as [ErrorCodeName, ErrorCategory][])('%s is %s', (name, category) => {
    expect(errorCategory(ErrorCode[name])).toBe(category);
  });

  it('reads every service’s code for the same thing the same way', () => {
    expect(errorCategory(ErrorCode.MSG_I_SIZE_LIMIT)).toBe(errorCategory(ErrorCode.FILE_TOO_LARGE));
    expect(errorCategory(ErrorCode.USER_NOT_LOGGED_IN)).toBe(errorCategory(ErrorCode.NOT_LOGGED_IN));
    expect(errorCategory(ErrorCode.NETWORK_TIMEOUT)).toBe(errorCategory(ErrorCode.REQUEST_TIMEOUT));
  });

  it('calls a code it does not know "other"', () => {
    for (const code of [12345, 1, -99, Number.NaN]) expect(errorCategory(code)).toBe('other');
  });
});

describe('isRejectionCode', () => {
  it('narrows to the codes a file is refused with before upload', () => {
    const refused = [6017, 20001, 7006, 7005, 2252, 6031, -3, -2];
    for (const code of refused) expect(isRejectionCode(code)).toBe(true);
    for (const code of [0, -1, 6008, 9508, 6012, 2253, 6014]) expect(isRejectionCode(code)).toBe(false);
  });
});
