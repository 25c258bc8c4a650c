import { describe, expect, it } from 'vitest';
import { formatBytes, IMAGE_MAX_BYTES } from '../src';

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [512, '512 bytes'],
    [1536, '1.5 KB'],
    [IMAGE_MAX_BYTES, '28 MB'],
    [20 * 1024 * 1024, '20 MB'],
    [5.25 * 1024 * 1024, '5.2 MB'],
    [9.99 * 1024 * 1024, '9.9 MB'],
    [31.9 * 1024 * 1024, '31 MB'],
  ])('formats %i bytes as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
