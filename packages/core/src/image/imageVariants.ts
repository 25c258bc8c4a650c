import { IMAGE_VARIANT_SHORT_SIDE, ImageType } from '../constants';
import type { V2TimImage } from '../types';

/**
 * The size of a resized variant by the SDK's rule: scale so the shorter side is `shortSide`, unless the
 * image is already that small, in which case the variant is the original.
 *
 * @example variantDimensions(4000, 3000, 198) // { width: 264, height: 198 }
 */
export function variantDimensions(
  width: number,
  height: number,
  shortSide: number,
): { width: number; height: number } {
  const shorter = Math.min(width, height);
  if (shorter <= shortSide) return { width, height };
  const scale = shortSide / shorter;
  return {
    width: width <= height ? shortSide : Math.round(width * scale),
    height: height < width ? shortSide : Math.round(height * scale),
  };
}

/** The variant types and their shorter sides, smallest first. */
export const RESIZED_VARIANTS = [
  { type: ImageType.THUMB, shortSide: IMAGE_VARIANT_SHORT_SIDE[ImageType.THUMB] },
  { type: ImageType.LARGE, shortSide: IMAGE_VARIANT_SHORT_SIDE[ImageType.LARGE] },
] as const;

/**
 * Picks the smallest image in `imageList` whose shorter side covers `minShortSide` display pixels,
 * judging by dimensions, not by index or type (services order the list differently). Falls back to the
 * largest image.
 *
 * @example pickImageVariant(message.imageElem?.imageList, 198 * devicePixelRatio)
 */
export function pickImageVariant(
  imageList: readonly V2TimImage[] | undefined,
  minShortSide: number,
): V2TimImage | undefined {
  const usable = (imageList ?? []).filter((image) => image.url && image.width && image.height);
  if (usable.length === 0) return imageList?.find((image) => image.url);
  const short = (image: V2TimImage) => Math.min(image.width ?? 0, image.height ?? 0);
  const sorted = [...usable].sort((a, b) => short(a) - short(b));
  return sorted.find((image) => short(image) >= minShortSide) ?? sorted[sorted.length - 1];
}

/** The ORIGIN entry of an image list, found by type (falls back to the largest). */
export function findOriginImage(imageList: readonly V2TimImage[] | undefined): V2TimImage | undefined {
  return imageList?.find((image) => image.type === ImageType.ORIGIN) ?? pickImageVariant(imageList, Infinity);
}
