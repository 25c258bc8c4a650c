import { describe, expect, it } from 'vitest';
import { findOriginImage, ImageType, pickImageVariant, variantDimensions } from '../src';

describe('variantDimensions', () => {
  it('scales the shorter side to the variant size', () => {
    expect(variantDimensions(4000, 3000, 198)).toEqual({ width: 264, height: 198 });
    expect(variantDimensions(3000, 4000, 720)).toEqual({ width: 720, height: 960 });
  });

  it('keeps an image whose shorter side is already at or below the variant size', () => {
    expect(variantDimensions(150, 900, 198)).toEqual({ width: 150, height: 900 });
    expect(variantDimensions(198, 198, 198)).toEqual({ width: 198, height: 198 });
  });
});

describe('pickImageVariant', () => {
  const list = [
    { type: ImageType.LARGE, width: 960, height: 720, url: 'large' },
    { type: ImageType.ORIGIN, width: 4000, height: 3000, url: 'origin' },
    { type: ImageType.THUMB, width: 264, height: 198, url: 'thumb' },
  ];

  it('picks by dimensions, whatever the order of the list', () => {
    expect(pickImageVariant(list, 150)?.url).toBe('thumb');
    expect(pickImageVariant(list, 400)?.url).toBe('large');
    expect(pickImageVariant(list, 2000)?.url).toBe('origin');
    expect(pickImageVariant(list, 99999)?.url).toBe('origin');
  });

  it('finds the origin by type', () => {
    expect(findOriginImage(list)?.url).toBe('origin');
  });
});
