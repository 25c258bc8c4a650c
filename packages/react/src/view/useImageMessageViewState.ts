import { canSend, type MessageManager, placeholderToDataUrl, type V2TimMessage } from '@image-message/core';
import { useCallback, useContext, useId, useMemo, useRef, useState } from 'react';
import { ImageMessageContext } from '../ImageMessageContext';
import { resolveViewStrings } from '../i18n/resolveStrings';
import type { ImageMessageLocale, ImageMessageStringsOverride, ImageMessageViewStrings } from '../i18n/types';
import { useManagerSendState } from '../useSendState';
import {
  boxRatio,
  chooseImageVariant,
  descriptionOf,
  fileNameOf,
  imageMessagesOf,
  intrinsicSize,
  messageKey,
  originOf,
  placeholderOf,
  requiredShortSide,
  withRetryParam,
} from './imageOfMessage';

import { useBoxSize } from './useBoxSize';
import type { ImageMessageViewContextValue, ImageMessageViewState } from './ViewContext';
import { preloadImageViewer } from './viewer/LazyImageViewer';

export interface ImageMessageViewOptions {
  /** One image message, sent or received (`elemType` 3). */
  message: V2TimMessage;
  /** The conversation the viewer pages through with ←/→ (its image messages, in order). */
  conversation?: readonly V2TimMessage[];
  locale?: ImageMessageLocale | (string & {});
  /** Override any string (`{ view: { open: … } }`). */
  messages?: ImageMessageStringsOverride;
  /** Instead of sending again through the provider's manager. */
  onRetry?: (message: V2TimMessage) => void;
  /** Instead of canceling through the provider's manager. */
  onCancel?: (message: V2TimMessage) => void;
  /** The image failed to load (404, expired link): e.g. refetch the messages for fresh links. */
  onLoadError?: (message: V2TimMessage) => void;
}

const SENDING = 1;
const SEND_FAIL = 3;

/** One formatter per locale: making one costs far more than formatting with it, and lists have hundreds. */
const timeFormats = new Map<string, Intl.DateTimeFormat>();

function formatTime(timestamp: number | undefined, localeTag: string): string | undefined {
  if (!timestamp) return undefined;
  let format = timeFormats.get(localeTag);
  if (!format) {
    format = new Intl.DateTimeFormat(localeTag, { hour: '2-digit', minute: '2-digit' });
    timeFormats.set(localeTag, format);
  }
  return format.format(timestamp * 1000);
}

/**
 * Names a message's image for controls, in the view's locale: by its file name when the message or the
 * manager (which keeps the name of every image it sends) knows it, else by sender and time.
 */
function imageNamer(strings: ImageMessageViewStrings, localeTag: string, manager: MessageManager | null) {
  return (message: V2TimMessage) => {
    const send = message.id ? manager?.getSendState(message.id) : undefined;
    return strings.imageName({
      fileName: fileNameOf(message) ?? (send?.fileName || undefined),
      sender: message.nickName || message.sender,
      self: message.isSelf === true || send !== undefined,
      time: formatTime(message.timestamp, localeTag),
    });
  };
}

const hasUrl = (message: V2TimMessage) => message.imageElem?.imageList?.some((image) => image.url) ?? false;

