import type { PrepareOutcome } from './outcome';
import type { ResolvedPrepareOptions } from './types';

/**
 * Main thread → worker: prepare one file. For a HEIC the browser cannot decode, it is asked again with
 * `heicDecoderUrl` (the worker loads heic-to from there), and failing that with `heicBitmap`, decoded
 * on the main thread.
 */
export interface PrepareRequest {
  id: number;
  file: File;
  options: ResolvedPrepareOptions;
  heicDecoderUrl?: string;
  heicBitmap?: ImageBitmap;
}

/** Worker → main thread. */
export interface PrepareReply {
  id: number;
  outcome: PrepareOutcome;
}
