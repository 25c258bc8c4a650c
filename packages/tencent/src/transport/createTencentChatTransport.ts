import {
  createAbortError,
  ImageMessageError,
  type ImageSendOptions,
  type ImageSendRequest,
  type ImageSendResult,
  type ImageTransport,
  imageSize,
  isAbortError,
  raceAbort,
  startStallWatchdog,
} from '@image-message/core';
import * as ErrorCode from '@image-message/core/codes';
import { TENCENT_IMAGE_MAX_BYTES } from '../constants';
import { checkChatReady } from '../errors/checkChatReady';
import { toImageMessageError } from '../errors/toImageMessageError';
import { addressKey, toAddress, toMessageOptions, toSendOptions } from '../mapping/toMessageOptions';
import { toSendResult } from '../mapping/toSendResult';
import type { TencentChat, TencentMessage, TencentSendResponse } from '../sdk/tencentSdk';
import { createSdkMessage } from './createSdkMessage';
import { createProgressForwarder } from './progressForwarder';
import type { TrackedMessage } from './trackedMessage';

/**
 * Why `onMessage` is called.
 *
 * @example
 * onMessage: (message, { phase, afterCancel }) => {
 *   if (phase === 'sent' && afterCancel) void chat.revokeMessage(message); // the cancel must win
 * }
 */
export interface TencentMessageEvent {
  /** The library's message id (from `createImageMessage`), the idempotency key. */
  id: string;
  /** `sending`: the SDK was asked to send (or resend) the message; `sent` / `failed`: the SDK settled it. */
  phase: 'sending' | 'sent' | 'failed';
  /**
   * True when the library's send for this id had been canceled, or given up as stalled (6012), before the
   * SDK settled. The SDK cannot stop an upload, so `phase: 'sent'` with `afterCancel: true` means the
   * image did reach the conversation although the composer shows it as canceled or failed; call
   * `chat.revokeMessage(message)` if the app must take it back.
   */
  afterCancel: boolean;
}

/**
 * @example createTencentChatTransport(chat, { maxBytes: 50 * 1024 * 1024 - 1, onMessage: upsertMessage })
 */
export interface TencentChatTransportOptions {
  /**
   * The largest image your Tencent Cloud Chat app sends, in bytes. Default: `TENCENT_IMAGE_MAX_BYTES`
   * (20 MiB − 1 byte: the Web SDK wants files smaller than its 20 MiB limit). If your app's cloud setting
   * (`upload_size_limit`) raised the limit to N bytes, pass N − 1. The composer refuses bigger files up
   * front and names this limit; the manager never goes above its own 28 MiB.
   */
  maxBytes?: number;
  /**
   * Receives the SDK's own `Message` as it changes, for apps that keep a Tencent message list (TUIKit or
   * their own): the SDK does not emit `MESSAGE_RECEIVED` for messages you send.
   */
  onMessage?: (message: TencentMessage, event: TencentMessageEvent) => void;
  /**
   * A send whose SDK upload reports no progress for this long is given up: it resolves 6012
   * `REQUEST_TIMEOUT` (retryable) and the SDK's late result is ignored, as after a cancel (default
   * 20 000 ms, as `createHttpTransport`; `Infinity` waits forever).
   */
  stallTimeoutMs?: number;
}

/**
 * A transport over the Tencent Cloud Chat Web SDK. Its `maxBytes` is always set.
 *
 * @example <ImageMessageProvider transport={createTencentChatTransport(chat)}>…</ImageMessageProvider>
 */
export interface TencentChatTransport extends ImageTransport {
  readonly maxBytes: number;
}

function resolveMaxBytes(maxBytes: number | undefined): number {
  if (maxBytes === undefined) return TENCENT_IMAGE_MAX_BYTES;
  if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0) {
    throw new RangeError(`maxBytes must be a positive whole number of bytes; got ${String(maxBytes)}.`);
  }
  return maxBytes;
}

/** Timers fire at once past this (a 32-bit delay); anything longer means "never". */
const MAX_TIMER_MS = 2 ** 31 - 1;

