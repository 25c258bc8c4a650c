import { ImageType, type V2TimMessage, variantDimensions } from '@image-message/core';
import { rgbaToThumbHash } from 'thumbhash';
import { paintImageFile } from './paintImageFile';

export interface PaintedMessageOptions {
  id: string;
  width: number;
  height: number;
  hue?: number;
  sender?: string;
  nickName?: string;
  isSelf?: boolean;
  /** Attach a ThumbHash as `imageElem.placeholder` (default true). */
  placeholder?: boolean;
  /** Seconds since the epoch. */
  timestamp?: number;
}

/** A ThumbHash (base64) of `file`, drawn at most 100 px on its longer side as the algorithm expects. */
async function thumbHashOf(file: File): Promise<string> {
  const bitmap = await createImageBitmap(file);
  const scale = 100 / Math.max(bitmap.width, bitmap.height);
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
  context.drawImage(bitmap, 0, 0, width, height);
  const { data } = context.getImageData(0, 0, width, height);
  return btoa(String.fromCharCode(...rgbaToThumbHash(width, height, data)));
}

/**
 * A delivered image message as a server returns it, with real images behind `blob:` URLs: the ORIGIN,
 * and THUMB (shorter side 198) and LARGE (720) painted at the SDK's sizes, so the view's choice of
 * variant shows in the picture (each says its own size).
 */
export async function paintedMessage(options: PaintedMessageOptions): Promise<V2TimMessage> {
  const { id, width, height, hue = 210, sender = 'alice', nickName = 'Alice', isSelf = false } = options;
  const entry = async (type: number, size: { width: number; height: number }) => {
    const file = await paintImageFile({ name: `${id}-${type}.jpg`, ...size, hue, type: 'image/jpeg' });
    return { file, image: { type, ...size, size: file.size, url: URL.createObjectURL(file) } };
  };
  const origin = await entry(ImageType.ORIGIN, { width, height });
  const thumb = await entry(ImageType.THUMB, variantDimensions(width, height, 198));
  const large = await entry(ImageType.LARGE, variantDimensions(width, height, 720));
  const placeholder = options.placeholder === false ? undefined : await thumbHashOf(thumb.file);
  return {
    id,
    msgID: `msg-${id}`,
    elemType: 3,
    status: 2,
    sender,
    nickName,
    isSelf,
    timestamp: options.timestamp ?? 1_764_756_000,
    imageElem: {
      imageList: [origin.image, thumb.image, large.image],
      ...(placeholder && { placeholder }),
    } as V2TimMessage['imageElem'],
  };
}

/** Photos as a chat has them: landscape, portrait, a panorama, a tall screenshot and a tiny sticker. */
export const MIXED_SHAPES = [
  { id: 'landscape', width: 1600, height: 1200, hue: 210 },
  { id: 'portrait', width: 1080, height: 1920, hue: 330, isSelf: true, sender: 'me', nickName: 'Me' },
  { id: 'panorama', width: 4000, height: 900, hue: 150 },
  { id: 'screenshot', width: 1170, height: 2532, hue: 40, isSelf: true, sender: 'me', nickName: 'Me' },
  { id: 'tiny', width: 48, height: 48, hue: 270 },
] as const;

export const paintedConversation = () => Promise.all(MIXED_SHAPES.map((shape) => paintedMessage(shape)));
