import { type AcceptedImageFormat, ImageType, RESIZED_VARIANTS } from '@image-message/core';

/** Each image type's name in file names and download URLs. */
export const VARIANT_NAMES = {
  [ImageType.ORIGIN]: 'origin',
  [ImageType.THUMB]: 'thumb',
  [ImageType.LARGE]: 'large',
} as const;
export type VariantName = (typeof VARIANT_NAMES)[keyof typeof VARIANT_NAMES];
export const VARIANT_TYPES: Readonly<Record<VariantName, ImageType>> = {
  origin: ImageType.ORIGIN,
  thumb: ImageType.THUMB,
  large: ImageType.LARGE,
};

/** THUMB and LARGE with their shorter sides (core's `RESIZED_VARIANTS`) and names. */
export const VARIANTS = RESIZED_VARIANTS.map((variant) => ({
  ...variant,
  name: VARIANT_NAMES[variant.type],
}));

/** The format a variant is written in: the original's, except BMP (sharp cannot write it; PNG is lossless). */
export function variantFormat(format: AcceptedImageFormat): Exclude<AcceptedImageFormat, 'bmp'> {
  return format === 'bmp' ? 'png' : format;
}

export const EXTENSIONS: Readonly<Record<AcceptedImageFormat, string>> = {
  jpeg: 'jpg',
  png: 'png',
  gif: 'gif',
  webp: 'webp',
  bmp: 'bmp',
};
