import * as ErrorCode from '../../errorCodes';
import { createAbortError, ImageMessageError } from '../../errors';
import { startStallWatchdog } from './stallWatchdog';
import type { HttpReply, HttpSender, HttpUpload } from './types';

/** One request for `sendGuarded`: what the sender takes, less what the guard provides. */
export type GuardedRequest = Omit<HttpUpload, 'signal' | 'onActivity' | 'onProgress'> & {
  onProgress?: (loaded: number, total: number) => void;
};

/**
 * Sends one request through `sender` under the caller's cancel and a stall watchdog (upload progress
 * and response bytes are signs of life). Resolves with the response whatever its status; rejects with an
 * `AbortError` once `signal` fires, with 6012 `REQUEST_TIMEOUT` when nothing moved for `stallTimeoutMs`,
 * else with what the sender rejected with (`HttpNetworkError` when no response came).
 */
export async function sendGuarded(
  sender: HttpSender,
  request: GuardedRequest,
  { signal, stallTimeoutMs }: { signal: AbortSignal; stallTimeoutMs: number },
): Promise<HttpReply> {
  if (signal.aborted) throw createAbortError();
  const controller = new AbortController();
  const forward = () => controller.abort();
  signal.addEventListener('abort', forward, { once: true });
  let stalled = false;
  const watchdog = startStallWatchdog(stallTimeoutMs, () => {
    stalled = true;
    controller.abort();
  });
  try {
    return await sender({
      ...request,
      signal: controller.signal,
      onProgress(loaded, total) {
        watchdog.touch();
        if (!signal.aborted) request.onProgress?.(loaded, total);
      },
      onActivity: () => watchdog.touch(),
    });
  } catch (error) {
    if (signal.aborted) throw createAbortError();
    if (stalled) {
      throw new ImageMessageError(
        ErrorCode.REQUEST_TIMEOUT,
        `The upload made no progress for ${seconds(stallTimeoutMs)}, so it was stopped. Check the connection and send it again.`,
        { cause: error },
      );
    }
    throw error;
  } finally {
    watchdog.stop();
    signal.removeEventListener('abort', forward);
  }
}

export function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}
