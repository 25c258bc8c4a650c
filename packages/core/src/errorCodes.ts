// Every code a result can carry, one named constant each (`as const`: a literal type that never widens): the
// library reads the ones it needs, so a bundle keeps only those, and `errors.ts` re-exports the whole module as
// the public `ErrorCode` object.
export const SUCC = 0 as const;
/** `sendMessage` with an id that was never created, or was already sent and released. */
export const ID_NOT_EXIST = -1 as const;
/** The caller aborted the send. Not a failure to show; the message can be sent again. */
export const CANCELED = -2 as const;
/** More files than the composer's `maxFiles`. */
export const TOO_MANY_FILES = -3 as const;
/** The page closed (reload, crash) while the message was being sent; it was put back, ready for Retry. */
export const SEND_INTERRUPTED = -4 as const;
/** A kept message (`createMessageManager({ store })`) could not be saved: storage full or over a cap. */
export const STORAGE_FULL = -5 as const;
/**
 * A request got no answer although the device is online: the server is down or at another address,
 * or the browser blocked the request (CORS; the page cannot tell which). `desc` names the server's
 * origin. Being offline is `NETWORK_DISCONNECT` (9508). Retryable.
 */
export const SERVER_UNREACHABLE = -6 as const;
/**
 * An image's description (`imageElem.description`, its alt text) is longer than `DESCRIPTION_MAX_LENGTH`
 * characters. The message is kept; its send waits until the description is shortened (`setDescription`).
 */
export const DESCRIPTION_TOO_LONG = -7 as const;
/** Empty id; neither receiver nor groupID; no `fileContent`/`fileName`; a send already in flight. */
export const INVALID_PARAMETERS = 6017 as const;
/** `imagePath` is a network (or otherwise non-local) URL. */
export const INVALID_IMAGE_PATH = 20001 as const;
export const FILE_SIZE_EMPTY = 7006 as const;
export const FILE_TOO_LARGE = 7005 as const;
/** An image, but not JPEG, PNG, GIF, BMP or WebP (the Web SDK's `MSG_I_TYPES_LIMIT`). */
export const IMAGE_TYPE_LIMIT = 2252 as const;
/** The bytes are not an image at all. */
export const NOT_IMAGE = 6031 as const;
export const UPLOAD_FAILED = 6008 as const;
export const NETWORK_DISCONNECT = 9508 as const;
export const REQUEST_TIMEOUT = 6012 as const;
/** No valid session (native SDKs' `ERR_SDK_NOT_LOGGED_IN`; the reference server's answer to a bad token). */
export const NOT_LOGGED_IN = 6014 as const;
/** The file or message asked for does not exist (native SDKs' `ERR_SDK_COMM_FILE_NOT_FOUND`). */
export const FILE_NOT_FOUND = 7004 as const;

// The Tencent Cloud Chat Web SDK (`@tencentcloud/chat` 3.6.6), by its own names.
export const USER_NOT_LOGGED_IN = 2024 as const;
/** `tim-upload-plugin` is not registered. */
export const COS_UNDETECTED = 2040 as const;
export const COS_GET_SIG_FAIL = 2041 as const;
export const MSG_SEND_FAIL = 2100 as const;
export const MSG_INSTANCE_REQUIRED = 2105 as const;
export const MSG_INVALID_CONV_TYPE = 2106 as const;
export const MSG_F_IS_EMPTY = 2108 as const;
export const MSG_SEND_GRP_WITH_TOPIC_FAIL = 2115 as const;
export const MSG_I_SELECT_F_FIRST = 2251 as const;
/** The Web SDK refuses an image of its limit (20 MiB) or more. */
export const MSG_I_SIZE_LIMIT = 2253 as const;
export const MSG_F_UPLOAD_FAIL = 2400 as const;
export const NETWORK_ERROR = 2800 as const;
export const NETWORK_TIMEOUT = 2801 as const;
export const NO_NETWORK = 2805 as const;
export const OVER_FREQUENCY_LIMIT = 2996 as const;
export const SDK_IS_NOT_READY = 2999 as const;
export const LOGGING_IN = 3000 as const;
export const LOGIN_FAILED = 3001 as const;
export const KICKED_OUT_MULT_DEVICE = 3002 as const;
export const KICKED_OUT_MULT_ACCOUNT = 3003 as const;
export const KICKED_OUT_USERSIG_EXPIRED = 3004 as const;
export const LOGGED_OUT = 3005 as const;
export const KICKED_OUT_REST_API = 3006 as const;
export const PROFANITY_FOUND = 3123 as const;
/** Not allowed to send to the group (also the reference server's "not a member"). */
export const ERR_SVR_GROUP_PERMISSION_DENY = 10007 as const;
export const ERR_SVR_GROUP_NOT_FOUND = 10010 as const;
export const ERR_SVR_GROUP_INVALID_GROUPID = 10015 as const;
export const ERR_SVR_GROUP_REJECT_FROM_THIRDPARTY = 10016 as const;
export const ERR_SVR_GROUP_SHUTUP_DENY = 10017 as const;
export const MSG_A2KEY_EXPIRED = 20002 as const;
export const ERR_SVR_MSG_IN_PEER_BLACKLIST = 20007 as const;
export const ERR_SVR_MSG_BOTH_NOT_FRIEND = 20009 as const;
export const ERR_SVR_MSG_NOT_PEER_FRIEND = 20010 as const;
export const ERR_SVR_MSG_NOT_SELF_FRIEND = 20011 as const;
export const ERR_SVR_MSG_SHUTUP_DENY = 20012 as const;
export const ACCOUNT_A2KEY_EXPIRED = 70001 as const;
export const CONTENT_MODERATION = 80001 as const;
export const CONTENT_MODERATION_CUSTOM = 80004 as const;
