// Runs in a worker thread (piscina, see renderVariants.ts): decoding and resizing never block the
// server's event loop. Plain JavaScript, because a worker thread cannot load TypeScript sources and this
// file must run from the sources (tests) and from dist alike.
import { readFile, rename, writeFile } from 'node:fs/promises';
import { decode as decodeBmp } from 'bmp-ts';
import sharp from 'sharp';

// libvips would use every core for one resize; on a small machine that starves the event loop of the
// main thread as surely as decoding on it. One thread for the variants leaves the other cores to requests.
sharp.concurrency(1);

/**
 * @param {import('./renderVariants').RenderTask} task
 * @returns {Promise<number[]>} each output's size in bytes
 */
export default async function render(task) {
  let input = await openInput(task);
  const sizes = [];
  for (const output of task.outputs) {
    const resized = input.resize(output.width, output.height, { fit: 'fill' });
    const encoded = await encode(resized, task.outputFormat).toBuffer();
    await writeFile(output.tempPath, encoded);
    await rename(output.tempPath, output.path);
    sizes.push(encoded.byteLength);
    input = sharp(encoded, { animated: task.animated, failOn: 'none' });
  }
  return sizes;
}

/** @param {import('./renderVariants').RenderTask} task */
async function openInput(task) {
  if (task.format === 'bmp') return decodeBmpFile(task.originPath, task.width, task.height);
  const image = sharp(task.originPath, {
    animated: task.animated,
    failOn: 'none',
    limitInputPixels: task.maxInputPixels,
  });
  return task.orientation ? image.autoOrient() : image;
}

/** libvips here has no BMP loader, so BMP is decoded in JavaScript (bmp-ts) and handed over as raw RGBA. */
async function decodeBmpFile(path, width, height) {
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

function encode(image, format) {
  switch (format) {
    case 'jpeg':
      return image.jpeg({ quality: 82 });
    case 'png':
      return image.png({ compressionLevel: 6 });
    case 'gif':
      return image.gif();
    default:
      return image.webp({ quality: 80 });
  }
}
