export {
  IMAGE_MAX_BYTES,
  IMAGE_VARIANT_SHORT_SIDE,
  ImageType,
  MessageElemType,
  MessagePriority,
  MessageStatus,
} from './constants';
export { createDraftList, type DraftList } from './drafts/createDraftList';
export type {
  AddFilesResult,
  DraftListOptions,
  DraftListSnapshot,
  DraftStatus,
  ImageDraft,
  ImageFileValidator,
  ImageRejection,
} from './drafts/types';
export {
  createAbortError,
  type ErrorCategory,
  ErrorCode,
  type ErrorCodeName,
  errorCategory,
  ImageMessageError,
  isAbortError,
  isRejectionCode,
  type RejectionCode,
} from './errors';
export { formatBytes } from './format/formatBytes';
export type { ImageByteSource } from './image/byteSource';
export type { AcceptedImageFormat, RefusedImageFormat } from './image/formats/format';
export { IMAGE_HEAD_BYTES, IMAGE_MIME_TYPES } from './image/formats/format';
export {
  IMAGE_PLACEHOLDER_MAX_BYTES,
  IMAGE_PLACEHOLDER_MAX_LENGTH,
  isImagePlaceholder,
} from './image/imagePlaceholder';
export {
  findOriginImage,
  pickImageVariant,
  RESIZED_VARIANTS,
  variantDimensions,
} from './image/imageVariants';
export {
  type ImageInfo,
  type ReadImageInfoResult,
  readImageInfo,
  readImageInfoFrom,
} from './image/readImageInfo';
export { MAX_FILE_NAME_LENGTH, sanitizeFileName } from './image/sanitizeFileName';
export { sameAddress } from './manager/address';
export { createMessageId } from './manager/createMessageId';
export {
  createMessageManager,
  type MessageManager,
  type MessageManagerOptions,
} from './manager/createMessageManager';
export {
  canSend,
  initialSendState,
  type SendAction,
  type SendState,
  type SendStatus,
  sendReducer,
} from './manager/sendState';
export type {
  ConversationTarget,
  CreateImageMessageParams,
  SendMessageParams,
  V2TimAdvancedMsgListener,
} from './manager/types';
export type {
  MessageStore,
  StoredImageMessage,
  StoredMessageChanges,
  StoredMessageStatus,
} from './persist/types';
export { placeholderToDataUrl } from './prepare/placeholderToDataUrl';
export { prepareImageFile } from './prepare/prepareImageFile';
export { type StripMetadataOptions, stripMetadata } from './prepare/stripMetadata';
export type { PreparedImage, PrepareImageOptions } from './prepare/types';
export { type StallWatchdog, startStallWatchdog } from './transport/http/stallWatchdog';
export { HttpNetworkError, type HttpReply, type HttpSender, type HttpUpload } from './transport/http/types';
export { createHttpTransport, type HttpTransportOptions } from './transport/httpTransport';
export {
  createMemoryTransport,
  type MemoryTransport,
  type MemoryTransportAttempt,
  type MemoryTransportFailure,
  type MemoryTransportMessage,
  type MemoryTransportOptions,
  type MemoryTransportStall,
} from './transport/memoryTransport';
export { raceAbort } from './transport/raceAbort';
export {
  type ImageSendOptions,
  type ImageSendRequest,
  type ImageSendResult,
  type ImageTransport,
  imageBody,
  imageSize,
} from './transport/transport';
export type { UploadUrlStore } from './transport/tus/uploadUrlStore';
export type {
  V2TimImage,
  V2TimImageElem,
  V2TimMessage,
  V2TimMsgCreateInfoResult,
  V2TimOfflinePushInfo,
  V2TimValueCallback,
} from './types';
export {
  checkDescription,
  cleanDescription,
  DESCRIPTION_MAX_LENGTH,
  type DescriptionCheck,
} from './validation/checkDescription';
export type { ImageBytesCheck } from './validation/checkImageBytes';
export { checkImageSize, type ImageSizeCheck } from './validation/checkImageSize';
export { validateImageBytes } from './validation/validateImageBytes';
export { type PathCheck, validateImagePath } from './validation/validateImagePath';
export { fileToImageMessageParams, type ImageMessageParams } from './web/fileToImageMessageParams';
export { countOwnedObjectUrls } from './web/objectUrls';
