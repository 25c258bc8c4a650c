import { MessageElemType, MessagePriority, MessageStatus, type V2TimMessage } from '@image-message/core';
import {
  CONV_GROUP,
  ELEM_TYPE_BY_SDK_TYPE,
  MSG_IMAGE,
  MSG_PRIORITY,
  SDK_MESSAGE_STATUS,
  type TencentImagePayload,
  type TencentMessage,
} from '../sdk/tencentSdk';
import { readImageMessageData } from './cloudCustomDataEntry';
import { toImageList } from './toImageList';

const PRIORITY: Readonly<Record<string, number>> = {
  [MSG_PRIORITY.HIGH]: MessagePriority.HIGH,
  [MSG_PRIORITY.NORMAL]: MessagePriority.NORMAL,
  [MSG_PRIORITY.LOW]: MessagePriority.LOW,
  // V2Tim has no "lowest"; LOW is the nearest.
  [MSG_PRIORITY.LOWEST]: MessagePriority.LOW,
};

function toStatus(message: TencentMessage): number {
  if (message.isRevoked) return MessageStatus.LOCAL_REVOKED;
  if (message.isDeleted) return MessageStatus.HAS_DELETED;
  switch (message.status) {
    case SDK_MESSAGE_STATUS.SUCCESS:
      return MessageStatus.SEND_SUCC;
    case SDK_MESSAGE_STATUS.FAIL:
      return MessageStatus.SEND_FAIL;
    default:
      return MessageStatus.SENDING;
  }
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * A Web SDK message as the `V2TimMessage` this library and its UI speak: `ID` → `msgID`, `time` →
 * `timestamp`, `from` → `sender`, the status string → 1/2/3 (6 revoked, 4 deleted), `type` → `elemType`,
 * and for images `payload.imageInfoArray` → `imageElem.imageList` with THUMB/LARGE judged by dimensions,
 * and the placeholder and description this library put in `cloudCustomData` → `imageElem.placeholder` and
 * `imageElem.description` (`cloudCustomData` then reads as the app set it; see `readImageMessageData`).
 * Use it to render messages the SDK delivers (`TencentCloudChat.EVENT.MESSAGE_RECEIVED`) with the same
 * components as the ones you send.
 *
 * @example
 * chat.on(TencentCloudChat.EVENT.MESSAGE_RECEIVED, ({ data }) => setMessages(data.map(toV2TimMessage)));
 */
export function toV2TimMessage(message: TencentMessage): V2TimMessage {
  const elemType = ELEM_TYPE_BY_SDK_TYPE[message.type] ?? MessageElemType.NONE;
  const isSelf = message.flow === 'out';
  const result: V2TimMessage = {
    elemType,
    status: toStatus(message),
    isSelf,
  };
  const msgID = nonEmpty(message.ID);
  if (msgID) result.msgID = msgID;
  if (typeof message.time === 'number' && message.time > 0) result.timestamp = message.time;
  const sender = nonEmpty(message.from);
  if (sender) result.sender = sender;
  const nickName = nonEmpty(message.nick);
  if (nickName) result.nickName = nickName;
  const faceUrl = nonEmpty(message.avatar);
  if (faceUrl) result.faceUrl = faceUrl;

  if (message.conversationType === CONV_GROUP) {
    result.groupID = message.to;
  } else {
    // One-to-one: the peer is the receiver of what I sent and the sender of what I received.
    const peer = nonEmpty(isSelf ? message.to : message.from);
    if (peer) result.userID = peer;
  }

  const priority = PRIORITY[message.priority];
  if (priority !== undefined) result.priority = priority;
  const custom = readImageMessageData(message.cloudCustomData);
  if (custom.cloudCustomData !== undefined) result.cloudCustomData = custom.cloudCustomData;
  if (message.needReadReceipt) result.needReadReceipt = true;
  if (typeof message.sequence === 'number' && message.sequence > 0) result.seq = String(message.sequence);
  const random: unknown = Reflect.get(message, 'random');
  if (typeof random === 'number') result.random = random;

  if (message.type === MSG_IMAGE) {
    const payload: TencentImagePayload | undefined = message.payload;
    result.imageElem = {
      imageList: toImageList(payload?.imageInfoArray),
      ...(custom.placeholder !== undefined && { placeholder: custom.placeholder }),
      ...(custom.description !== undefined && { description: custom.description }),
    };
  }
  return result;
}
