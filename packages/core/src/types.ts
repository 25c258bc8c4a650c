/**
 * The SDK's callback envelope. `code === 0` means success; any other code comes with a `desc` a person can
 * act on. The library returns these, it never throws them.
 *
 * @example
 * const res = await manager.createImageMessage(params);
 * if (res.code !== 0) showError(res.desc);
 */
export interface V2TimValueCallback<T> {
  code: number;
  desc: string;
  data?: T;
}

/** What `createImageMessage` hands back: the id to send and the local message. */
export interface V2TimMsgCreateInfoResult {
  id: string;
  messageInfo: V2TimMessage;
}

/** One entry of `imageElem.imageList`: the original, the thumbnail or the large variant. */
export interface V2TimImage {
  uuid?: string;
  /** `ImageType`: 0 origin, 1 thumb, 2 large. */
  type?: number;
  size?: number;
  width?: number;
  height?: number;
  url?: string;
  localUrl?: string;
}

export interface V2TimImageElem {
  /** The `imagePath` the message was created from. */
  path?: string;
  imageList?: V2TimImage[];
  /**
   * The library's first addition to the SDK's shape: a ThumbHash of the image (base64, ~25 bytes) that a
   * renderer paints while the image loads. Set by `prepareImageFile`; kept by every transport.
   */
  placeholder?: string;
  /**
   * The library's second addition: the sender's description of the image (its alt text), for people who
   * cannot see it. Cleaned and at most `DESCRIPTION_MAX_LENGTH` characters (`checkDescription`); set with
   * `createImageMessage({ description })` or `manager.setDescription`; kept by every transport.
   */
  description?: string;
}

export interface V2TimOfflinePushInfo {
  title?: string;
  desc?: string;
  disablePush?: boolean;
  ext?: string;
}

/**
 * A message, as the SDK shapes it. Only image messages are created here, so `imageElem` is the element
 * that matters; the other fields follow the SDK so the object can travel through an app's existing code.
 */
export interface V2TimMessage {
  /** The local id from `createImageMessage`; the idempotency key of the send. */
  id?: string;
  /** The server's id, set once the message is sent. */
  msgID?: string;
  /** Seconds since the epoch, set by the server. */
  timestamp?: number;
  /** Upload progress, an integer 0–100. */
  progress?: number;
  sender?: string;
  nickName?: string;
  faceUrl?: string;
  /** The peer of a one-to-one message, or the only receiver of a targeted group message. */
  userID?: string;
  groupID?: string;
  /** `MessageStatus`: 1 sending, 2 sent, 3 failed. */
  status?: number;
  /** `MessageElemType`; 3 for images. */
  elemType: number;
  imageElem?: V2TimImageElem;
  isSelf?: boolean;
  priority?: number;
  cloudCustomData?: string;
  localCustomData?: string;
  needReadReceipt?: boolean;
  isExcludedFromUnreadCount?: boolean;
  isExcludedFromLastMessage?: boolean;
  /** For a targeted group message: who may see it. */
  groupAtUserList?: string[];
  seq?: string;
  random?: number;
}
