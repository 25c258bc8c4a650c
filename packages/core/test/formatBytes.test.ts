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
    // The largest size under a round bound reads as that bound: Tencent's Web SDK sends files under 20 MiB.
    [20 * MiB - 1, '20 MB'],
    [10 * MiB - 1, '10 MB'],
    [MiB - 1, '1 MB'],
    [1023, '1023 B'],
    [IMAGE_MAX_BYTES - 1, '28 MB'],
    [IMAGE_MAX_BYTES - 1025, '27 MB'],
  ])('formats a limit of %i bytes as %s, rounding down the first size it refuses', (bytes, text) => {
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

  it('never shows a size over the limit as less than the limit, and as equal only for the first size refused', () => {
    const shown = (text: string) => {
      const [value, unit] = text.split(' ');
      return Number(value) * 1024 ** ['B', 'KB', 'MB', 'GB'].indexOf(unit as string);
    };
    for (const limit of [IMAGE_MAX_BYTES, 20 * MiB - 1, 20 * MiB, 1024 * 1024 * 3 + 17, 1000, 5000]) {
      for (const over of [1, 2, 100, 1023, 4096]) {
        const size = formatBytes(limit + over, 'up');
        expect(shown(size)).toBeGreaterThanOrEqual(shown(formatBytes(limit)));
        if (size === formatBytes(limit)) expect(shown(size)).toBe(limit + 1);
      }
    }
    // 28 MiB + 1 byte is the first size refused, and reads more than the limit all the same.
    expect(formatBytes(IMAGE_MAX_BYTES + 1, 'up')).toBe('28.1 MB');
  });

  it.each([
    ['en-US', IMAGE_MAX_BYTES, 'down', '28\u00a0MB'],
    ['en-US', 1023, 'down', '1,023\u00a0B'],
    ['de-DE', IMAGE_MAX_BYTES + 1, 'up', '28,1\u00a0MB'],
    ['ar-EG', IMAGE_MAX_BYTES + 1, 'up', `${new Intl.NumberFormat('ar-EG').format(28.1)}\u00a0MB`],
    ['ja-JP', 5.25 * MiB, 'down', '5.2\u00a0MB'],
  ] as const)(
    'for a UI in %s writes %i bytes (%s) in its digits, joined to the unit by a no-break space',
    (locale, bytes, rounding, text) => {
      expect(formatBytes(bytes, rounding, locale)).toBe(text);
    },
  );

  it('keeps plain ASCII without a locale (the server quotes it in its English descriptions)', () => {
    expect(formatBytes(IMAGE_MAX_BYTES, 'down')).toBe('28 MB');
    expect(formatBytes(1023)).toBe('1023 B');
  });
});
