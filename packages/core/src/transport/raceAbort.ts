import { createAbortError } from '../errors';

/**
 * Settles like `promise`, or rejects with an `AbortError` as soon as `signal` fires, whichever is first:
 * for a transport waiting on work it cannot stop (an SDK's upload, a shared discovery request), so that a
 * cancel is still prompt. `promise` runs on; its late outcome is left to whoever else holds it.
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
