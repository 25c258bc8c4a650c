import { HEIC_NOT_CONVERTED, type PrepareOutcome, type PrepareResult } from './outcome';
import type { ResolvedPrepareOptions } from './types';
import type { PrepareReply, PrepareRequest } from './workerProtocol';

/** An idle worker is let go after this long, with the memory its decoders held. */
const IDLE_MS = 30_000;

let worker: Worker | undefined;
/** Set when the worker cannot run here (a CSP without `worker-src blob:`, no module workers): fall back. */
let unavailable = false;
let nextId = 1;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
const pending = new Map<number, (outcome: PrepareOutcome | undefined) => void>();

/** The worker is gone: every file it had is prepared by the fallback instead. */
function handBackPending() {
  for (const settle of pending.values()) settle(undefined);
  pending.clear();
}

function startWorker(): Worker | undefined {
  if (unavailable) return undefined;
  if (worker) return worker;
  try {
    // The library build inlines this worker (vite.config.ts), so apps bundle it with no configuration.
    worker = new Worker(new URL('./prepare.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    unavailable = true;
    return undefined;
  }
  worker.onmessage = ({ data }: MessageEvent<PrepareReply>) => {
    pending.get(data.id)?.(data.outcome);
    pending.delete(data.id);
    if (pending.size === 0) idleTimer = setTimeout(stopWorker, IDLE_MS);
  };
  // Only a worker that failed to load or crashed reports here (the worker catches its own errors).
  worker.onerror = (event) => {
    event.preventDefault();
    unavailable = true;
    stopWorker();
    handBackPending();
  };
  return worker;
}

function stopWorker() {
  worker?.terminate();
  worker = undefined;
}

function request(message: Omit<PrepareRequest, 'id'>): Promise<PrepareOutcome | undefined> {
  const target = startWorker();
  if (!target) return Promise.resolve(undefined);
  clearTimeout(idleTimer);
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    const transfer = message.heicBitmap ? [message.heicBitmap] : [];
    target.postMessage({ ...message, id } satisfies PrepareRequest, transfer);
  });
}

/**
 * Prepares a file in the shared worker; `undefined` when no worker can run here (the caller falls back).
 * A HEIC the browser cannot decode itself: the lazily loaded `heicDecoder` chunk tells the worker where
 * it lives and the worker decodes with it; should that fail (a bundler that renamed its exports), it is
 * decoded on this thread (heic-to's own worker does the work) and handed over as a bitmap.
 */
export async function prepareInWorker(
  file: File,
  options: ResolvedPrepareOptions,
): Promise<PrepareResult | undefined> {
  const outcome = await request({ file, options });
  if (!outcome || !('needsDecoder' in outcome)) return outcome;
  let decoder: typeof import('./heicDecoder');
  try {
    decoder = await import('./heicDecoder');
  } catch {
    return HEIC_NOT_CONVERTED;
  }
  const inWorker = await request({ file, options, heicDecoderUrl: decoder.heicDecoderUrl });
  if (!inWorker || !('needsDecoder' in inWorker)) return inWorker;
  let heicBitmap: ImageBitmap;
  try {
    heicBitmap = await decoder.decodeHeic(file);
  } catch {
    return HEIC_NOT_CONVERTED;
  }
  const converted = await request({ file, options, heicBitmap });
  return converted && 'needsDecoder' in converted ? HEIC_NOT_CONVERTED : converted;
}
