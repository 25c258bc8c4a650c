import { createImageFile, type TestImageFormat } from '@image-message/react/testing';
import { describe, expect, it } from 'vitest';

/** Decodes `file` with the browser's own decoder and returns the alpha of a few spread-out pixels. */
async function decodedAlphas(file: File) {
  const bitmap = await createImageBitmap(file);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
  context.drawImage(bitmap, 0, 0);
  const points = [
    [0, 0],
    [bitmap.width - 1, bitmap.height - 1],
    [Math.floor(bitmap.width / 2), Math.floor(bitmap.height / 2)],
    [bitmap.width - 1, 0],
  ];
  return {
    width: bitmap.width,
    height: bitmap.height,
    alphas: points.map(([x, y]) => context.getImageData(x as number, y as number, 1, 1).data[3]),
  };
}

describe('the testing kit makes images every engine decodes whole', () => {
  it.each(
    (['png', 'jpeg', 'gif', 'bmp', 'webp'] as TestImageFormat[]).flatMap((format) =>
      [
        [64, 48],
        [480, 270],
        [4032, 3024],
      ].map(([width, height]) => [format, width, height] as const),
    ),
  )('%s %i×%i decodes to its size with every pixel painted', async (format, width, height) => {
    const decoded = await decodedAlphas(createImageFile({ format, width, height }));
    expect(decoded).toEqual({ width, height, alphas: [255, 255, 255, 255] });
  });
});
