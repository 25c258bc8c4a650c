import type { AcceptedFormat } from './signatures';

/** THUMB (1) and LARGE (2) and their shorter sides in pixels, as the SDK defines them. */
export const VARIANTS = [
  { type: 1, name: 'thumb', shortSide: 198 },
  { type: 2, name: 'large', shortSide: 720 },
] as const;

export type VariantName = 'origin' | (typeof VARIANTS)[number]['name'];

export const VARIANT_TYPES: Readonly<Record<VariantName, number>> = { origin: 0, thumb: 1, large: 2 };
export const VARIANT_NAMES: Readonly<Record<number, VariantName>> = { 0: 'origin', 1: 'thumb', 2: 'large' };

/**
 * The SDK's rule, as core's `variantDimensions` states it (repeated: the server may not import core at
 * run time; a test compares the two): scale so the shorter side is `shortSide`, or keep the original
 * when it is already that small. The variant is resized to exactly these numbers, so what a message
 * states is what its file has.
 */
export function variantDimensions(width: number, height: number, shortSide: number) {
  const shorter = Math.min(width, height);
  if (shorter <= shortSide) return { width, height };
  const scale = shortSide / shorter;
  return {
    width: width <= height ? shortSide : Math.round(width * scale),
    height: height < width ? shortSide : Math.round(height * scale),
  };
}

/** The format a variant is written in: the original's, except BMP (sharp cannot write it; PNG is lossless). */
export function variantFormat(format: AcceptedFormat): 'jpeg' | 'png' | 'gif' | 'webp' {
  return format === 'bmp' ? 'png' : format;
}

export const EXTENSIONS: Readonly<Record<AcceptedFormat, string>> = {
  jpeg: 'jpg',
  png: 'png',
  gif: 'gif',
  webp: 'webp',
  bmp: 'bmp',
};
