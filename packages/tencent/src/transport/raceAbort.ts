import { createAbortError } from '@image-message/core';

/**
 * Settles like `promise`, or rejects with an `AbortError` as soon as `signal` fires, whichever is first.
 * The SDK cannot stop an upload, so this is what makes a cancel prompt; `promise` runs on and its late
 * outcome is left to whoever else holds it.
 *
 * @example await raceAbort(chat.sendMessage(message), signal)
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(createAbortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(createAbortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
