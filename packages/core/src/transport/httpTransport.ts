import { createAbortError, ImageMessageError, isAbortError } from '../errors';
import { isImagePlaceholder } from '../image/imagePlaceholder';
import { backoff, type HttpContext } from './http/httpContext';
import { interpretReply } from './http/interpretReply';
import { networkFailure } from './http/networkFailure';
import { sendGuarded } from './http/sendGuarded';
import { sendWithFetch } from './http/sendWithFetch';
import { originOf, sendWithXhr } from './http/sendWithXhr';
import { HttpNetworkError, type HttpSender } from './http/types';
import { waitFor } from './http/waitFor';
import type { ImageSendOptions, ImageSendRequest, ImageTransport } from './transport';
import { discoverTus, type TusSupport } from './tus/discoverTus';
import { createMemoryUploadUrls, type UploadUrlStore } from './tus/uploadUrlStore';

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
  /**
   * Who is signed in (the reference server's `userID`), or a function returning it: the optimistic
   * message's `sender`, so one's own message renders as such before the server answers.
   */
  userID?: string | (() => string | undefined);
  /** The service's own size limit when lower than 28 MiB. */
  maxBytes?: number;
  /** How bytes are sent; by default XHR where it exists (upload progress), else streamed fetch. */
  sender?: HttpSender;
  /**
   * Resumable uploads (tus 1.0) where the server offers them (default `true`). Before the first send the
   * transport asks the server once (`OPTIONS <baseUrl>/api/uploads`); if it speaks tus 1.0.0 with
   * creation and termination, the tus client is loaded (its own chunk, ~2 KB) and every upload goes
   * through it; otherwise, and with `false`, each send is one plain `PUT`.
   */
  resumable?: boolean;
  /** Bytes per tus `PATCH` (default 8 MiB): a dropped connection re-sends at most the chunk in flight. */
  chunkBytes?: number;
  /**
   * Where each message's unfinished upload URL is kept (default: in memory, for retries within the
   * page's life). Pass a persistent store to resume after a reload; see `UploadUrlStore`.
   */
  uploadUrls?: UploadUrlStore;
}

/**
 * A transport for the reference server (`@image-message/server`).
 *
 * - Resumable (when the server offers tus, see `resumable`): `POST /api/uploads`, `PATCH`es of
 *   `chunkBytes`, then `PUT /api/messages/:id` naming the finished upload. A dropped connection resumes
 *   from the server's offset (`HEAD`); Cancel terminates the upload (`DELETE`).
 * - Plain: one idempotent `PUT /api/messages/:id` per attempt, with the image bytes as the body.
 * - Both send the name (`X-File-Name`), `cloudCustomData` (`X-Cloud-Custom-Data`) and the ThumbHash
 *   placeholder (`X-Image-Placeholder`) with that `PUT`; the server returns the placeholder in
 *   `imageElem.placeholder` of every copy of the message.
 * - Progress: XHR upload events in browsers; per 64 KiB slice with fetch elsewhere; never decreasing.
 * - Abort: `signal` aborts the request at once and the send rejects with an `AbortError`.
 * - Stall: no progress for `stallTimeoutMs` → the request is cut → 6012 `REQUEST_TIMEOUT` (not retried:
 *   the user already waited that long; a resumable upload continues on the next send of the id).
 * - Retries: network errors and 5xx, with exponential backoff (abortable), then 9508
 *   `NETWORK_DISCONNECT` when offline, `SERVER_UNREACHABLE` (naming the server's origin) when online but
 *   unanswered (server down, or CORS), or 6008 `UPLOAD_FAILED`. 4xx are final and keep the server's
 *   `{ code, desc }`. Retrying is safe because the message id is the server's idempotency key.
 *
 * @example
 * const transport = createHttpTransport({ baseUrl: 'http://127.0.0.1:8787', token: () => session.token });
 * const manager = createMessageManager({ transport });
 */
