import { describe, expect, it } from 'vitest';
import { fileToImageMessageParams } from '../src';
import { fixture } from './fixtures';

describe('fileToImageMessageParams', () => {
  it('returns the bytes, a sanitized name and a blob: imagePath', async () => {
    const bytes = fixture('photo.jpg');
    const params = await fileToImageMessageParams(
      new File([bytes], '../secret/\u202Eholiday.jpg', { type: 'image/jpeg' }),
    );
    expect(params.fileContent).toEqual(bytes);
    expect(params.fileName).toBe('holiday.jpg');
    expect(params.imagePath).toMatch(/^blob:/);
  });
});
