import { describe, expect, it } from 'vitest';
import { formatBytes, IMAGE_MAX_BYTES } from '../src';

const MiB = 1024 * 1024;

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [1536, '1.5 KB'],
    [IMAGE_MAX_BYTES, '28 MB'],
    [20 * MiB, '20 MB'],
    [5.25 * MiB, '5.2 MB'],
    [9.99 * MiB, '9.9 MB'],
    [31.9 * MiB, '31 MB'],
    [IMAGE_MAX_BYTES + 1, '28 MB'],
  ])('formats a limit of %i bytes as %s, rounding down', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it.each([
    [512, '512 B'],
    [IMAGE_MAX_BYTES, '28 MB'],
    [IMAGE_MAX_BYTES + 1, '28.1 MB'],
    [21 * MiB, '21 MB'],
    [5.21 * MiB, '5.3 MB'],
    [40.01 * MiB, '40.1 MB'],
  ])('formats a size over a limit, %i bytes, as %s, rounding up', (bytes, text) => {
    expect(formatBytes(bytes, 'up')).toBe(text);
  });

  it('never shows a size over the limit as equal to the limit', () => {
    for (const limit of [IMAGE_MAX_BYTES, 20 * MiB, 1024 * 1024 * 3 + 17, 1000]) {
      for (const over of [1, 2, 100, 1023]) {
        expect(formatBytes(limit + over, 'up')).not.toBe(formatBytes(limit));
      }
    }
  });
});
