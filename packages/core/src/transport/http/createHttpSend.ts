import * as ErrorCode from '../../errorCodes';
import { createAbortError, ImageMessageError, isAbortError } from '../../errors';
import { isImagePlaceholder } from '../../image/imagePlaceholder';
import { cleanDescription } from '../../validation/checkDescription';
import type { HttpTransportOptions } from '../httpTransport';
import { raceAbort } from '../raceAbort';
import {
  type ImageSendOptions,
  type ImageSendRequest,
  type ImageSendResult,
  imageBody,
  imageSize,
} from '../transport';
import { discoverTus, type TusSupport } from '../tus/discoverTus';
import { createMemoryUploadUrls } from '../tus/uploadUrlStore';
import { backoff, type HttpContext } from './httpContext';
import { interpretReply } from './interpretReply';
import { networkFailure } from './networkFailure';
import { sendGuarded } from './sendGuarded';
import { sendWithFetch } from './sendWithFetch';
import { originOf, sendWithXhr } from './sendWithXhr';
import { HttpNetworkError, type HttpSender } from './types';
import { waitFor } from './waitFor';

/**
 * The sending half of `createHttpTransport`, loaded with its first send: per attempt it asks for a token,
 * discovers tus once, and sends resumably or with one plain `PUT`, retrying as the options say.
 */
export function createHttpSend(
  options: HttpTransportOptions,
): (request: ImageSendRequest, sendOptions: ImageSendOptions) => Promise<ImageSendResult> {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const stallTimeoutMs = options.stallTimeoutMs ?? 20_000;
  const sender: HttpSender =
    options.sender ?? (typeof XMLHttpRequest === 'function' ? sendWithXhr : sendWithFetch);
  const chunkBytes = Math.max(1, Math.floor(options.chunkBytes ?? Number.POSITIVE_INFINITY));
  // Without its own, the transport keeps URLs where the manager gives it (with the message, kept across
  // reloads when the manager has a store), else in memory.
  const ownUploadUrls = options.uploadUrls;
  const memoryUploadUrls = createMemoryUploadUrls();

  async function token(): Promise<string> {
    try {
      return typeof options.token === 'function' ? await options.token() : options.token;
    } catch (error) {
      const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
      throw new ImageMessageError(
        ErrorCode.NOT_LOGGED_IN,
        `Could not get a session token${detail}. Sign in again.`,
        {
          cause: error,
        },
      );
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
      // Cleaned again (the manager cleaned it already): a lone surrogate would make encodeURIComponent throw.
      const description = request.description && cleanDescription(request.description);
      if (description) headers['x-image-description'] = encodeURIComponent(description);
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
    return raceAbort(discovery, signal);
  }

  return async (request, sendOptions) => {
    if (options.resumable !== false) {
      const tus = await tusSupport(sendOptions.signal);
      if (tus && imageSize(request) <= (tus.maxSize ?? Number.POSITIVE_INFINITY)) {
        const { sendResumably } = await import('../tus/sendResumably');
        const uploadUrls = ownUploadUrls ?? sendOptions.uploadUrls ?? memoryUploadUrls;
        return sendResumably(http, tus, request, sendOptions, { chunkBytes, uploadUrls });
      }
    }
    return sendPlain(http, request, sendOptions);
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
          // The file first; if it changed on disk since it was read, the browser refuses to read it (a
          // network error here), and the retries send the bytes that were validated, when there are any.
          body: tried === 0 ? imageBody(request) : (request.bytes ?? imageBody(request)),
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
