import * as ErrorCode from '../../errorCodes';
import { createAbortError, ImageMessageError, isAbortError } from '../../errors';
import { backoff, type HttpContext } from '../http/httpContext';
import { interpretReply } from '../http/interpretReply';
import { networkFailure } from '../http/networkFailure';
import { sendGuarded } from '../http/sendGuarded';
import { originOf } from '../http/sendWithXhr';
import { HttpNetworkError, type HttpReply } from '../http/types';
import { waitFor } from '../http/waitFor';
import {
  type ImageSendOptions,
  type ImageSendRequest,
  type ImageSendResult,
  imageBody,
  imageSize,
} from '../transport';
import type { TusSupport } from './discoverTus';
import type { UploadUrlStore } from './uploadUrlStore';

const TUS = { 'tus-resumable': '1.0.0' };
const EMPTY = new Uint8Array(0);

export interface ResumableSettings {
  chunkBytes: number;
  uploadUrls: UploadUrlStore;
}

/** A 5xx or a lost upload: worth another attempt, like a network error. */
class RetryableError extends Error {
  override readonly name = 'RetryableError';
  constructor(readonly error: ImageMessageError | undefined) {
    super(error?.desc ?? 'The upload is gone from the server.');
  }
}

/**
 * Uploads one image with tus 1.0 and sends it: `POST` creates the upload — carrying the first
 * `chunkBytes` (by default the whole image) where the server offers `creation-with-upload` — or a stored
 * URL is resumed after `HEAD` tells its offset; `PATCH`es of `chunkBytes` append the rest from that
 * offset; then `PUT /api/messages/:id` with `X-Upload-URL` makes it a message (idempotent by id, as the
 * plain PUT). Undisturbed, a send is one `POST` and the `PUT`.
 *
 * - The `POST` proposes the upload's id (`key` in its metadata) and the URL it will have is kept before
 *   the body leaves, so a `POST` dropped halfway resumes from what reached the server like a `PATCH`
 *   (a server that names uploads itself answers the `HEAD` with 404, and the upload starts again).
 * - The conversation goes with the `POST` (`receiver`, `groupID`): a server can refuse a send it would
 *   refuse anyway before the image is uploaded.
 * - A dropped connection (or a 5xx) is retried with backoff from the server's offset, so what was lost
 *   is re-sent, at most the chunk in flight; `retries` counts attempts in a row after which the server's
 *   offset had not moved on.
 * - A stall (no progress for `stallTimeoutMs`) ends the send with 6012 and keeps the upload URL, so the
 *   next send of the same id continues where the server is.
 * - Cancel aborts the request in flight and terminates the upload (`DELETE`): the server deletes the
 *   partial file.
 * - Progress never goes back, even when a resume re-sends bytes that had been counted.
 */
