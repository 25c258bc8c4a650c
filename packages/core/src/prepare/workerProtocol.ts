import type { PrepareOutcome } from './outcome';
import type { ResolvedPrepareOptions } from './types';

/** Main thread → worker: prepare one file (again with `heicBitmap` once the main thread decoded a HEIC). */
export interface PrepareRequest {
  id: number;
  file: File;
  options: ResolvedPrepareOptions;
  heicBitmap?: ImageBitmap;
}

/** Worker → main thread. */
export interface PrepareReply {
  id: number;
  outcome: PrepareOutcome;
}
