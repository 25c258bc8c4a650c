import type TencentCloudChat from '@tencentcloud/chat';
import type { ChatSDK, Message } from '@tencentcloud/chat';

/**
 * `chat.createImageMessage(options)`, as the SDK declares it (`MESSAGE_OPTIONS` is not exported).
 *
 * @example const options: TencentMessageOptions = { to: 'bob', conversationType, payload: { file } };
 */
export type TencentMessageOptions = Parameters<ChatSDK['createImageMessage']>[0];

/**
 * The part of the Web SDK instance the transport calls, taken from the SDK's own `ChatSDK` declaration so
 * that a signature change in `@tencentcloud/chat` breaks the compile here. Any instance returned by
 * `TencentCloudChat.create()` is one.
 *
 * One correction to the declaration, which says `createImageMessage` returns a `Message`: while the SDK is
 * not ready (before a login, during one, after a logout or a kick-out) it returns a rejected Promise
 * instead, with the reason as the code (2024, 3000–3006). Seen in the real 3.6.6 in a browser
 * (tests/browser/tencentRealSdk.test.ts); the transport handles both.
 *
 * @example
 * const chat: ChatSDK = TencentCloudChat.create({ SDKAppID });
 * const transport = createTencentChatTransport(chat); // a ChatSDK is a TencentChat
 */
export interface TencentChat
  extends Pick<ChatSDK, 'isReady' | 'getLoginUser' | 'sendMessage' | 'resendMessage'> {
  createImageMessage(options: TencentMessageOptions): Message | Promise<never>;
}

/**
 * A message of the Web SDK.
 *
 * @example const v2 = toV2TimMessage(message as TencentMessage);
 */
export type TencentMessage = Message;

// Values of the SDK's ambient enum `TencentCloudChat.TYPES`. The enum only exists in the SDK's runtime, and
// importing that runtime for four strings would put the SDK into this package's bundle (the ES build is
// 475 KB, the UMD `main` 725 KB) and, for apps that load the other build, into their bundle twice. They are
// wire-protocol strings; test/sdkConstants.test.ts checks them against the real 3.6.6 build.
export const CONV_C2C = 'C2C' as TencentCloudChat.TYPES.CONV_C2C;
export const CONV_GROUP = 'GROUP' as TencentCloudChat.TYPES.CONV_GROUP;
export const MSG_IMAGE = 'TIMImageElem' as TencentCloudChat.TYPES.MSG_IMAGE;

/** `TencentCloudChat.TYPES.MSG_PRIORITY_*`. */
export const MSG_PRIORITY = {
  HIGH: 'High' as TencentCloudChat.TYPES.MSG_PRIORITY_HIGH,
  NORMAL: 'Normal' as TencentCloudChat.TYPES.MSG_PRIORITY_NORMAL,
  LOW: 'Low' as TencentCloudChat.TYPES.MSG_PRIORITY_LOW,
  LOWEST: 'Lowest' as TencentCloudChat.TYPES.MSG_PRIORITY_LOWEST,
} as const;

/** `Message.status`, documented in the SDK's index.d.ts as "unSend", "success" or "fail". */
export const SDK_MESSAGE_STATUS = { UN_SEND: 'unSend', SUCCESS: 'success', FAIL: 'fail' } as const;

/** `Message.type` → `V2TimMessage.elemType` (the SDK's `TencentCloudChat.TYPES.MSG_*` strings). */
export const ELEM_TYPE_BY_SDK_TYPE: Readonly<Record<string, number>> = {
  TIMTextElem: 1,
  TIMCustomElem: 2,
  TIMImageElem: 3,
  TIMSoundElem: 4,
  TIMVideoFileElem: 5,
  TIMFileElem: 6,
  TIMLocationElem: 7,
  TIMFaceElem: 8,
  TIMGroupTipElem: 9,
  TIMRelayElem: 10,
};

/**
 * One entry of an image message's `payload.imageInfoArray`. The `.d.ts` types `payload` as `any`; these
 * are the fields the SDK's image element model sets (`_ImageInfoModel` in index.es.js).
 *
 * @example { width: 264, height: 198, url: 'https://…?imageView2/3/w/198/h/198', size: 0, type: 1 }
 */
export interface TencentImageInfo {
  width?: number;
  height?: number;
  /** The download URL (with the app's download proxy and auth key applied). */
  url?: string;
  /** Bytes; only the original carries it. */
  size?: number;
  /** The slot the SDK put the entry in. Not reliable for THUMB/LARGE; judge by dimensions. */
  type?: number;
}

/**
 * The `payload` of an image message.
 *
 * @example toImageList((message.payload as TencentImagePayload).imageInfoArray)
 */
export interface TencentImagePayload {
  uuid?: string;
  imageFormat?: number;
  imageInfoArray?: TencentImageInfo[];
}

/** How the SDK settles `sendMessage`/`resendMessage`: `{ code: 0, data: { message } }`. */
export interface TencentSendResponse {
  code?: number;
  data?: { message?: Message };
}
