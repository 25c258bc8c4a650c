import type { V2TimMessage } from '@image-message/core';
import { rgbaToThumbHash } from 'thumbhash';

/** A delivered image message as a server returns it: ORIGIN plus THUMB (198) and LARGE (720) variants. */
export function sentImageMessage(
  id: string,
  width: number,
  height: number,
  extra: Partial<V2TimMessage> = {},
): V2TimMessage {
  const variant = (type: number, shortSide: number) => {
    const scale = Math.min(1, shortSide / Math.min(width, height));
    return {
      type,
      width: Math.round(width * scale),
      height: Math.round(height * scale),
      url: `https://img.test/${id}/${['origin', 'thumb', 'large'][type]}`,
    };
  };
  return {
    id,
    msgID: `msg-${id}`,
    elemType: 3,
    status: 2,
    sender: 'alice',
    nickName: 'Alice',
    imageElem: {
      imageList: [{ ...variant(0, Infinity), size: width * height }, variant(1, 198), variant(2, 720)],
    },
    ...extra,
  };
}

/** A real ThumbHash (base64) of a small two-colour image, as the prepare step would attach it. */
export function thumbHashOf(width = 32, height = 24): string {
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i += 1) {
    const left = i % width < width / 2;
    rgba.set(left ? [30, 120, 220, 255] : [240, 170, 40, 255], i * 4);
  }
  return btoa(String.fromCharCode(...rgbaToThumbHash(width, height, rgba)));
}
