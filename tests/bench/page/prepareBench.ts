// Figure 7 in the page: preparing photos (prepareImageFile) against what an app would do by hand.
import { prepareImageFile, stripMetadata } from '@image-message/core';
import { longTasksBetween } from './instrumentation';

export interface PrepareRun {
  ms: number;
  longTasks: number;
  longestTaskMs: number;
  width: number;
  height: number;
  bytes: number;
}

const MAX_DIMENSION = 2560;
const QUALITY = 0.85;

/** The library: prepareImageFile with its defaults (worker: downscale, strip, ThumbHash). */
export async function prepareInWorker(file: File): Promise<PrepareRun> {
  const start = performance.now();
  const result = await prepareImageFile(file);
  const end = performance.now();
  if (result.code !== 0 || !result.data) throw new Error(`${result.code} ${result.desc}`);
  const { width, height } = result.data;
  return {
    ms: end - start,
    ...(await longTasksBetween(start, end)),
    width,
    height,
    bytes: result.data.file.size,
  };
}

/**
 * The baseline: the same downscale and encode by hand on the main thread, with no worker, no header
 * reading, no stripping and no placeholder (the source size is given).
 */
export async function prepareOnMainThread(
  file: File,
  source: { width: number; height: number },
): Promise<PrepareRun> {
  const scale = Math.min(1, MAX_DIMENSION / Math.max(source.width, source.height));
  const width = Math.round(source.width * scale);
  const height = Math.round(source.height * scale);
  const start = performance.now();
  const bitmap = await createImageBitmap(file, {
    resizeWidth: width,
    resizeHeight: height,
    resizeQuality: 'high',
  });
  const canvas = new OffscreenCanvas(width, height);
  (canvas.getContext('2d') as OffscreenCanvasRenderingContext2D).drawImage(bitmap, 0, 0);
  bitmap.close();
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: QUALITY });
  const end = performance.now();
  return { ms: end - start, ...(await longTasksBetween(start, end)), width, height, bytes: blob.size };
}

let jpegBytes: Uint8Array | undefined;

/** Stripping metadata from bytes in memory (averaged over a batch) or decoding the same file. */
export async function stripOrDecode(file: File, kind: 'strip' | 'decode'): Promise<{ ms: number }> {
  if (kind === 'decode') {
    const start = performance.now();
    const bitmap = await createImageBitmap(file);
    const ms = performance.now() - start;
    bitmap.close();
    return { ms };
  }
  jpegBytes ??= new Uint8Array(await file.arrayBuffer());
  const batch = 10;
  const start = performance.now();
  let out = stripMetadata(jpegBytes);
  for (let i = 1; i < batch; i++) out = stripMetadata(jpegBytes);
  const ms = (performance.now() - start) / batch;
  if (out.length < jpegBytes.length * 0.9) throw new Error('stripping lost image data');
  if (out.length >= jpegBytes.length) throw new Error('stripping removed nothing: the photo has its EXIF');
  return { ms };
}
