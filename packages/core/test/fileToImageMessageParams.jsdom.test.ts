// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fileToImageMessageParams } from '../src';

const PNG_1X1 = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (char) => char.charCodeAt(0),
);

describe('fileToImageMessageParams in a jsdom without Blob.arrayBuffer (jest-environment-jsdom 30)', () => {
  it('reads the bytes through FileReader', async () => {
    const file = new File([PNG_1X1], 'dot.png', { type: 'image/png' });
    Object.defineProperty(file, 'arrayBuffer', { value: undefined });
    const params = await fileToImageMessageParams(file);
    expect(params.fileContent).toEqual(PNG_1X1);
    expect(params.fileName).toBe('dot.png');
  });
});
