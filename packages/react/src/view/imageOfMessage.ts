import {
  cleanDescription,
  findOriginImage,
  pickImageVariant,
  type V2TimImage,
  type V2TimMessage,
} from '@image-message/core';

/** The rendered size of a view's box, in CSS pixels. */
export interface BoxSize {
  width: number;
  height: number;
}

/** The box never gets flatter or narrower than this (a 40:1 panorama would be a line): past it, cover-crop. */
export const MAX_BOX_RATIO = 4;

/**
 * `imageElem.description`: the sender's description of the image (its alt text), the library's second
 * addition. Cleaned again (a message from an app's cache or another client may carry a bidi override).
 */
export function descriptionOf(message: V2TimMessage): string | undefined {
  const description = message.imageElem?.description;
  return typeof description === 'string' ? cleanDescription(description) || undefined : undefined;
}

/** `imageElem.placeholder`: the library's first addition to the SDK's image element (a base64 ThumbHash). */
export function placeholderOf(message: V2TimMessage): string | undefined {
  const placeholder = message.imageElem?.placeholder;
  return typeof placeholder === 'string' && placeholder !== '' ? placeholder : undefined;
}

/** The ORIGIN entry, which states the image's true width and height. */
export function originOf(message: V2TimMessage): V2TimImage | undefined {
  return findOriginImage(message.imageElem?.imageList) ?? message.imageElem?.imageList?.[0];
}

/** The image's own width and height (ORIGIN first, else any entry that states them; a square otherwise). */
export function intrinsicSize(message: V2TimMessage): BoxSize {
  const list = message.imageElem?.imageList ?? [];
  const sized = [originOf(message), ...list].find((image) => image?.width && image.height);
  return { width: sized?.width ?? 1, height: sized?.height ?? 1 };
}

/** The box's width / height: the image's, clamped to 1:4 … 4:1. */
export function boxRatio(size: BoxSize): number {
  return Math.min(MAX_BOX_RATIO, Math.max(1 / MAX_BOX_RATIO, size.width / size.height));
}

/**
 * The shorter side, in image pixels, an image needs so that drawn into `box` (object-fit: cover) on a
 * screen of `devicePixelRatio` every device pixel has an image pixel.
 */
export function requiredShortSide(image: BoxSize, box: BoxSize, devicePixelRatio: number): number {
  const scale = Math.max(box.width / image.width, box.height / image.height);
  return Math.ceil(Math.min(image.width, image.height) * scale * devicePixelRatio);
}

/**
 * The smallest image of the message that covers `box` at `devicePixelRatio` (THUMB, LARGE, or ORIGIN
 * only when nothing smaller will do), chosen by dimensions through core's `pickImageVariant`.
 *
 * @example chooseImageVariant(message, { width: 240, height: 180 }, 2) // LARGE of a 4000 × 3000 photo
 */
export function chooseImageVariant(
  message: V2TimMessage,
  box: BoxSize,
  devicePixelRatio: number,
): V2TimImage | undefined {
  const need = requiredShortSide(intrinsicSize(message), box, devicePixelRatio);
  return pickImageVariant(message.imageElem?.imageList, need);
}

/** The file name, when the message still carries one: a local path's last part (never a URL's). */
export function fileNameOf(message: V2TimMessage): string | undefined {
  const path = message.imageElem?.path;
  if (!path || /^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) return undefined;
  return path.split(/[\\/]/).pop() || undefined;
}

/** The same URL with a `im-retry` parameter, so a second try is a new request, not the cached failure. */
export function withRetryParam(url: string, attempt: number): string {
  if (attempt === 0 || url.startsWith('blob:') || url.startsWith('data:')) return url;
  const hash = url.indexOf('#');
  const [base, fragment] = hash === -1 ? [url, ''] : [url.slice(0, hash), url.slice(hash)];
  return `${base}${base.includes('?') ? '&' : '?'}im-retry=${attempt}${fragment}`;
}

/** A message's identity in a list: the local id, else the server's. */
export const messageKey = (message: V2TimMessage) => message.id ?? message.msgID;

/** The image messages of a conversation, in order: what the viewer pages through. */
export function imageMessagesOf(conversation: readonly V2TimMessage[]): V2TimMessage[] {
  return conversation.filter(
    (message) => message.elemType === 3 && (message.imageElem?.imageList?.length ?? 0) > 0,
  );
}
