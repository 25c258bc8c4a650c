export { TENCENT_IMAGE_MAX_BYTES } from './constants';
export { TencentErrorCode } from './errors/tencentErrorCodes';
export { IMAGE_MESSAGE_CUSTOM_DATA_KEY } from './mapping/cloudCustomDataEntry';
export { toImageList } from './mapping/toImageList';
export { toV2TimMessage } from './mapping/toV2TimMessage';
export type {
  TencentChat,
  TencentImageInfo,
  TencentImagePayload,
  TencentMessage,
  TencentMessageOptions,
} from './sdk/tencentSdk';
export {
  createTencentChatTransport,
  type TencentChatTransport,
  type TencentChatTransportOptions,
  type TencentMessageEvent,
} from './transport/createTencentChatTransport';