/** All the behaviour of `<ImageMessageView.Root>`; the parts only render it. */
export function useImageMessageViewState(options: ImageMessageViewOptions): ImageMessageViewContextValue {
  const { message: given, conversation, locale, messages, onRetry, onCancel, onLoadError } = options;
  const manager = useContext(ImageMessageContext);
  const send = useManagerSendState(manager, given.id);
  // The app's copy wins once it has links (it may be fresher); until then the manager's (after a send
  // the manager's copy has the server's links before the app's cache does).
  const message = send && !hasUrl(given) && hasUrl(send.message) ? { ...given, ...send.message } : given;
  const strings = useMemo(() => resolveViewStrings(locale, messages), [locale, messages]);
  const localeTag = locale?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';
  const statusId = useId();

  const size = intrinsicSize(message);
  const origin = originOf(message);
  const placeholder = placeholderOf(message);
  const placeholderUrl = useMemo(
    () => (placeholder ? placeholderToDataUrl(placeholder) : undefined),
    [placeholder],
  );

  // Upgrade only: a box that shrinks keeps the image it has instead of fetching a smaller one.
  const [box, measureRef] = useBoxSize();
  const need = useRef({ key: messageKey(message), box });
  if (need.current.key !== messageKey(message)) need.current = { key: messageKey(message), box };
  const dpr = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  if (box) {
    const last = need.current.box;
    if (!last || requiredShortSide(size, box, dpr) > requiredShortSide(size, last, dpr))
      need.current.box = box;
  }
  const chosen = need.current.box ? chooseImageVariant(message, need.current.box, dpr) : undefined;
  const image = chosen?.url ? chosen : origin?.localUrl ? origin : undefined;
  const [attempt, setAttempt] = useState(0);
  const url = image?.url ?? image?.localUrl;
  const src = url ? withRetryParam(url, attempt) : undefined;

  // Load state of the current message: once shown, an upgrade to a larger variant keeps it shown.
  const [load, setLoad] = useState({ key: messageKey(message), loaded: false, failedSrc: '' });
  if (load.key !== messageKey(message)) setLoad({ key: messageKey(message), loaded: false, failedSrc: '' });
  const failed = load.failedSrc !== '' && load.failedSrc === src;

  const sendStatus = send?.status;
  const isSending = sendStatus ? sendStatus === 'sending' : message.status === SENDING;
  const sendFailed = sendStatus
    ? sendStatus === 'failed' || sendStatus === 'canceled'
    : message.status === SEND_FAIL;
  const state: ImageMessageViewState = isSending
    ? 'sending'
    : sendFailed
      ? 'failed'
      : failed || (need.current.box && !src)
        ? 'error'
        : load.loaded
          ? 'loaded'
          : 'loading';

  const latest = useRef({ message, onLoadError, src });
  latest.current = { message, onLoadError, src };
  const onImageLoad = useCallback(() => setLoad((last) => ({ ...last, loaded: true, failedSrc: '' })), []);
  const onImageError = useCallback(() => {
    const failedSrc = latest.current.src ?? '';
    setLoad((last) => ({ ...last, failedSrc }));
    latest.current.onLoadError?.(latest.current.message);
  }, []);

  const id = message.id;
  const canManagerSend = Boolean(manager && send && id && canSend(send));
  const retry = onRetry
    ? () => onRetry(message)
    : canManagerSend && manager && id
      ? () => {
          void manager.sendMessage({
            id,
            ...(message.userID && { receiver: message.userID }),
            ...(message.groupID && { groupID: message.groupID }),
          });
        }
      : undefined;
  const cancel = onCancel
    ? () => onCancel(message)
    : manager && id && sendStatus === 'sending'
      ? () => {
          manager.cancel(id);
        }
      : undefined;

  const [viewerOpen, setViewerOpen] = useState(false);
  const openerRef = useRef<HTMLButtonElement | null>(null);
  const gallery = useMemo(() => {
    const images = imageMessagesOf(conversation ?? []);
    return images.some((item) => messageKey(item) === messageKey(given)) ? images : [message];
  }, [conversation, given, message]);
  const nameOf = imageNamer(strings, localeTag, manager);

  return {
    message,
    strings,
    localeTag,
    name: nameOf(message),
    description: descriptionOf(message),
    state,
    imageLoaded: load.loaded && state !== 'error',
    progress: send?.progress ?? message.progress ?? 0,
    canceled: sendStatus === 'canceled',
    src,
    image,
    origin,
    ratio: boxRatio(size),
    width: size.width,
    height: size.height,
    placeholderUrl,
    measureRef,
    onImageLoad,
    onImageError,
    reload: () => {
      setAttempt((count) => count + 1);
      setLoad((last) => ({ ...last, loaded: false, failedSrc: '' }));
    },
    cancel: state === 'sending' ? cancel : undefined,
    retry: state === 'failed' ? retry : undefined,
    openViewer: () => setViewerOpen(true),
    preloadViewer: preloadImageViewer,
    viewerOpen,
    closeViewer: () => setViewerOpen(false),
    openerRef,
    ids: { status: statusId },
    gallery,
    galleryIndex: Math.max(
      0,
      gallery.findIndex((item) => messageKey(item) === messageKey(given)),
    ),
    nameOf,
  };
}
