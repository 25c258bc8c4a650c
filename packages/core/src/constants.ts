/**
 * The largest image the seed's `createImageMessage` accepts: 28 MiB (29,360,128 bytes).
 * A transport may declare a lower `maxBytes` (the Tencent Web SDK stops at 20 MiB); the lower one wins.
 */
export const IMAGE_MAX_BYTES = 28 * 1024 * 1024;

/** `V2TimMessage.status`, as in the SDK. */
export const MessageStatus = {
  SENDING: 1,
  SEND_SUCC: 2,
  SEND_FAIL: 3,
  HAS_DELETED: 4,
  LOCAL_IMPORTED: 5,
  LOCAL_REVOKED: 6,
} as const;
export type MessageStatus = (typeof MessageStatus)[keyof typeof MessageStatus];

/** `V2TimMessage.elemType`, the SDK's full `MessageElemType` enum. */
export const MessageElemType = {
  NONE: 0,
  TEXT: 1,
  CUSTOM: 2,
  IMAGE: 3,
  SOUND: 4,
  VIDEO: 5,
  FILE: 6,
  LOCATION: 7,
  FACE: 8,
  GROUP_TIPS: 9,
  MERGER: 10,
} as const;
export type MessageElemType = (typeof MessageElemType)[keyof typeof MessageElemType];

/**
 * `V2TimImage.type`. THUMB has a shorter side of 198 px and LARGE of 720 px; an image smaller than that
 * is served as is. Pick a variant by its dimensions, not by its index in `imageList`.
 */
export const ImageType = { ORIGIN: 0, THUMB: 1, LARGE: 2 } as const;
export type ImageType = (typeof ImageType)[keyof typeof ImageType];

/** Shorter side, in pixels, of each resized variant, by `ImageType` (THUMB 1, LARGE 2). */
export const IMAGE_VARIANT_SHORT_SIDE = { 1: 198, 2: 720 } as const satisfies Record<
  typeof ImageType.THUMB | typeof ImageType.LARGE,
  number
>;

/** `sendMessage({ priority })`, as in the SDK. */
export const MessagePriority = { DEFAULT: 0, HIGH: 1, NORMAL: 2, LOW: 3 } as const;
export type MessagePriority = (typeof MessagePriority)[keyof typeof MessagePriority];
