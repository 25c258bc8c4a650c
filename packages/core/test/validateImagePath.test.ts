import { describe, expect, it } from 'vitest';
import { ErrorCode, validateImagePath } from '../src';

describe('validateImagePath', () => {
  it.each([
    'http://example.com/a.png',
    'https://example.com/a.png',
    'HTTPS://EXAMPLE.COM/A.PNG',
    'ftp://example.com/a.png',
    '//example.com/a.png',
    '\\\\server\\share\\a.png',
    'data:image/png;base64,iVBORw0KGgo=',
    'javascript:alert(1)',
    '  https://example.com/a.png',
  ])('refuses %s with INVALID_IMAGE_PATH (20001)', (path) => {
    expect(validateImagePath(path)).toMatchObject({ ok: false, code: ErrorCode.INVALID_IMAGE_PATH });
  });

  it.each([
    '/sdcard/DCIM/a.jpg',
    'C:\\photos\\a.jpg',
    'file:///tmp/a.png',
    'blob:http://localhost/1234',
    'a.png',
  ])('accepts the local path %s', (path) => {
    expect(validateImagePath(path)).toEqual({ ok: true });
  });

  it.each(['', '   ', undefined, 42])(
    'refuses an empty or non-string path (%j) with INVALID_PARAMETERS',
    (path) => {
      expect(validateImagePath(path)).toMatchObject({ ok: false, code: ErrorCode.INVALID_PARAMETERS });
    },
  );
});
