import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AcceptedImageFormat as AcceptedFormat } from '@image-message/core';
import { Piscina } from 'piscina';
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
  /** Frames in the file (animated GIF/WebP); every frame is resized when memory allows. */
  pages: number;
  /** Largest first: each smaller variant is made from the previous one, which is much faster. */
  outputs: VariantOutput[];
}

/** What the worker thread gets (renderWorker.mjs). */
export interface RenderTask extends Omit<RenderRequest, 'pages'> {
  outputFormat: 'jpeg' | 'png' | 'gif' | 'webp';
  animated: boolean;
  /** sharp's `limitInputPixels`. */
  maxInputPixels: number;
}

/** An image whose decoded pixels would pass the memory budget; its variants are the original. */
export class TooManyPixelsError extends Error {
  override readonly name = 'TooManyPixelsError';
}

export interface VariantRenderer {
  /** Makes the outputs in a worker thread; resolves with each one's size in bytes. */
  render(request: RenderRequest): Promise<number[]>;
  close(): Promise<void>;
}

/** RGBA: what one decoded pixel costs. */
const BYTES_PER_PIXEL = 4;

/**
 * Makes THUMB/LARGE with sharp in a worker thread (piscina): decoding (bmp-ts decodes BMP synchronously
 * in JavaScript: ~0.5 s for a 7000×7000 RLE8 bomb of 407 KB) and resizing never block the event loop,
 * so every other request is answered meanwhile. One worker, jobs queued (at most `maxQueue`): the
 * machine's other core keeps serving.
 *
 * Memory is bounded by bytes, not a pixel count: an image whose fully decoded frames (RGBA, every frame
 * of an animation) would pass `memoryBytes` is not decoded at all — BMP and animations decode whole —
 * and sharp's streaming decoders get the same bound as `limitInputPixels`. Such images are served as
 * the original (the caller's fallback), and a worker that dies (out of memory) costs only its job.
 */
export function createVariantRenderer(options: { memoryBytes: number; maxQueue?: number }): VariantRenderer {
  const pool = new Piscina({
    filename: workerFile(),
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: 30_000,
    maxQueue: options.maxQueue ?? 64,
    // The decoded pixels are ArrayBuffers, outside this limit; it bounds the worker's JS heap.
    resourceLimits: { maxOldGenerationSizeMb: 64 },
  });
  const maxPixels = Math.floor(options.memoryBytes / BYTES_PER_PIXEL);
  return {
    async render(request) {
      const frames = request.pages;
      const pixels = request.width * request.height;
      if (request.format === 'bmp' && pixels > maxPixels) {
        throw new TooManyPixelsError(
          `A ${request.width}×${request.height} BMP needs ${mib(pixels * BYTES_PER_PIXEL)} decoded, over the ${mib(options.memoryBytes)} budget; its variants are the original.`,
        );
      }
      const task: RenderTask = {
        originPath: request.originPath,
        format: request.format,
        ...(request.orientation !== undefined && { orientation: request.orientation }),
        width: request.width,
        height: request.height,
        outputs: request.outputs,
        outputFormat: variantFormat(request.format),
        // Every frame of a long animation would be decoded at once; past the budget, only the first.
        animated: frames > 1 && pixels * frames <= maxPixels,
        maxInputPixels: Math.max(1, maxPixels),
      };
      return (await pool.run(task)) as number[];
    },
    close: () => pool.destroy(),
  };
}

function mib(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MiB`;
}

/**
 * renderWorker.mjs beside this module (sources), or beside the bundle that contains it (dist/, whose
 * shared code may sit in dist/chunks/).
 */
function workerFile(): string {
  for (const candidate of ['./renderWorker.mjs', '../renderWorker.mjs']) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new Error('renderWorker.mjs is missing beside the server bundle; rebuild the server.');
}
