import { ImageMessageError, type ImageSendRequest, MessagePriority } from '@image-message/core';
import * as ErrorCode from '@image-message/core/codes';
import { CONV_C2C, CONV_GROUP, MSG_PRIORITY, type TencentMessageOptions } from '../sdk/tencentSdk';
import { addImageMessageData } from './cloudCustomDataEntry';
import { toImageFile } from './toImageFile';

/** Where a message goes, in the SDK's terms. */
export interface TencentAddress {
  to: string;
  conversationType: TencentMessageOptions['conversationType'];
  /** A targeted group message: only these members see it. */
  receiverList?: string[];
}

/**
 * receiver only → one-to-one (`C2C`, to the receiver); groupID only → the group (`GROUP`); both → the
 * group, targeted at the receiver (`receiverList: [receiver]`, the Web SDK's targeted group message).
 *
 * @example toAddress({ receiver: 'bob', groupID: 'team' }) // { to: 'team', conversationType: 'GROUP', receiverList: ['bob'] }
 */
export function toAddress(request: Pick<ImageSendRequest, 'receiver' | 'groupID'>): TencentAddress {
  const { receiver, groupID } = request;
  if (groupID) {
    return receiver
      ? { to: groupID, conversationType: CONV_GROUP, receiverList: [receiver] }
      : { to: groupID, conversationType: CONV_GROUP };
  }
  if (receiver) return { to: receiver, conversationType: CONV_C2C };
  // The manager refuses such a send first; this guards direct callers of the transport.
  throw new ImageMessageError(
    ErrorCode.INVALID_PARAMETERS,
    'sendMessage needs a receiver (one-to-one) or a groupID (group).',
  );
}

/** A stable key for an address, to tell whether a retry goes where the first attempt went. */
export function addressKey(address: TencentAddress): string {
  return JSON.stringify([address.conversationType, address.to, address.receiverList ?? []]);
}

const PRIORITY: Readonly<Record<number, TencentMessageOptions['priority']>> = {
  [MessagePriority.HIGH]: MSG_PRIORITY.HIGH,
  [MessagePriority.NORMAL]: MSG_PRIORITY.NORMAL,
  [MessagePriority.LOW]: MSG_PRIORITY.LOW,
};

/**
 * The options of `chat.createImageMessage` for a request. `onProgress` is bound to the SDK message for its
 * whole life: the SDK keeps these options per message and reuses them when the message is resent. The
 * placeholder and the description ride in `cloudCustomData` (see `addImageMessageData`), since the SDK's
 * image has no field for them.
 *
 * @example chat.createImageMessage(toMessageOptions(request, (fraction) => …))
 */
export function toMessageOptions(
  request: ImageSendRequest,
  onProgress: (fraction: number) => void,
): TencentMessageOptions {
  const priority = request.priority === undefined ? undefined : PRIORITY[request.priority];
  const cloudCustomData = addImageMessageData(request.cloudCustomData, {
    placeholder: request.placeholder,
    description: request.description,
  });
  return {
    ...toAddress(request),
    payload: { file: toImageFile(request) },
    onProgress,
    ...(priority !== undefined && { priority }),
    ...(cloudCustomData !== undefined && { cloudCustomData }),
    ...(request.needReadReceipt !== undefined && { needReadReceipt: request.needReadReceipt }),
  };
}

/** `chat.sendMessage(message, options)`'s second argument, documented as `SendMessageOptions`. */
export interface TencentSendOptions {
  onlineUserOnly?: boolean;
  messageControlInfo?: { excludedFromUnreadCount?: boolean; excludedFromLastMessage?: boolean };
}

/**
 * The per-send options of a request, or undefined when it sets none (so the SDK sees exactly what it
 * would without this library).
 */
export function toSendOptions(request: ImageSendRequest): TencentSendOptions | undefined {
  const control = {
    ...(request.isExcludedFromUnreadCount !== undefined && {
      excludedFromUnreadCount: request.isExcludedFromUnreadCount,
    }),
    ...(request.isExcludedFromLastMessage !== undefined && {
      excludedFromLastMessage: request.isExcludedFromLastMessage,
    }),
  };
  const options: TencentSendOptions = {
    ...(request.onlineUserOnly !== undefined && { onlineUserOnly: request.onlineUserOnly }),
    ...(Object.keys(control).length > 0 && { messageControlInfo: control }),
  };
  return Object.keys(options).length > 0 ? options : undefined;
}
