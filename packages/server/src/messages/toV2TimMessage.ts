import type { ImageType, V2TimImage, V2TimMessage } from '@image-message/core';
import type { MessageRecord } from '../db/messageStore';
import { VARIANT_NAMES, type VariantName } from '../images/variantPlan';
import { conversationIdFor } from './conversations';

/** A message as one viewer receives it: the SDK's shape plus the conversation it belongs to. */
export type ViewerMessage = V2TimMessage & { conversationID: string };

const MESSAGE_STATUS_SEND_SUCC = 2;
const ELEM_TYPE_IMAGE = 3;

/**
 * Shapes a stored message for `viewer`, the way the SDK shapes messages: `userID` is the peer of a
 * one-to-one message as the viewer sees it (the receiver for the sender, the sender for the receiver),
 * or the only receiver of a targeted group message; `isSelf` says whether the viewer sent it. Image
 * `url`s are signed for this viewer. A variant still being made has no `size` yet. `imageElem.placeholder`
 * is the sender's ThumbHash, when it sent a valid one; `imageElem.description` its description (alt text).
 */
export function toV2TimMessage(
  record: MessageRecord,
  viewer: string,
  urlFor: (messageId: string, variant: VariantName) => string,
  nickNameOf: (userID: string) => string | undefined,
): ViewerMessage {
  const imageList = record.images.map((image): V2TimImage => {
    const entry: V2TimImage = {
      uuid: `${record.msgID}_${image.type}`,
      type: image.type,
      width: image.width,
      height: image.height,
      url: urlFor(record.id, VARIANT_NAMES[image.type as ImageType]),
    };
    if (image.size !== undefined) entry.size = image.size;
    return entry;
  });
  const message: ViewerMessage = {
    id: record.id,
    msgID: record.msgID,
    timestamp: record.timestamp,
    sender: record.sender,
    isSelf: record.sender === viewer,
    status: MESSAGE_STATUS_SEND_SUCC,
    elemType: ELEM_TYPE_IMAGE,
    seq: String(record.seq),
    conversationID: conversationIdFor(record, viewer),
    imageElem: {
      imageList,
      ...(record.placeholder !== undefined && { placeholder: record.placeholder }),
      ...(record.description !== undefined && { description: record.description }),
    },
  };
  const nickName = nickNameOf(record.sender);
  if (nickName !== undefined) message.nickName = nickName;
  if (record.groupID !== undefined) {
    message.groupID = record.groupID;
    if (record.receiver !== undefined) message.userID = record.receiver;
  } else {
    message.userID = record.sender === viewer ? record.receiver : record.sender;
  }
  if (record.cloudCustomData !== undefined) message.cloudCustomData = record.cloudCustomData;
  if (record.priority !== undefined) message.priority = record.priority;
  return message;
}
