import { ImageType, MessageElemType, MessageStatus } from '../constants';
import { createAbortError, ImageMessageError } from '../errors';
import { isImagePlaceholder } from '../image/imagePlaceholder';
import type { V2TimImage, V2TimMessage } from '../types';
import { readBlob } from '../web/blobBytes';
import { createOwnedObjectUrl, revokeOwnedObjectUrl } from '../web/objectUrls';
import { type ImageSendRequest, type ImageSendResult, type ImageTransport, imageSize } from './transport';

/** A failure to inject: the next matching send(s) fail with `code` once `afterBytes` are "uploaded". */
export interface MemoryTransportFailure {
  code: number;
  desc?: string;
  /** Only sends of this message id; any id when omitted. */
  id?: string;
  /** Fail after this many bytes have been reported as sent (default 0: before any progress). */
  afterBytes?: number;
  /** How many matching sends fail (default 1; `Infinity` for all). */
  times?: number;
}

/** A stall to inject: the matching send stops reporting progress and never settles until aborted. */
export interface MemoryTransportStall {
  id?: string;
  afterBytes?: number;
  times?: number;
}

export interface MemoryTransportOptions {
  /** Progress events per upload (default 4). The last one always reports every byte. */
  steps?: number;
  /** Milliseconds between progress events (default 0: microtasks only, so tests need no timers). */
  latency?: number;
  /** A service limit below 28 MiB, to show how the composer words it. */
  maxBytes?: number;
  /** `sender` of delivered messages (default "me"). */
  sender?: string;
  /** Sends to fail: with a code, for one id or any, after some bytes (see `MemoryTransportFailure`). */
  failures?: MemoryTransportFailure[];
  /** Sends that stop making progress until aborted, e.g. to show Cancel at 40 %. */
  stalls?: MemoryTransportStall[];
}

/** One call to `send`, whatever its outcome. */
export interface MemoryTransportAttempt {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
  receiver?: string;
  groupID?: string;
  outcome: 'pending' | 'sent' | 'failed' | 'aborted';
}

/**
 * A delivered message and the bytes it carried. Unique per message id. `message.imageElem.placeholder`
 * is the request's placeholder when it has the shape of one (`isImagePlaceholder`), like the server's;
 * `message.imageElem.description` is the request's description as it came.
 */
export interface MemoryTransportMessage {
  message: V2TimMessage;
  bytes: Uint8Array;
}

/** The memory transport, with what it received: for assertions in tests and for stories. */
export interface MemoryTransport extends ImageTransport {
  /** Every `send` call in order, including failed and aborted ones. */
  readonly attempts: readonly MemoryTransportAttempt[];
  /** Delivered messages, one per id however often it was sent. */
  readonly messages: readonly MemoryTransportMessage[];
  /** Makes the next matching send fail. */
  failNext(failure: MemoryTransportFailure): void;
  /** Makes the next matching send stall until aborted. */
  stallNext(stall?: MemoryTransportStall): void;
  /** The bytes behind a delivered image URL. */
  getBytes(url: string): Uint8Array | undefined;
  /** Forgets attempts, messages and pending injections, and revokes the object URLs it made. */
  reset(): void;
}

interface Injection<T> {
  spec: T & { id?: string; times?: number };
  remaining: number;
}

function takeInjection<T>(list: Injection<T>[], id: string): (T & { afterBytes?: number }) | undefined {
  const found = list.find(
    (entry) => (entry.spec.id === undefined || entry.spec.id === id) && entry.remaining > 0,
  );
  if (!found) return undefined;
  found.remaining--;
  return found.spec as T & { afterBytes?: number };
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(createAbortError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(createAbortError());
    };
    // Zero latency still yields, so progress is observable step by step, but only to the microtask queue.
    const timer = ms > 0 ? setTimeout(done, ms) : undefined;
    if (ms <= 0) queueMicrotask(done);
    signal.addEventListener('abort', onAbort, { once: true });
    function done() {
      signal.removeEventListener('abort', onAbort);
      if (signal.aborted) reject(createAbortError());
      else resolve();
    }
  });
}

function waitForAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(createAbortError());
    else signal.addEventListener('abort', () => reject(createAbortError()), { once: true });
  });
}

/**
 * An in-memory transport for tests and stories: deterministic progress steps, optional latency,
 * injectable failures and stalls, and a record of everything it received. Idempotent by message id like
 * a real service. It does not resize: THUMB and LARGE point at the original bytes.
 *
 * @example
 * const transport = createMemoryTransport({ steps: 10, failures: [{ code: ErrorCode.UPLOAD_FAILED }] });
 * const manager = createMessageManager({ transport });
 */
