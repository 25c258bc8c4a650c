import type { ImageSendResult, V2TimMessage } from '@image-message/core';
import type { TencentMessage } from '../sdk/tencentSdk';
import { toV2TimMessage } from './toV2TimMessage';

/**
 * What the manager merges into its message once the SDK has sent it. Addressing (`userID`, `groupID`),
 * `status` and `progress` stay the manager's: it set them from the request, and for a targeted group
 * message the SDK keeps the receiver in a private field.
 *
 * @example toSendResult(sentMessage).msgID === sentMessage.ID
 */
export function toSendResult(message: TencentMessage): ImageSendResult {
  const {
    msgID,
    timestamp,
    sender,
    imageElem,
    userID: _userID,
    groupID: _groupID,
    status: _status,
    elemType: _elemType,
    ...rest
  } = toV2TimMessage(message);
  const extra: Partial<V2TimMessage> = rest;
  return {
    msgID: msgID ?? '',
    // The SDK stamps `time` with the server's time on success; fall back to now rather than 0.
    timestamp: timestamp ?? Math.floor(Date.now() / 1000),
    sender: sender ?? '',
    imageList: imageElem?.imageList ?? [],
    extra,
  };
}
