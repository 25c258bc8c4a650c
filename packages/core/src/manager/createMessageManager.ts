import { IMAGE_MAX_BYTES, ImageType, MessageElemType } from '../constants';
import { createAbortError, ErrorCode, ImageMessageError, isAbortError } from '../errors';
import type { ImageInfo } from '../image/readImageInfo';
import { sanitizeFileName } from '../image/sanitizeFileName';
import type { ImageTransport } from '../transport/transport';
import type { V2TimMessage, V2TimMsgCreateInfoResult, V2TimValueCallback } from '../types';
import { validateImageBytes } from '../validation/validateImageBytes';
import { validateImagePath } from '../validation/validateImagePath';
import { revokeOwnedObjectUrl } from '../web/objectUrls';
import { createMessageId } from './createMessageId';
import { canSend, initialSendState, type SendAction, type SendState, sendReducer } from './sendState';
import type { CreateImageMessageParams, SendMessageParams, V2TimAdvancedMsgListener } from './types';

export interface MessageManagerOptions {
  transport: ImageTransport;
  /** A limit below 28 MiB. The effective limit is the lowest of this, 28 MiB and `transport.maxBytes`. */
  maxBytes?: number;
  /** Id factory, for deterministic tests. */
  createId?: () => string;
}

/**
 * Creates and sends image messages with the SDK's contract. Results are returned, never thrown.
 * Besides the SDK methods it exposes the per-message `SendState` for UIs (`subscribe`/`getSendState`).
 */
export interface MessageManager {
  /** The effective byte limit: min(28 MiB, `maxBytes`, `transport.maxBytes`). */
  readonly maxBytes: number;
  createImageMessage(params: CreateImageMessageParams): Promise<V2TimValueCallback<V2TimMsgCreateInfoResult>>;
  sendMessage(params: SendMessageParams): Promise<V2TimValueCallback<V2TimMessage>>;
  /** Returns a function that removes the listener. */
  addAdvancedMsgListener(listener: V2TimAdvancedMsgListener): () => void;
  /** Removes one listener, or all of them when called without one. */
  removeAdvancedMsgListener(listener?: V2TimAdvancedMsgListener): void;
  /** The current state of a created message; a new object after every change. */
  getSendState(id: string): SendState | undefined;
  /** Called with the id of every message whose state changed. */
  subscribe(onChange: (id: string) => void): () => void;
  /** Drops a message: aborts its send, releases its bytes and revokes its preview URL. */
  discardMessage(id: string): boolean;
}

interface Entry {
  state: SendState;
  imagePath: string;
  fileName: string;
  info: ImageInfo;
  /** Released once the message is sent. */
  bytes?: Uint8Array;
  /** Aborts the attempt in flight. */
  controller?: AbortController;
}

const CANCELED_DESC = 'The send was canceled. Send it again when you are ready.';

function failure<T>(code: number, desc: string, data?: T): V2TimValueCallback<T> {
  return data === undefined ? { code, desc } : { code, desc, data };
}

function toFailure(error: unknown): { code: number; desc: string } {
  if (error instanceof ImageMessageError) return { code: error.code, desc: error.desc };
  const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
  return { code: ErrorCode.UPLOAD_FAILED, desc: `The upload failed${detail}. Try again.` };
}

function nonEmpty(value: string | undefined): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * @example
 * const manager = createMessageManager({ transport: createMemoryTransport() });
 * const created = await manager.createImageMessage(await fileToImageMessageParams(file));
 * if (created.code === 0) await manager.sendMessage({ id: created.data!.id, receiver: 'bob' });
 */
