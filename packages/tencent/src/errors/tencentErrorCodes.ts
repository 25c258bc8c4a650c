import { ErrorCode, type ErrorCodeName, formatBytes } from '@image-message/core';

/** The members of core's `ErrorCode` with these names, under the same names. */
function pick<const Name extends ErrorCodeName>(names: readonly Name[]): Pick<typeof ErrorCode, Name> {
  return Object.fromEntries(names.map((name) => [name, ErrorCode[name]])) as Pick<typeof ErrorCode, Name>;
}

/**
 * Codes the Tencent Cloud Chat Web SDK and service reject a send with, by the SDK's own names (`oi` and
 * the server table in `@tencentcloud/chat` 3.6.6, plus the native codes the seed documents). They are
 * core's `ErrorCode` members — the numbers live there once — so `errorCategory` and every locale know
 * them; results keep these numbers, so an app can branch on them.
 *
 * @example
 * if (result.code === TencentErrorCode.COS_UNDETECTED) console.error('register tim-upload-plugin');
 */
export const TencentErrorCode = {
  ...pick([
    ...['USER_NOT_LOGGED_IN', 'COS_UNDETECTED', 'COS_GET_SIG_FAIL', 'MSG_SEND_FAIL', 'MSG_INSTANCE_REQUIRED'],
    ...['MSG_INVALID_CONV_TYPE', 'MSG_F_IS_EMPTY', 'MSG_SEND_GRP_WITH_TOPIC_FAIL', 'MSG_I_SELECT_F_FIRST'],
    ...['MSG_I_SIZE_LIMIT', 'MSG_F_UPLOAD_FAIL', 'NETWORK_ERROR', 'NETWORK_TIMEOUT', 'NO_NETWORK'],
    ...['OVER_FREQUENCY_LIMIT', 'SDK_IS_NOT_READY', 'LOGGING_IN', 'LOGIN_FAILED', 'KICKED_OUT_MULT_DEVICE'],
    ...['KICKED_OUT_MULT_ACCOUNT', 'KICKED_OUT_USERSIG_EXPIRED', 'LOGGED_OUT', 'KICKED_OUT_REST_API'],
    ...['PROFANITY_FOUND', 'NOT_LOGGED_IN', 'ERR_SVR_GROUP_PERMISSION_DENY', 'ERR_SVR_GROUP_NOT_FOUND'],
    ...['ERR_SVR_GROUP_INVALID_GROUPID', 'ERR_SVR_GROUP_REJECT_FROM_THIRDPARTY', 'ERR_SVR_GROUP_SHUTUP_DENY'],
    ...['MSG_A2KEY_EXPIRED', 'ERR_SVR_MSG_IN_PEER_BLACKLIST', 'ERR_SVR_MSG_BOTH_NOT_FRIEND'],
    ...['ERR_SVR_MSG_NOT_PEER_FRIEND', 'ERR_SVR_MSG_NOT_SELF_FRIEND', 'ERR_SVR_MSG_SHUTUP_DENY'],
    ...['ACCOUNT_A2KEY_EXPIRED', 'CONTENT_MODERATION', 'CONTENT_MODERATION_CUSTOM'],
  ] as const),
  /** Core's `IMAGE_TYPE_LIMIT`, under the Web SDK's name. */
  MSG_I_TYPES_LIMIT: ErrorCode.IMAGE_TYPE_LIMIT,
} as const;

const C = TencentErrorCode;
const LOG_IN_AGAIN =
  'Log in again with chat.login({ userID, userSig }), wait for SDK_READY, then send again.';