export async function sendResumably(
  http: HttpContext,
  tus: TusSupport,
  request: ImageSendRequest,
  { signal, onProgress }: ImageSendOptions,
  { chunkBytes, uploadUrls }: ResumableSettings,
): Promise<ImageSendResult> {
  const total = imageSize(request);
  const guard = { signal, stallTimeoutMs: http.stallTimeoutMs };
  let reported = 0;
  const report = (loaded: number) => {
    if (loaded <= reported) return;
    reported = Math.min(loaded, total);
    onProgress(reported, total);
  };
  // A store that fails costs only the resumption after a reload, never the send.
  const remember = (url: string) => Promise.resolve(uploadUrls.set(request.id, url)).catch(() => undefined);
  const forget = () => Promise.resolve(uploadUrls.delete(request.id)).catch(() => undefined);
  let url = await Promise.resolve(uploadUrls.get(request.id)).catch(() => undefined);
  // The user's File streams from disk; after a failure, the validated bytes when there are any (the file
  // may have changed on disk).
  let body = imageBody(request);
  // The whole file as it is (no slice) when one request carries it all.
  const part = (start: number, end: number) =>
    start === 0 && end === total
      ? body
      : ArrayBuffer.isView(body)
        ? body.subarray(start, end)
        : body.slice(start, end);

  const send = (upload: Parameters<typeof sendGuarded>[1]) => sendGuarded(http.sender, upload, guard);

  /** The server's offset for `url`, or undefined when that upload is gone or is not this image's. */
  async function offsetOf(target: string, authorization: string): Promise<number | undefined> {
    const reply = await send({
      method: 'HEAD',
      url: target,
      headers: { ...TUS, authorization },
      body: EMPTY,
    });
    if (reply.status >= 500) throw new RetryableError(refusal(reply));
    const offset = Number(reply.header?.('upload-offset'));
    const length = Number(reply.header?.('upload-length'));
    if (reply.status !== 200 || !Number.isSafeInteger(offset) || length !== total) return undefined;
    return offset;
  }

  /** A new upload, with the first chunk when the server takes it: its URL and the server's offset. */
  async function create(authorization: string): Promise<{ url: string; offset: number }> {
    const key = uploadKey();
    const metadata = [
      ['filename', request.fileName],
      ['filetype', request.mimeType],
      ['key', key],
      ['receiver', request.receiver],
      ['groupID', request.groupID],
    ].flatMap(([name, value]) => (value === undefined ? [] : [`${name} ${base64(value)}`]));
    const end = tus.withUpload ? Math.min(total, chunkBytes) : 0;
    if (end > 0) {
      // Where a dropped POST resumes (the `url` of the next attempt).
      url = absolute(`${tus.endpoint}/${key}`, tus.endpoint);
      await remember(url);
    }
    const reply = await send({
      method: 'POST',
      url: tus.endpoint,
      headers: {
        ...TUS,
        authorization,
        'upload-length': String(total),
        'upload-metadata': metadata.join(','),
        ...(end > 0 && { 'content-type': 'application/offset+octet-stream' }),
      },
      body: end > 0 ? part(0, end) : EMPTY,
      onProgress: (loaded) => report(Math.min(loaded, end)),
    });
    const location = reply.header?.('location');
    if (reply.status === 201 && location) {
      const offset = end > 0 ? Number(reply.header?.('upload-offset')) : 0;
      return { url: absolute(location, tus.endpoint), offset: Number.isSafeInteger(offset) ? offset : 0 };
    }
    throw failureOf(reply);
  }

  /** One PATCH from `offset`; resolves with the server's new offset. */
  async function append(target: string, offset: number, authorization: string): Promise<number> {
    const end = Math.min(total, offset + chunkBytes);
    const reply = await send({
      method: 'PATCH',
      url: target,
      headers: {
        ...TUS,
        authorization,
        'upload-offset': String(offset),
        'content-type': 'application/offset+octet-stream',
      },
      body: part(offset, end),
      onProgress: (loaded) => report(offset + Math.min(loaded, end - offset)),
    });
    const next = Number(reply.header?.('upload-offset'));
    if (reply.status === 204 && Number.isSafeInteger(next)) return next;
    // Someone else's offset (a duplicate PATCH that landed late): ask again and go on from there.
    if (reply.status === 409) {
      const current = await offsetOf(target, authorization);
      if (current !== undefined) return current;
    }
    if (reply.status === 404 || reply.status === 410) throw new RetryableError(undefined);
    throw failureOf(reply);
  }

  // Attempts in a row that failed without the server's offset moving on.
  let failures = 0;
  let confirmed = -1;
  const confirm = (offset: number) => {
    if (offset > confirmed) failures = 0;
    confirmed = Math.max(confirmed, offset);
    report(offset);
  };
  for (;;) {
    try {
      const authorization = await http.authorization();
      let offset = url ? await offsetOf(url, authorization) : undefined;
      if (url === undefined || offset === undefined) {
        ({ url, offset } = await create(authorization));
        await remember(url);
      }
      confirm(offset);
      while (offset < total) {
        offset = await append(url, offset, authorization);
        confirm(offset);
      }
      const reply = await send({
        method: 'PUT',
        url: http.messageUrl(request),
        headers: { authorization, ...http.messageHeaders(request), 'x-upload-url': url },
        body: EMPTY,
      });
      const outcome = interpretReply(reply);
      if (outcome.kind === 'sent') {
        await forget();
        return outcome.result;
      }
      // The upload expired between its last byte and the send: upload it again.
      if (reply.status === 404) throw new RetryableError(outcome.error);
      if (outcome.kind === 'fail') throw outcome.error;
      throw new RetryableError(outcome.error);
    } catch (error) {
      if (signal.aborted || isAbortError(error)) {
        if (url !== undefined) terminate(http, url);
        await forget();
        throw createAbortError();
      }
      if (error instanceof RetryableError && error.error === undefined) {
        // Gone (expired, or deleted): a new upload, which is progress of a kind only once.
        url = undefined;
        await forget();
      } else if (!(error instanceof RetryableError || error instanceof HttpNetworkError)) {
        // A 4xx (kept as the server said it) or a stall (6012): final; the URL stays for a later retry.
        throw error;
      }
      body = request.bytes ?? body;
      failures++;
      if (failures > http.retries) {
        if (error instanceof HttpNetworkError) {
          throw networkFailure(error, originOf(url ?? tus.endpoint), failures);
        }
        throw (
          (error as RetryableError).error ??
          new ImageMessageError(
            ErrorCode.UPLOAD_FAILED,
            'The upload kept disappearing from the server before it could be sent. Try again later.',
          )
        );
      }
      await waitFor(backoff(http, failures), signal);
    }
  }
}

/** The error a non-2xx tus answer means (the server's own code and text for a 4xx). */
function failureOf(reply: HttpReply): Error {
  const error = refusal(reply);
  return reply.status >= 500 ? new RetryableError(error) : error;
}

function refusal(reply: HttpReply): ImageMessageError {
  const outcome = interpretReply(reply);
  return outcome.kind === 'sent'
    ? new ImageMessageError(
        ErrorCode.UPLOAD_FAILED,
        `Unexpected answer to a tus request (HTTP ${reply.status}).`,
      )
    : outcome.error;
}

/** Best effort, after a cancel: the server deletes the partial file (tus termination). */
function terminate(http: HttpContext, url: string) {
  void http
    .authorization()
    .then((authorization) =>
      sendGuarded(
        http.sender,
        { method: 'DELETE', url, headers: { ...TUS, authorization }, body: EMPTY },
        { signal: new AbortController().signal, stallTimeoutMs: http.stallTimeoutMs },
      ),
    )
    .catch(() => undefined);
}

/** 128 random bits, hex: the upload id the `POST` proposes (the reference server's own ids look alike). */
function uploadKey(): string {
  const bits = new Uint8Array(16);
  crypto.getRandomValues(bits);
  return Array.from(bits, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** tus metadata values are base64 (of UTF-8 here). */
function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** `Location` may be relative, and `baseUrl` (so the endpoint) may be `''`: the page's own origin. */
function absolute(location: string, endpoint: string): string {
  try {
    return new URL(location, new URL(endpoint, globalThis.location?.href)).href;
  } catch {
    return location;
  }
}
