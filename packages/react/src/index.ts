export { type ComposerContextValue, useComposer, useDraft } from './composer/ComposerContext';
export { ImageMessageComposer, type ImageMessageComposerProps } from './composer/ImageMessageComposer';
export type { DraftAddressProps } from './composer/parts/DraftAddress';
export type { DraftButtonProps } from './composer/parts/DraftButtons';
export type { DraftErrorProps } from './composer/parts/DraftError';
export type { DropzoneProps } from './composer/parts/Dropzone';
export type { DropzoneButtonProps } from './composer/parts/DropzoneButton';
export type { DropzoneInputProps } from './composer/parts/DropzoneInput';
export type { OriginalSwitchProps } from './composer/parts/OriginalSwitch';
export type { PreviewProps } from './composer/parts/Preview';
export type { PreviewImageProps } from './composer/parts/PreviewImage';
export type { PreviewInfoProps } from './composer/parts/PreviewInfo';
export type { PreviewsProps } from './composer/parts/Previews';
export type { ProgressProps } from './composer/parts/Progress';
export type { RejectionProps, RejectionsProps } from './composer/parts/Rejections';
export type { RootProps } from './composer/parts/Root';
export type { SendButtonProps } from './composer/parts/SendButton';
export type { StatusProps } from './composer/parts/Status';
export type { StorageAlertProps } from './composer/parts/StorageAlert';
export type { ComposerOptions } from './composer/useComposerState';
export { IMAGE_ACCEPT } from './composer/useComposerState';
export { filesFromClipboard, usePasteImages } from './composer/usePasteImages';
export { useImageMessageManager } from './ImageMessageContext';
export { ImageMessageProvider, type ImageMessageProviderProps } from './ImageMessageProvider';
export { enUS, enUSView } from './i18n/en-US';
export { locales, resolveStrings, resolveViewStrings } from './i18n/resolveStrings';
export type {
  ImageMessageLocale,
  ImageMessageStrings,
  ImageMessageStringsOverride,
  ImageMessageViewStrings,
  ImageNameParams,
  MessageParams,
} from './i18n/types';
export { zhCN, zhCNView } from './i18n/zh-CN';
export { applySendState, patchMessage, removeUnsent, upsertMessage } from './messageCache';
export type { SendImageOptions, SendImageVariables } from './sendImageTypes';
export {
  type UseCreateImageMessageOptions,
  type UseCreateImageMessageResult,
  useCreateImageMessage,
} from './useCreateImageMessage';
export { type UseSendMessageOptions, type UseSendMessageResult, useSendMessage } from './useSendMessage';
export { useSendState } from './useSendState';
// Showing image messages: tree-shaken away from an app that only sends.
export { ImageMessageView, type ImageMessageViewProps } from './view/ImageMessageView';
export { type BoxSize, chooseImageVariant } from './view/imageOfMessage';
export type { ViewActionButtonProps } from './view/parts/ActionButtons';
export { DropOverlay, type DropOverlayProps } from './view/parts/DropOverlay';
export type { ImageProps as ImageMessageViewImageProps } from './view/parts/Image';
export type { OpenButtonProps } from './view/parts/OpenButton';
export type { OriginLinkProps } from './view/parts/OriginLink';
export type { OverlayProps } from './view/parts/Overlay';
export type { ViewProgressProps } from './view/parts/Progress';
export type { RootProps as ImageMessageViewRootProps } from './view/parts/Root';
export type { ViewStatusProps } from './view/parts/Status';
export type { ViewerProps } from './view/parts/Viewer';
export { type DropDragState, useImageDrop } from './view/useImageDrop';
export type { ImageMessageViewOptions } from './view/useImageMessageViewState';
export {
  type ImageMessageViewContextValue,
  type ImageMessageViewState,
  useImageMessageView,
} from './view/ViewContext';
export type { MessageListUpdate, UpdateMessages } from './writeMessages';