/** What a person can do about each code. Context lets the size text name the limit in force. */
const DESCRIPTIONS: Readonly<Record<number, (context: { maxBytes: number }) => string>> = {
  // Also what the SDK answers while a login is still under way (the user reads '' until it succeeds).
  [C.USER_NOT_LOGGED_IN]: () =>
    'You are not logged in to Tencent Cloud Chat (or the login has not finished). Call chat.login({ userID, userSig }), wait for the SDK_READY event, then send again.',
  [C.NOT_LOGGED_IN]: () =>
    'You are not logged in to Tencent Cloud Chat. Call chat.login({ userID, userSig }), wait for the SDK_READY event, then send again.',
  [C.SDK_IS_NOT_READY]: () =>
    'Tencent Cloud Chat is not ready yet. Wait for the SDK_READY event after login, then send again.',
  [C.LOGGING_IN]: () =>
    'Tencent Cloud Chat is still logging in. Wait for the SDK_READY event, then send again.',
  [C.LOGIN_FAILED]: () =>
    `Logging in to Tencent Cloud Chat failed. Check the SDKAppID, userID and userSig. ${LOG_IN_AGAIN}`,
  [C.KICKED_OUT_MULT_DEVICE]: () =>
    `This account signed in on another device, which signed it out here. ${LOG_IN_AGAIN}`,
  [C.KICKED_OUT_MULT_ACCOUNT]: () =>
    `This account signed in on another page, which signed it out here. ${LOG_IN_AGAIN}`,
  [C.KICKED_OUT_USERSIG_EXPIRED]: () =>
    `The userSig has expired. Get a new userSig from your server. ${LOG_IN_AGAIN}`,
  [C.MSG_A2KEY_EXPIRED]: () =>
    `The login ticket has expired. Get a new userSig from your server. ${LOG_IN_AGAIN}`,
  [C.ACCOUNT_A2KEY_EXPIRED]: () =>
    `The login ticket has expired. Get a new userSig from your server. ${LOG_IN_AGAIN}`,
  [C.LOGGED_OUT]: () => `You logged out of Tencent Cloud Chat. ${LOG_IN_AGAIN}`,
  [C.KICKED_OUT_REST_API]: () => `Your server signed this account out. ${LOG_IN_AGAIN}`,
  [C.COS_UNDETECTED]: () =>
    "The upload plugin is not registered, so images cannot be uploaded. Call chat.registerPlugin({ 'tim-upload-plugin': TIMUploadPlugin }) before chat.login(), then log in again.",
  [C.COS_GET_SIG_FAIL]: () =>
    'Tencent Cloud Chat could not authorize the upload. Check the connection and try again.',
  [C.MSG_F_UPLOAD_FAIL]: () => 'The upload to Tencent Cloud failed. Check the connection and try again.',
  [C.MSG_SEND_FAIL]: () => 'Tencent Cloud Chat could not send the message. Try again.',
  [C.MSG_INSTANCE_REQUIRED]: () =>
    'Tencent Cloud Chat did not recognise the message it was asked to send. Create the image message again.',
  [C.MSG_INVALID_CONV_TYPE]: () => 'The conversation type is not one Tencent Cloud Chat can send to.',
  [C.MSG_F_IS_EMPTY]: () => 'This file is empty (0 bytes). Choose another image.',
  [C.MSG_I_SELECT_F_FIRST]: () => 'No image was given to upload. Choose an image and send again.',
  [C.MSG_I_TYPES_LIMIT]: () =>
    'Tencent Cloud Chat accepts JPG, PNG, GIF, BMP and WebP images only. Convert the image and try again.',
  [C.MSG_I_SIZE_LIMIT]: ({ maxBytes }) =>
    `This image is too large for Tencent Cloud Chat; images must be smaller than ${formatBytes(maxBytes)}. Choose a smaller image or compress it.`,
  [C.MSG_SEND_GRP_WITH_TOPIC_FAIL]: () =>
    'This community group uses topics. Send to one of its topic IDs instead of the group ID.',
  [C.NETWORK_ERROR]: () => 'The network request failed. Check the connection and try again.',
  [C.NETWORK_TIMEOUT]: () => 'The network request timed out. Check the connection and try again.',
  [C.NO_NETWORK]: () => 'There is no network connection. Reconnect and try again.',
  [C.OVER_FREQUENCY_LIMIT]: () => 'Messages are being sent too fast. Wait a moment and try again.',
  [C.PROFANITY_FOUND]: () => 'The message was blocked by the content filter.',
  [C.CONTENT_MODERATION]: () => 'The image was blocked by content moderation.',
  [C.CONTENT_MODERATION_CUSTOM]: () => 'The image was blocked by content moderation.',
  [C.ERR_SVR_GROUP_PERMISSION_DENY]: () => 'You are not allowed to send to this group. Ask a group admin.',
  [C.ERR_SVR_GROUP_NOT_FOUND]: () => 'This group does not exist or was dismissed. Check the group ID.',
  [C.ERR_SVR_GROUP_INVALID_GROUPID]: () => 'This group ID is not valid. Check the group ID.',
  [C.ERR_SVR_GROUP_REJECT_FROM_THIRDPARTY]: () => "The app's server refused this message.",
  [C.ERR_SVR_GROUP_SHUTUP_DENY]: () => 'You are muted in this group and cannot send messages there.',
  [C.ERR_SVR_MSG_IN_PEER_BLACKLIST]: () => 'The receiver has blocked you, so the message was not delivered.',
  [C.ERR_SVR_MSG_BOTH_NOT_FRIEND]: () =>
    'You and the receiver are not friends, and this app only allows messages between friends.',
  [C.ERR_SVR_MSG_NOT_PEER_FRIEND]: () =>
    'You are not on the receiver’s friend list, and this app only allows messages between friends.',
  [C.ERR_SVR_MSG_NOT_SELF_FRIEND]: () =>
    'The receiver is not on your friend list, and this app only allows messages between friends.',
  [C.ERR_SVR_MSG_SHUTUP_DENY]: () => 'You are muted and cannot send messages.',
};

/**
 * A sentence a person can act on for a Tencent code, or undefined for a code this package does not know
 * (the caller then quotes the SDK's own message).
 *
 * @example describeTencentError(20007, { maxBytes }) // "The receiver has blocked you, …"
 */
export function describeTencentError(code: number, context: { maxBytes: number }): string | undefined {
  return DESCRIPTIONS[code]?.(context);
}
