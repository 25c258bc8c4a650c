import { describe, expect, it } from 'vitest';
import { MAX_FILE_NAME_LENGTH, sanitizeFileName } from '../src';

describe('sanitizeFileName', () => {
  it.each([
    ['holiday.jpg', 'holiday.jpg'],
    ['../../etc/passwd.png', 'passwd.png'],
    ['C:\\Users\\me\\Desktop\\cat.PNG', 'cat.png'],
    ['a\u0000b\u0007c.gif', 'abc.gif'],
    ['\u202Egpj.exe', 'gpj.exe'],
    ['photo\u200B\u2066.jpg', 'photo.jpg'],
    ['...', 'image'],
    ['.hidden.png', 'hidden.png'],
    ['', 'image'],
    ['   spaced   out  .jpg', 'spaced out.jpg'],
    ['what?<>|*.png', 'what_____.png'],
    ['CON.jpg', '_CON.jpg'],
    ['archive.tar.gz', 'archive.tar.gz'],
    ['weird.ext with space', 'weird.ext with space'],
  ])('turns %j into %j', (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected);
  });

  it('caps a 1,000-character name and keeps its extension', () => {
    const result = sanitizeFileName(`${'x'.repeat(1000)}.jpeg`);
    expect(result.length).toBe(MAX_FILE_NAME_LENGTH);
    expect(result.endsWith('.jpeg')).toBe(true);
  });

  it('never splits an emoji when capping', () => {
    const result = sanitizeFileName(`${'😀'.repeat(200)}.png`);
    expect(result.length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
    expect(result).toMatch(/^(😀)+\.png$/u);
  });

  it('drops an extension that is not a short alphanumeric run', () => {
    expect(sanitizeFileName('photo.jp g')).toBe('photo.jp g');
    expect(sanitizeFileName('photo.verylongextension')).toBe('photo.verylongextension');
  });
});
