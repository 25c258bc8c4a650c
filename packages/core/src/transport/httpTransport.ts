import type { HttpSender } from './http/types';
import type { ImageSendOptions, ImageSendRequest, ImageSendResult, ImageTransport } from './transport';
import type { UploadUrlStore } from './tus/uploadUrlStore';

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
  /**
   * Bytes per tus request body, the `POST`'s and each `PATCH`'s (default: the whole file, with the
   * `POST`). The server keeps what reached it when a connection drops, so a resume re-sends only what it
   * lost, whatever the size; set one (e.g. 8 MiB) when a proxy limits request bodies. Each further
   * request costs a round trip (and, cross-origin, a preflight): in Node on loopback, 8 MiB PATCHes made a
   * 28 MiB upload ~1.5× slower than one body.
   */
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
 * - Resumable (when the server offers tus, see `resumable`): `POST /api/uploads` carrying the image
 *   (`creation-with-upload`; `PATCH`es of `chunkBytes` for the rest when set), then `PUT /api/messages/:id`
 *   naming the finished upload. A dropped connection resumes from the server's offset (`HEAD`); Cancel
 *   terminates the upload (`DELETE`).
 * - Plain: one idempotent `PUT /api/messages/:id` per attempt, with the image bytes as the body.
 * - Both send the name (`X-File-Name`), `cloudCustomData` (`X-Cloud-Custom-Data`), the ThumbHash
 *   placeholder (`X-Image-Placeholder`) and the description (`X-Image-Description`, URI-encoded) with
 *   that `PUT`; the server returns them in `imageElem.placeholder` and `imageElem.description` of every
 *   copy of the message.
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
  let sending: Promise<(request: ImageSendRequest, options: ImageSendOptions) => Promise<ImageSendResult>>;
  const { userID } = options;
  return {
    maxBytes: options.maxBytes,
    sender: () => (typeof userID === 'function' ? userID() : userID),
    async send(request, sendOptions) {
      // The code that sends (XHR, tus discovery, retries, reading replies) loads with the first send, in
      // its own chunk: a page that shows the composer and sends nothing yet does not download it.
      sending ??= import('./http/createHttpSend').then(({ createHttpSend }) => createHttpSend(options));
      return (await sending)(request, sendOptions);
    },
  };
}