export function createHttpTransport(options: HttpTransportOptions): ImageTransport {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const stallTimeoutMs = options.stallTimeoutMs ?? 20_000;
  const sender: HttpSender =
    options.sender ?? (typeof XMLHttpRequest === 'function' ? sendWithXhr : sendWithFetch);
  const chunkBytes = Math.max(1, Math.floor(options.chunkBytes ?? 8 * 1024 * 1024));
  // Without its own, the transport keeps URLs where the manager gives it (with the message, kept across
  // reloads when the manager has a store), else in memory.
  const ownUploadUrls = options.uploadUrls;
  const memoryUploadUrls = createMemoryUploadUrls();

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

  const http: HttpContext = {
    baseUrl,
    sender,
    authorization: async () => `Bearer ${await token()}`,
    stallTimeoutMs,
    retries: Math.max(0, Math.floor(options.retries ?? 2)),
    retryDelayMs: Math.max(0, options.retryDelayMs ?? 500),
    messageUrl(request) {
      const query = new URLSearchParams();
      if (request.receiver !== undefined) query.set('receiver', request.receiver);
      if (request.groupID !== undefined) query.set('groupID', request.groupID);
      if (request.priority !== undefined) query.set('priority', String(request.priority));
      return `${baseUrl}/api/messages/${encodeURIComponent(request.id)}?${query}`;
    },
    messageHeaders(request) {
      const headers: Record<string, string> = { 'x-file-name': encodeURIComponent(request.fileName) };
      if (request.cloudCustomData !== undefined) {
        headers['x-cloud-custom-data'] = encodeURIComponent(request.cloudCustomData);
      }
      // Base64 is safe as it is in a header. Anything else is left out rather than risk the send (a
      // header block over 16 KB is refused whole); the server would drop it anyway.
      if (isImagePlaceholder(request.placeholder)) headers['x-image-placeholder'] = request.placeholder;
      return headers;
    },
  };

  // Asked once per transport; a discovery that got no answer is asked again by the next send.
  let discovery: Promise<TusSupport | undefined> | undefined;
  function tusSupport(signal: AbortSignal): Promise<TusSupport | undefined> {
    discovery ??= discoverTus(sender, `${baseUrl}/api/uploads`, {
      signal: new AbortController().signal,
      stallTimeoutMs,
    }).catch(() => {
      discovery = undefined;
      return undefined;
    });
    return abortable(discovery, signal);
  }

  const { userID } = options;
  return {
    maxBytes: options.maxBytes,
    sender: () => (typeof userID === 'function' ? userID() : userID),
    async send(request, sendOptions) {
      if (options.resumable !== false) {
        const tus = await tusSupport(sendOptions.signal);
        if (tus && request.bytes.byteLength <= (tus.maxSize ?? Number.POSITIVE_INFINITY)) {
          const { sendResumably } = await import('./tus/sendResumably');
          const uploadUrls = ownUploadUrls ?? sendOptions.uploadUrls ?? memoryUploadUrls;
          return sendResumably(http, tus, request, sendOptions, { chunkBytes, uploadUrls });
        }
      }
      return sendPlain(http, request, sendOptions);
    },
  };
}

/** One `PUT` with the bytes per attempt, retried on network errors and 5xx. */
async function sendPlain(
  http: HttpContext,
  request: ImageSendRequest,
  { signal, onProgress }: ImageSendOptions,
) {
  for (let tried = 0; ; tried++) {
    const last = tried >= http.retries;
    try {
      const headers = {
        authorization: await http.authorization(),
        'content-type': request.mimeType,
        ...http.messageHeaders(request),
      };
      const reply = await sendGuarded(
        http.sender,
        {
          method: 'PUT',
          url: http.messageUrl(request),
          headers,
          body: request.bytes,
          // The file only on the first attempt: if it changed on disk since it was read, the browser
          // refuses to read it (a network error here), and the retries send the bytes that were validated.
          file: tried === 0 && request.file?.size === request.bytes.byteLength ? request.file : undefined,
          onProgress,
        },
        { signal, stallTimeoutMs: http.stallTimeoutMs },
      );
      const outcome = interpretReply(reply);
      if (outcome.kind === 'sent') return outcome.result;
      if (outcome.kind === 'fail' || last) throw outcome.error;
    } catch (error) {
      if (signal.aborted || isAbortError(error)) throw createAbortError();
      if (!(error instanceof HttpNetworkError)) throw error;
      if (last) throw networkFailure(error, originOf(http.messageUrl(request)), tried + 1);
    }
    await waitFor(backoff(http, tried + 1), signal);
  }
}

/** Settles like `promise`, or rejects with an `AbortError` as soon as `signal` fires. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
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
