import { afterEach, beforeAll, beforeEach, vi } from 'vitest';

/** Resolves `promise`, moving fake time on in 100 ms steps until it settles. */
export async function settle<T>(promise: Promise<T>): Promise<T> {
  let done = false;
  void promise.finally(() => {
    done = true;
  });
  while (!done) await vi.advanceTimersByTimeAsync(100);
  return promise;
}

/**
 * Fake timers around every test of the suite it is called in, for sends that may go through tus. The tus
 * client is a lazy chunk, loaded here first: loading it takes real I/O, which fake time does not wait for.
 */
export function useFakeTimersWithTusLoaded(): void {
  beforeAll(async () => {
    await import('../../src/transport/tus/sendResumably');
  });
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}