export function createMessageManager(options: MessageManagerOptions): MessageManager {
  const { transport } = options;
  const maxBytes = Math.min(IMAGE_MAX_BYTES, options.maxBytes ?? Infinity, transport.maxBytes ?? Infinity);
  const createId = options.createId ?? createMessageId;
  const entries = new Map<string, Entry>();
  const listeners = new Set<V2TimAdvancedMsgListener>();
  const subscribers = new Set<(id: string) => void>();

  function dispatch(id: string, entry: Entry, action: SendAction): boolean {
    const next = sendReducer(entry.state, action);
    if (next === entry.state) return false;
    entry.state = next;
    for (const subscriber of subscribers) subscriber(id);
    return true;
  }

  function release(entry: Entry) {
    entry.bytes = undefined;
    revokeOwnedObjectUrl(entry.imagePath);
  }

  async function createImageMessage(
    params: CreateImageMessageParams,
  ): Promise<V2TimValueCallback<V2TimMsgCreateInfoResult>> {
    const imagePath = params?.imagePath;
    const reject = (code: number, desc: string) => {
      revokeOwnedObjectUrl(typeof imagePath === 'string' ? imagePath : undefined);
      return failure<V2TimMsgCreateInfoResult>(code, desc);
    };
    const pathCheck = validateImagePath(imagePath);
    if (!pathCheck.ok) return reject(pathCheck.code, pathCheck.desc);
    const { fileContent, fileName } = params;
    if (!ArrayBuffer.isView(fileContent) || typeof fileName !== 'string' || fileName.trim() === '') {
      return reject(
        ErrorCode.INVALID_PARAMETERS,
        'On the web, createImageMessage needs fileContent (the bytes) and fileName. Use fileToImageMessageParams(file) to get both.',
      );
    }
    const bytes = new Uint8Array(fileContent.buffer, fileContent.byteOffset, fileContent.byteLength);
    const check = validateImageBytes(bytes, maxBytes);
    if (!check.ok) return reject(check.code, check.desc);

    const id = createId();
    const messageInfo: V2TimMessage = {
      id,
      elemType: MessageElemType.IMAGE,
      isSelf: true,
      progress: 0,
      imageElem: {
        path: imagePath,
        imageList: [
          {
            type: ImageType.ORIGIN,
            size: bytes.byteLength,
            width: check.info.width,
            height: check.info.height,
            localUrl: imagePath,
          },
        ],
      },
    };
    // Names from the web path are sanitized already; names passed directly are not, and a transport or
    // server must never see "../" or a bidi override.
    const safeName = sanitizeFileName(fileName);
    entries.set(id, {
      state: initialSendState(messageInfo),
      imagePath,
      fileName: safeName,
      info: check.info,
      bytes,
    });
    for (const subscriber of subscribers) subscriber(id);
    return { code: ErrorCode.SUCC, desc: '', data: { id, messageInfo } };
  }

  async function sendMessage(params: SendMessageParams): Promise<V2TimValueCallback<V2TimMessage>> {
    const id = params?.id;
    if (typeof id !== 'string' || id === '') {
      return failure(
        ErrorCode.INVALID_PARAMETERS,
        'sendMessage needs the id that createImageMessage returned.',
      );
    }
    const entry = entries.get(id);
    if (!entry) {
      return failure(
        ErrorCode.ID_NOT_EXIST,
        `No message with id "${id}" exists. Create it with createImageMessage first.`,
      );
    }
    if (entry.state.status === 'sent' || !entry.bytes) {
      return failure(
        ErrorCode.ID_NOT_EXIST,
        `Message "${id}" was already sent. Create a new message to send the image again.`,
      );
    }
    const receiver = nonEmpty(params.receiver);
    const groupID = nonEmpty(params.groupID);
    if (!receiver && !groupID) {
      return failure(
        ErrorCode.INVALID_PARAMETERS,
        'sendMessage needs a receiver (one-to-one) or a groupID (group).',
        entry.state.message,
      );
    }
    if (!canSend(entry.state)) {
      return failure(
        ErrorCode.INVALID_PARAMETERS,
        `Message "${id}" is already being sent. Wait for it, or cancel it first.`,
        entry.state.message,
      );
    }
    if (params.signal?.aborted) return failure(ErrorCode.CANCELED, CANCELED_DESC, entry.state.message);

    const controller = new AbortController();
    entry.controller = controller;
    const onCallerAbort = () => controller.abort();
    params.signal?.addEventListener('abort', onCallerAbort, { once: true });
    dispatch(id, entry, { type: 'start', receiver, groupID });

    const report = (progress: number) => {
      if (entry.controller !== controller) return;
      if (!dispatch(id, entry, { type: 'progress', progress })) return;
      const { message } = entry.state;
      params.onProgress?.(entry.state.progress);
      for (const listener of listeners) listener.onSendMessageProgress?.(message, entry.state.progress);
    };
    // Emit 0 so every observer sees the upload begin, even before the transport's first event.
    params.onProgress?.(0);
    for (const listener of listeners) listener.onSendMessageProgress?.(entry.state.message, 0);

    // A transport that cannot stop its upload must not keep a canceled send waiting: abort wins the race.
    const aborted = new Promise<'aborted'>((resolve) => {
      if (controller.signal.aborted) resolve('aborted');
      controller.signal.addEventListener('abort', () => resolve('aborted'), { once: true });
    });

    try {
      const outcome = await Promise.race([
        transport.send(
          {
            id,
            bytes: entry.bytes,
            fileName: entry.fileName,
            mimeType: entry.info.mimeType,
            width: entry.info.width,
            height: entry.info.height,
            ...(receiver !== undefined && { receiver }),
            ...(groupID !== undefined && { groupID }),
            ...pickSendOptions(params),
          },
          {
            signal: controller.signal,
            onProgress: (loaded, total) => {
              if (total > 0) report(Math.floor((Math.min(loaded, total) * 100) / total));
            },
          },
        ),
        aborted,
      ]);
      if (outcome === 'aborted' || controller.signal.aborted) throw createAbortError();
      report(100);
      const sent: V2TimMessage = {
        ...entry.state.message,
        ...outcome.extra,
        id,
        msgID: outcome.msgID,
        timestamp: outcome.timestamp,
        sender: outcome.sender,
        elemType: MessageElemType.IMAGE,
        imageElem: { path: entry.imagePath, imageList: outcome.imageList },
      };
      if (params.localCustomData !== undefined) sent.localCustomData = params.localCustomData;
      dispatch(id, entry, { type: 'succeed', message: sent });
      release(entry);
      return { code: ErrorCode.SUCC, desc: '', data: entry.state.message };
    } catch (error) {
      if (controller.signal.aborted || isAbortError(error)) {
        dispatch(id, entry, { type: 'cancel' });
        return failure(ErrorCode.CANCELED, CANCELED_DESC, entry.state.message);
      }
      const { code, desc } = toFailure(error);
      dispatch(id, entry, { type: 'fail', code, desc });
      return failure(code, desc, entry.state.message);
    } finally {
      params.signal?.removeEventListener('abort', onCallerAbort);
      if (entry.controller === controller) entry.controller = undefined;
    }
  }

  return {
    maxBytes,
    createImageMessage,
    sendMessage,
    addAdvancedMsgListener(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    removeAdvancedMsgListener(listener) {
      if (listener) listeners.delete(listener);
      else listeners.clear();
    },
    getSendState: (id) => entries.get(id)?.state,
    subscribe(onChange) {
      subscribers.add(onChange);
      return () => subscribers.delete(onChange);
    },
    discardMessage(id) {
      const entry = entries.get(id);
      if (!entry) return false;
      entry.controller?.abort();
      release(entry);
      entries.delete(id);
      for (const subscriber of subscribers) subscriber(id);
      return true;
    },
  };
}

function pickSendOptions(params: SendMessageParams) {
  const {
    priority,
    cloudCustomData,
    onlineUserOnly,
    isExcludedFromUnreadCount,
    isExcludedFromLastMessage,
    needReadReceipt,
  } = params;
  return Object.fromEntries(
    Object.entries({
      priority,
      cloudCustomData,
      onlineUserOnly,
      isExcludedFromUnreadCount,
      isExcludedFromLastMessage,
      needReadReceipt,
    }).filter(([, value]) => value !== undefined),
  );
}
