import { createAbortError, ErrorCode, ImageMessageError, isAbortError } from '../errors';
import { interpretReply } from './http/interpretReply';
import { sendWithFetch } from './http/sendWithFetch';
import { sendWithXhr } from './http/sendWithXhr';
import { startStallWatchdog } from './http/stallWatchdog';
import { HttpNetworkError, type HttpSender } from './http/types';
import { waitFor } from './http/waitFor';
import type { ImageSendRequest, ImageTransport } from './transport';

/** The SDK's "not logged in"; used when `token()` itself fails. */
const NOT_LOGGED_IN = 6014;

export interface HttpTransportOptions {
  /** Where the server is: `http://127.0.0.1:8787`, or `''` for the page's own origin. */
  baseUrl: string;
  /**
   * The session token sent as `Authorization: Bearer <token>`, or a function returning it, called before
   * every attempt (so a refreshed token is picked up by a retry).
   */
  token: string | (() => string | Promise<string>);
  /** Cut an attempt with no upload progress and no response for this long → 6012 (default 20 000 ms). */
  stallTimeoutMs?: number;
  /** Further attempts after a network error or a 5xx (default 2; 4xx are never retried). */
  retries?: number;
  /** Delay before the first retry; doubled for each next one, ±20 % jitter (default 500 ms). */
  retryDelayMs?: number;
  /** The service's own size limit when lower than 28 MiB. */
  maxBytes?: number;
  /** How bytes are sent; by default XHR where it exists (upload progress), else streamed fetch. */
  sender?: HttpSender;
}

/**
 * A transport for the reference server (`@image-message/server`): one idempotent
 * `PUT /api/messages/:id` per attempt, with the image bytes as the body.
 *
 * - Progress: XHR upload events in browsers; per 64 KiB slice with fetch elsewhere.
 * - Abort: `signal` aborts the request at once and the send rejects with an `AbortError`.
 * - Stall: no progress for `stallTimeoutMs` → the request is cut → 6012 `REQUEST_TIMEOUT` (not retried:
 *   the user already waited that long).
 * - Retries: network errors and 5xx, with exponential backoff (abortable), then 9508
 *   `NETWORK_DISCONNECT` or 6008 `UPLOAD_FAILED`. 4xx are final and keep the server's `{ code, desc }`.
 *   Retrying is safe because the message id is the server's idempotency key.
 *
 * @example
 * const transport = createHttpTransport({ baseUrl: 'http://127.0.0.1:8787', token: () => session.token });
 * const manager = createMessageManager({ transport });
 */
export function createHttpTransport(options: HttpTransportOptions): ImageTransport {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const stallTimeoutMs = options.stallTimeoutMs ?? 20_000;
  const retries = Math.max(0, Math.floor(options.retries ?? 2));
  const retryDelayMs = Math.max(0, options.retryDelayMs ?? 500);
  const sender: HttpSender =
    options.sender ?? (typeof XMLHttpRequest === 'function' ? sendWithXhr : sendWithFetch);

  async function token(): Promise<string> {
    try {
      return typeof options.token === 'function' ? await options.token() : options.token;
    } catch (error) {
      const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
      throw new ImageMessageError(NOT_LOGGED_IN, `Could not get a session token${detail}. Sign in again.`, {
        cause: error,
      });
    }
  }

  function urlFor(request: ImageSendRequest): string {
    const query = new URLSearchParams();
    if (request.receiver !== undefined) query.set('receiver', request.receiver);
    if (request.groupID !== undefined) query.set('groupID', request.groupID);
    if (request.priority !== undefined) query.set('priority', String(request.priority));
    return `${baseUrl}/api/messages/${encodeURIComponent(request.id)}?${query}`;
  }

  /** One attempt: resolves with the outcome, or rejects (network error, stall, abort). */
  async function attempt(
    request: ImageSendRequest,
    signal: AbortSignal,
    onProgress: (l: number, t: number) => void,
    first: boolean,
  ) {
    const headers: Record<string, string> = {
      authorization: `Bearer ${await token()}`,
      'content-type': request.mimeType,
      'x-file-name': encodeURIComponent(request.fileName),
    };
    if (request.cloudCustomData !== undefined) {
      headers['x-cloud-custom-data'] = encodeURIComponent(request.cloudCustomData);
    }
    // token() may have taken a while; a cancel during it must not start the upload.
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
      const reply = await sender({
        method: 'PUT',
        url: urlFor(request),
        headers,
        body: request.bytes,
        // The file only on the first attempt: if it changed on disk since it was read, the browser refuses
        // to read it (a network error here), and the retries send the bytes that were validated.
        file: first && request.file?.size === request.bytes.byteLength ? request.file : undefined,
        signal: controller.signal,
        onProgress(loaded, total) {
          watchdog.touch();
          if (!signal.aborted) onProgress(loaded, total);
        },
        onActivity: () => watchdog.touch(),
      });
      return interpretReply(reply);
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

  return {
    maxBytes: options.maxBytes,
    async send(request, { signal, onProgress }) {
      for (let tried = 0; ; tried++) {
        const last = tried >= retries;
        try {
          const outcome = await attempt(request, signal, onProgress, tried === 0);
          if (outcome.kind === 'sent') return outcome.result;
          if (outcome.kind === 'fail' || last) throw outcome.error;
        } catch (error) {
          if (signal.aborted || isAbortError(error)) throw createAbortError();
          if (!(error instanceof HttpNetworkError)) throw error;
          if (last) {
            const tries = retries > 0 ? ` after ${retries + 1} tries` : '';
            throw new ImageMessageError(
              ErrorCode.NETWORK_DISCONNECT,
              `${error.message} The image was not sent${tries}. Check the connection and try again.`,
              { cause: error },
            );
          }
        }
        const jitter = 0.8 + Math.random() * 0.4;
        await waitFor(retryDelayMs * 2 ** tried * jitter, signal);
      }
    },
  };
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}