export function createMemoryTransport(options: MemoryTransportOptions = {}): MemoryTransport {
  const steps = Math.max(1, Math.floor(options.steps ?? 4));
  const latency = Math.max(0, options.latency ?? 0);
  const sender = options.sender ?? 'me';
  const attempts: MemoryTransportAttempt[] = [];
  const delivered = new Map<string, MemoryTransportMessage>();
  const bytesByUrl = new Map<string, Uint8Array>();
  const madeUrls: string[] = [];
  let failures: Injection<MemoryTransportFailure>[] = [];
  let stalls: Injection<MemoryTransportStall>[] = [];
  let sequence = 0;

  const addFailure = (spec: MemoryTransportFailure) => failures.push({ spec, remaining: spec.times ?? 1 });
  const addStall = (spec: MemoryTransportStall) => stalls.push({ spec, remaining: spec.times ?? 1 });
  for (const failure of options.failures ?? []) addFailure(failure);
  for (const stall of options.stalls ?? []) addStall(stall);

  function storeImage(request: ImageSendRequest, bytes: Uint8Array): string {
    const objectUrl =
      typeof Blob === 'function'
        ? createOwnedObjectUrl(
            request.file ?? new Blob([bytes as Uint8Array<ArrayBuffer>], { type: request.mimeType }),
          )
        : undefined;
    const url =
      objectUrl ??
      `memory://images/${encodeURIComponent(request.id)}/${encodeURIComponent(request.fileName)}`;
    if (objectUrl) madeUrls.push(objectUrl);
    bytesByUrl.set(url, bytes);
    return url;
  }

  /** `bytes`: a copy of what was sent, kept (the manager releases its own after a successful send). */
  function deliver(request: ImageSendRequest, bytes: Uint8Array): ImageSendResult {
    const existing = delivered.get(request.id);
    if (existing) return toResult(existing.message);
    sequence++;
    const url = storeImage(request, bytes);
    const image = (type: number): V2TimImage => ({
      type,
      uuid: `${request.id}-${type}`,
      size: imageSize(request),
      width: request.width,
      height: request.height,
      url,
    });
    const message: V2TimMessage = {
      id: request.id,
      msgID: `memory-${sequence}`,
      timestamp: Math.floor(Date.now() / 1000),
      sender,
      isSelf: true,
      status: MessageStatus.SEND_SUCC,
      elemType: MessageElemType.IMAGE,
      imageElem: {
        imageList: [image(ImageType.ORIGIN), image(ImageType.THUMB), image(ImageType.LARGE)],
        // Kept like the reference server keeps it: a ThumbHash-shaped value, anything else dropped.
        ...(isImagePlaceholder(request.placeholder) && { placeholder: request.placeholder }),
        // As it came: the manager sends it cleaned and within the limit.
        ...(typeof request.description === 'string' &&
          request.description !== '' && { description: request.description }),
      },
      ...(request.receiver !== undefined && { userID: request.receiver }),
      ...(request.groupID !== undefined && { groupID: request.groupID }),
    };
    delivered.set(request.id, { message, bytes: bytesByUrl.get(url) as Uint8Array });
    return toResult(message);
  }

  function toResult(message: V2TimMessage): ImageSendResult {
    return {
      msgID: message.msgID as string,
      timestamp: message.timestamp as number,
      sender: message.sender as string,
      imageList: structuredClone(message.imageElem?.imageList ?? []),
    };
  }

  return {
    maxBytes: options.maxBytes,
    sender: () => sender,
    attempts,
    get messages() {
      return [...delivered.values()];
    },
    failNext: addFailure,
    stallNext: (stall = {}) => addStall(stall),
    getBytes: (url) => bytesByUrl.get(url),
    reset() {
      attempts.length = 0;
      delivered.clear();
      bytesByUrl.clear();
      failures = [];
      stalls = [];
      for (const url of madeUrls.splice(0)) revokeOwnedObjectUrl(url);
    },
    async send(request, { signal, onProgress }) {
      const attempt: MemoryTransportAttempt = {
        id: request.id,
        fileName: request.fileName,
        mimeType: request.mimeType,
        size: imageSize(request),
        outcome: 'pending',
        ...(request.receiver !== undefined && { receiver: request.receiver }),
        ...(request.groupID !== undefined && { groupID: request.groupID }),
      };
      attempts.push(attempt);
      const failure = takeInjection(failures, request.id);
      const stall = takeInjection(stalls, request.id);
      const total = imageSize(request);
      try {
        for (let step = 1; step <= steps; step++) {
          await wait(latency, signal);
          const loaded = Math.round((total * step) / steps);
          if (failure && loaded > (failure.afterBytes ?? 0)) {
            throw new ImageMessageError(failure.code, failure.desc ?? `Injected failure ${failure.code}.`);
          }
          if (stall && loaded > (stall.afterBytes ?? 0)) await waitForAbort(signal);
          onProgress(loaded, total);
        }
        await wait(latency, signal);
        // A test double may read the whole file to keep what it received; a real transport streams it.
        const bytes = request.bytes
          ? request.bytes.slice()
          : new Uint8Array(await readBlob(request.file as Blob));
        const result = deliver(request, bytes);
        attempt.outcome = 'sent';
        return result;
      } catch (error) {
        attempt.outcome = signal.aborted ? 'aborted' : 'failed';
        throw error;
      }
    },
  };
}
