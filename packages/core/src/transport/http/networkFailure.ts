import * as ErrorCode from '../../errorCodes';
import { ImageMessageError } from '../../errors';
import type { HttpNetworkError } from './types';

/**
 * What a request that never got an answer means, once retries are spent. Offline (`navigator.onLine` is
 * false) is 9508; online, it is `SERVER_UNREACHABLE` naming the server's origin — a server that is down
 * or elsewhere and a request the browser blocked (CORS) look the same to the page, and neither is fixed
 * by reconnecting.
 */
export function networkFailure(error: HttpNetworkError, origin: string, tries: number): ImageMessageError {
  const after = tries > 1 ? ` after ${tries} tries` : '';
  const navigator = (globalThis as { navigator?: { onLine?: boolean } }).navigator;
  if (navigator?.onLine === false) {
    return new ImageMessageError(
      ErrorCode.NETWORK_DISCONNECT,
      `You're offline, so the image was not sent${after}. Reconnect and try again.`,
      { cause: error },
    );
  }
  return new ImageMessageError(
    ErrorCode.SERVER_UNREACHABLE,
    `Couldn't reach the server at ${origin}${after}: it did not answer, or the browser blocked the request (CORS). Check that the server runs at that address and allows this page's origin, then try again.`,
    { cause: error },
  );
}
