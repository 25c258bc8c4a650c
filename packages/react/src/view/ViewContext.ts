import type { V2TimImage, V2TimMessage } from '@image-message/core';
import { type RefCallback, type RefObject, useContext } from 'react';
import { createNamedContext } from '../createNamedContext';
import type { ImageMessageViewStrings } from '../i18n/types';

/** What a view shows: a send in progress or failed, else how its image load is going. */
export type ImageMessageViewState = 'loading' | 'loaded' | 'error' | 'sending' | 'failed';

/** What every `<ImageMessageView>` part reads: one message's image, its state and its actions. */
export interface ImageMessageViewContextValue {
  message: V2TimMessage;
  strings: ImageMessageViewStrings;
  /** The locale tag texts and times are formatted in (`en-US` or `zh-CN`). */
  localeTag: string;
  /** What names this image in controls ("beach.jpg", "from Alice, 10:42"). */
  name: string;
  /** The sender's description of the image (its alt text), when there is one: it names the image then. */
  description?: string;
  state: ImageMessageViewState;
  /** True once an image (the variant or the local preview) has loaded: the placeholder fades then. */
  imageLoaded: boolean;
  /** Upload progress 0–100 while sending. */
  progress: number;
  /** Set when the last send was canceled rather than failed. */
  canceled: boolean;
  /** The image the box shows now (a variant, the ORIGIN, or the local preview), or none yet. */
  src?: string;
  /** The entry `src` comes from. */
  image?: V2TimImage;
  origin?: V2TimImage;
  /** Width / height of the box. */
  ratio: number;
  /** The image's own width and height (ORIGIN). */
  width: number;
  height: number;
  placeholderUrl?: string;
  /** Measures the box (the Root's ref). */
  measureRef: RefCallback<HTMLElement>;
  onImageLoad: () => void;
  onImageError: () => void;
  /** A new request for a failed load (cache-busting). */
  reload: () => void;
  /** Stops the send; undefined when nothing can. */
  cancel?: () => void;
  /** Sends again; undefined when nothing can. */
  retry?: () => void;
  /** Opens the viewer at this image. */
  openViewer: () => void;
  /** Starts loading the viewer's code (on hover or focus), so opening is instant. */
  preloadViewer: () => void;
  viewerOpen: boolean;
  closeViewer: () => void;
  /** The element focus returns to when the viewer closes (the open button). */
  openerRef: RefObject<HTMLButtonElement | null>;
  /** Element ids shared between parts. */
  ids: { status: string };
  /** The image messages the viewer pages through, and where this one is among them. */
  gallery: readonly V2TimMessage[];
  galleryIndex: number;
  /** How controls name another message of the gallery. */
  nameOf: (message: V2TimMessage) => string;
}

export const ImageMessageViewContext =
  /* @__PURE__ */ createNamedContext<ImageMessageViewContextValue | null>('ImageMessageViewContext', null);

/**
 * The state and actions of the enclosing `<ImageMessageView.Root>`, for parts of your own.
 *
 * @example
 * function Size() {
 *   const { width, height } = useImageMessageView('Size');
 *   return <span>{width} × {height}</span>;
 * }
 */
export function useImageMessageView(partName: string): ImageMessageViewContextValue {
  const value = useContext(ImageMessageViewContext);
  if (!value) throw new Error(`<ImageMessageView.${partName}> must be inside <ImageMessageView.Root>.`);
  return value;
}
