import { readFile, rename, writeFile } from 'node:fs/promises';
import type { AcceptedImageFormat as AcceptedFormat } from '@image-message/core';
import { decode as decodeBmp } from 'bmp-ts';
import sharp, { type Sharp } from 'sharp';
import { variantFormat } from './variantPlan';

export interface VariantOutput {
  /** Final path; the file appears there only once complete (written beside, then renamed). */
  path: string;
  /** Where to write it first (same filesystem as `path`). */
  tempPath: string;
  width: number;
  height: number;
}

export interface RenderRequest {
  originPath: string;
  format: AcceptedFormat;
  /** EXIF orientation of a JPEG; the variants are turned upright by it. */
  orientation?: number;
  /** The original's size (a hand-decoded BMP is checked against it). */
  width: number;
  height: number;
  /** Resize every frame (animated GIF/WebP) rather than the first. */
  animated: boolean;
  /** Largest first: each smaller variant is made from the previous one, which is much faster. */
  outputs: VariantOutput[];
}

/**
 * Makes THUMB/LARGE files with sharp. Truncated or slightly damaged images still render what can be
 * decoded (`failOn: 'none'`), as browsers show them. Returns each output's size in bytes.
 */
export async function renderVariants(request: RenderRequest): Promise<number[]> {
  const outputFormat = variantFormat(request.format);
  let input = await openInput(request);
  const sizes: number[] = [];
  for (const output of request.outputs) {
    const resized = input.resize(output.width, output.height, { fit: 'fill' });
    const encoded = await encode(resized, outputFormat).toBuffer();
    await writeFile(output.tempPath, encoded);
    await rename(output.tempPath, output.path);
    sizes.push(encoded.byteLength);
    input = sharp(encoded, { animated: request.animated, failOn: 'none' });
  }
  return sizes;
}

async function openInput(request: RenderRequest): Promise<Sharp> {
  if (request.format === 'bmp') return decodeBmpFile(request.originPath, request.width, request.height);
  const image = sharp(request.originPath, { animated: request.animated, failOn: 'none' });
  return request.orientation ? image.autoOrient() : image;
}

/** Above this, a BMP is not decoded (RLE can claim billions of pixels in a few bytes); its variants are the original. */
const MAX_BMP_PIXELS = 50_000_000;

/** libvips here has no BMP loader, so BMP is decoded in JavaScript (bmp-ts) and handed over as raw RGBA. */
async function decodeBmpFile(path: string, width: number, height: number): Promise<Sharp> {
  if (width * height > MAX_BMP_PIXELS) {
    throw new Error(`A ${width}×${height} BMP is too large to resize; its variants are the original.`);
  }
  const bitmap = decodeBmp(await readFile(path), { toRGBA: true });
  const { data } = bitmap;
  if (bitmap.width !== width || Math.abs(bitmap.height) !== height || data.length < width * height * 4) {
    throw new Error('The BMP decoder disagrees with the header; its variants are the original.');
  }
  // Most BMPs have no alpha; bmp-ts then fills the channel with 0, which would mean "fully transparent".
  let hasAlpha = false;
  for (let i = 3; i < data.length; i += 4) {
    if (data[i] !== 0) {
      hasAlpha = true;
      break;
    }
  }
  const image = sharp(data, { raw: { width, height, channels: 4 } });
  return hasAlpha ? image : image.removeAlpha();
}

function encode(image: Sharp, format: 'jpeg' | 'png' | 'gif' | 'webp'): Sharp {
  switch (format) {
    case 'jpeg':
      return image.jpeg({ quality: 82 });
    case 'png':
      return image.png({ compressionLevel: 6 });
    case 'gif':
      return image.gif();
    case 'webp':
      return image.webp({ quality: 80 });
  }
}