function resolveStallTimeout(ms: number | undefined): number {
  if (ms === undefined) return 20_000;
  if (!(ms > 0)) throw new RangeError(`stallTimeoutMs must be a positive number of ms; got ${String(ms)}.`);
  return ms;
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

function readSentMessage(response: unknown): TencentMessage | undefined {
  const message = (response as TencentSendResponse | undefined)?.data?.message;
  return typeof message === 'object' && message !== null ? message : undefined;
}

function invoke<T>(call: () => Promise<T>): Promise<T> {
  try {
    return Promise.resolve(call());
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * Sends image messages through the app's existing Tencent Cloud Chat instance: `createImageMessage` with a
 * `File` made from the validated bytes, then `sendMessage`. Register `tim-upload-plugin` and log in first.
 *
 * - Addressing: receiver → C2C; groupID → GROUP; both → GROUP with `receiverList: [receiver]`.
 * - Progress: the SDK's 0–1 fraction arrives as integer percents that never decrease.
 * - Errors keep the SDK's codes (2024, 2040, 2252, 2253, 20007, 10017…) with a desc a person can act on.
 * - Cancel: the SDK has no API to stop an upload. The send rejects at once with an `AbortError`; the SDK
 *   finishes on its own and that late result is not reported as this send's (see `onMessage`).
 * - Stall: no SDK progress for `stallTimeoutMs` → 6012 (retryable); the late result is ignored as after a
 *   cancel, and a retry joins the upload still running instead of starting a second one.
 * - Retry: the same id re-sends the same SDK message with `chat.resendMessage`, never a duplicate.
 *
 * @example
 * const chat = TencentCloudChat.create({ SDKAppID });
 * chat.registerPlugin({ 'tim-upload-plugin': TIMUploadPlugin });
 * await chat.login({ userID, userSig });
 * const manager = createMessageManager({ transport: createTencentChatTransport(chat) });
 */
export function createTencentChatTransport(
  chat: TencentChat,
  options: TencentChatTransportOptions = {},
): TencentChatTransport {
  const maxBytes = resolveMaxBytes(options.maxBytes);
  const stallTimeoutMs = resolveStallTimeout(options.stallTimeoutMs);
  const context = { maxBytes };
  const tracked = new Map<string, TrackedMessage>();

  function notify(entry: TrackedMessage, phase: TencentMessageEvent['phase']) {
    if (!options.onMessage) return;
    // Every attempt attaches its progress receiver before the SDK is called and drops it when canceled.
    const afterCancel = phase !== 'sending' && entry.forward === undefined;
    const event: TencentMessageEvent = { id: entry.id, phase, afterCancel };
    try {
      options.onMessage(entry.message, event);
    } catch (error) {
      // The app's listener must not turn a delivered message into a failed send; report it elsewhere.
      queueMicrotask(() => {
        throw error;
      });
    }
  }

  function startSending(entry: TrackedMessage, request: ImageSendRequest, resend: boolean) {
    const sendOptions = toSendOptions(request);
    const message = entry.message;
    const call = resend
      ? () => (sendOptions ? chat.resendMessage(message, sendOptions) : chat.resendMessage(message))
      : () => (sendOptions ? chat.sendMessage(message, sendOptions) : chat.sendMessage(message));
    entry.status = 'sending';
    entry.pending = invoke(call).then(
      (response: unknown) => {
        entry.message = readSentMessage(response) ?? message;
        entry.status = 'sent';
        notify(entry, 'sent');
        return entry.message;
      },
      (error: unknown) => {
        entry.status = 'failed';
        notify(entry, 'failed');
        throw error;
      },
    );
    // After a cancel nobody awaits the SDK's send; its failure is recorded above, not unhandled.
    entry.pending.catch(() => {});
    notify(entry, 'sending');
  }

  async function begin(
    request: ImageSendRequest,
    address: string,
    forward: (fraction: unknown) => void,
    signal: AbortSignal,
  ): Promise<TrackedMessage> {
    // Larger files never get here: the manager refuses anything over `maxBytes` when it is created.
    const refusal = checkChatReady(chat, context);
    if (refusal) throw refusal;

    const previous = tracked.get(request.id);
    if (previous && previous.address === address) {
      previous.forward = forward;
      startSending(previous, request, true);
      return previous;
    }
    // First send, or a retry to another conversation: the failed SDK message was never delivered, so a
    // fresh one is no duplicate.
    let entry: TrackedMessage | undefined;
    const message = await createSdkMessage(
      chat,
      toMessageOptions(request, (fraction) => entry?.forward?.(fraction)),
    );
    // Only a facade that answered asynchronously leaves room for a cancel here; then nothing is sent.
    if (signal.aborted) throw createAbortError();
    entry = {
      id: request.id,
      message,
      address,
      status: 'sending',
      pending: Promise.resolve(message),
      forward,
    };
    tracked.set(request.id, entry);
    startSending(entry, request, false);
    return entry;
  }

  async function send(
    request: ImageSendRequest,
    { signal, onProgress }: ImageSendOptions,
  ): Promise<ImageSendResult> {
    if (signal.aborted) throw createAbortError();
    const address = addressKey(toAddress(request));
    const known = tracked.get(request.id);
    if (known?.status === 'sent') {
      tracked.delete(request.id);
      return toSendResult(known.message);
    }

    const toPercent = createProgressForwarder(imageSize(request), onProgress);
    // Any report from the SDK is a sign of life, even one that does not move the percent.
    let touch = () => {};
    const forward = (fraction: unknown) => {
      touch();
      toPercent(fraction);
    };
    let entry: TrackedMessage;
    try {
      if (known?.status === 'sending') {
        // A retry while the canceled attempt's upload still runs: wait for that upload, don't start another.
        entry = known;
        entry.forward = forward;
      } else {
        entry = await begin(request, address, forward, signal);
      }
    } catch (error) {
      if (signal.aborted || isAbortError(error)) throw createAbortError();
      throw toImageMessageError(error, context);
    }

    // Stops waiting on a cancel or a stall alike; the SDK's upload runs on either way.
    const giveUp = new AbortController();
    const onAbort = () => giveUp.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    let stalled = false;
    const watchdog =
      stallTimeoutMs > MAX_TIMER_MS
        ? undefined
        : startStallWatchdog(stallTimeoutMs, () => {
            stalled = true;
            giveUp.abort();
          });
    touch = () => watchdog?.touch();
    try {
      const sent = await raceAbort(entry.pending, giveUp.signal);
      tracked.delete(request.id);
      return toSendResult(sent);
    } catch (error) {
      if (signal.aborted) throw createAbortError();
      if (stalled) {
        throw new ImageMessageError(
          ErrorCode.REQUEST_TIMEOUT,
          `The upload made no progress for ${seconds(stallTimeoutMs)}, so it was given up. Check the connection and send it again.`,
        );
      }
      throw toImageMessageError(error, context);
    } finally {
      watchdog?.stop();
      touch = () => {};
      signal.removeEventListener('abort', onAbort);
      if (entry.forward === forward) entry.forward = undefined;
    }
  }

  // The signed-in user sends: the optimistic message carries it before the SDK answers.
  const sender = () => String(chat.getLoginUser() ?? '') || undefined;
  return { maxBytes, sender, send };
}
