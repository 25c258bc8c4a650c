// Figure 7 in the page: preparing photos (prepareImageFile) against what an app would do by hand.
import { prepareImageFile, stripMetadata } from '@image-message/core';
import { type HeartbeatStalls, longTasksBetween } from './instrumentation';

export interface PrepareRun extends HeartbeatStalls {
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
let scratch: Uint8Array | undefined;

/**
 * Stripping the metadata of the bytes in memory, averaged over a batch: `inPlace` over bytes the caller
 * owns, as prepareImageFile does with the bytes it read (each call gets its own fresh copy, made outside
 * the timing, as the file's reading is), or into a new array. Or decoding the same file.
 */
export async function stripOrDecode(
  file: File,
  kind: 'inPlace' | 'newArray' | 'decode',
): Promise<{ ms: number }> {
  if (kind === 'decode') {
    const start = performance.now();
    const bitmap = await createImageBitmap(file);
    const ms = performance.now() - start;
    bitmap.close();
    return { ms };
  }
  jpegBytes ??= new Uint8Array(await file.arrayBuffer());
  scratch ??= new Uint8Array(jpegBytes.length);
  const batch = 10;
  let ms = 0;
  let out = jpegBytes;
  for (let i = 0; i < batch; i++) {
    let bytes = jpegBytes;
    if (kind === 'inPlace') {
      scratch.set(jpegBytes);
      bytes = scratch;
    }
    const start = performance.now();
    out = stripMetadata(bytes, { inPlace: kind === 'inPlace' });
    ms += performance.now() - start;
  }
  if (out.length < jpegBytes.length * 0.9) throw new Error('stripping lost image data');
  if (out.length >= jpegBytes.length) throw new Error('stripping removed nothing: the photo has its EXIF');
  if (kind === 'inPlace' && out.buffer !== scratch.buffer) throw new Error('stripping in place made a copy');
  return { ms: ms / batch };
}
