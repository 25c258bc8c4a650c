import { IMAGE_MAX_BYTES } from '../constants';
import * as ErrorCode from '../errorCodes';
import { ImageMessageError, isAbortError } from '../errors';
import type { MessageStore } from '../persist/types';
import type { ImageTransport } from '../transport/transport';
import type { UploadUrlStore } from '../transport/tus/uploadUrlStore';
import type { V2TimMessage, V2TimMsgCreateInfoResult, V2TimValueCallback } from '../types';
import { revokeOwnedObjectUrl } from '../web/objectUrls';
import { describeAddress, sameAddress } from './address';
import { createMessageId } from './createMessageId';
import { DISPOSED_DESC, type Entry, IMAGE_ELEM, type ManagerInternals, result } from './entry';
import type { KeptMessages } from './keepMessages';
import { canSend, type SendAction, type SendState, sendReducer } from './sendState';
import type { CreateImageMessageParams, SendMessageParams, V2TimAdvancedMsgListener } from './types';

export interface MessageManagerOptions {
  transport: ImageTransport;
  /** A limit below 28 MiB. The effective limit is the lowest of this, 28 MiB and `transport.maxBytes`. */
  maxBytes?: number;
  /** Id factory, for deterministic tests. */
  createId?: () => string;
  /**
   * Keeps unsent messages across reloads (opt-in): `createIndexedDbStore()` from
   * `@image-message/core/persist`, or a promise of it (so the store's code can load lazily). The
   * manager restores what the store kept as soon as it is ready (see `restored`).
   */
  store?: MessageStore | Promise<MessageStore>;
}

/**
 * Creates and sends image messages with the SDK's contract. Results are returned, never thrown.
 * Besides the SDK methods it exposes the per-message `SendState` for UIs (`subscribe`/`getSendState`).
 */
export interface MessageManager {
  /** The effective byte limit: min(28 MiB, `maxBytes`, `transport.maxBytes`). */
  readonly maxBytes: number;
  /** True with a `store`: unsent messages outlive the composer that made them, and the page. */
  readonly persistent: boolean;
  createImageMessage(params: CreateImageMessageParams): Promise<V2TimValueCallback<V2TimMsgCreateInfoResult>>;
  sendMessage(params: SendMessageParams): Promise<V2TimValueCallback<V2TimMessage>>;
  /** Returns a function that removes the listener. */
  addAdvancedMsgListener(listener: V2TimAdvancedMsgListener): () => void;
  /** Removes one listener, or all of them when called without one. */
  removeAdvancedMsgListener(listener?: V2TimAdvancedMsgListener): void;
  /** The current state of a created message; a new object after every change. */
  getSendState(id: string): SendState | undefined;
  /**
   * Called with the id of every message whose state changed, and that state (`undefined` once the message
   * is discarded). Every subscriber sees every change in the order it happened, even when a subscriber
   * changes a state while being notified (that change is delivered after the current one).
   */
  subscribe(onChange: (id: string, state: SendState | undefined) => void): () => void;
  /**
   * Stops the send of `id` in flight: that `sendMessage` resolves with `ErrorCode.CANCELED` and the
   * message can be sent again (same id). Returns true when a send was in flight, false otherwise.
   */
  cancel(id: string): boolean;
  /** Drops a message: aborts its send, releases its bytes and revokes its preview URL. */
  discardMessage(id: string): boolean;
  /**
   * Sets the image's description (alt text) of a message not on its way (created, failed or canceled),
   * as the person types it: `''` removes it. It is sent cleaned as `imageElem.description`
   * (`checkDescription`: controls and bidi overrides removed, trimmed, NFC) and kept with the message in
   * the store. One longer than `DESCRIPTION_MAX_LENGTH` is kept as typed but answers
   * `ErrorCode.DESCRIPTION_TOO_LONG` here and from `sendMessage` until it is shortened; the image stays.
   *
   * @example
   * const result = manager.setDescription(id, 'A dog on the beach');
   * if (result.code === ErrorCode.DESCRIPTION_TOO_LONG) showError(result.desc);
   */
  setDescription(id: string, description: string): V2TimValueCallback<V2TimMessage>;
  /** The ids of every message the manager holds, oldest first. */
  getMessageIds(): string[];
  /**
   * With a `store`: settles once the kept messages are back (drafts as created, interrupted sends as
   * failed with `SEND_INTERRUPTED`, ready for Retry), with their ids. Without one: `[]`.
   */
  readonly restored: Promise<string[]>;
  /**
   * Releases everything the manager holds (call it on sign-out): aborts every send in flight (they
   * resolve with `CANCELED`), drops every message with its bytes and revokes their preview URLs, and
   * removes every listener and subscriber. Kept messages stay in the store (`clearPersisted()` forgets
   * them). Afterwards `createImageMessage` and `sendMessage` answer 6014 (`NOT_LOGGED_IN`), the other
   * methods find nothing, and a second call does nothing.
   */
  dispose(): void;
}

// Literals checked against the SDK enums (`satisfies`), so the enum objects are not bundled for two numbers.

const CANCELED_DESC = 'The send was canceled. Send it again when you are ready.';

function toFailure(error: unknown): { code: number; desc: string } {
  if (error instanceof ImageMessageError) return error;
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
  // Resumable upload URLs live with their messages (and in the store, so a reload resumes).
  const uploadUrls: UploadUrlStore = {
    get: (id) => entries.get(id)?.uploadUrl,
    set(id, url) {
      const entry = entries.get(id);
      if (entry) entry.uploadUrl = url;
      keep((kept) => kept.resume(id, url));
    },
    delete(id) {
      const entry = entries.get(id);
      if (entry) entry.uploadUrl = undefined;
      keep((kept) => kept.resume(id, undefined));
    },
  };
  // The store's code (writes in order per message, restore) loads only when there is a store.
  const kept =
    options.store &&
    import('./keepMessages').then(({ keepMessages }) =>
      keepMessages(options.store as MessageStore | Promise<MessageStore>, (id, code, desc) => {
        const entry = entries.get(id);
        if (entry) dispatch(id, entry, { type: 'unsaved', code, desc });
      }),
    );
  const keep = (write: (kept: KeptMessages) => void) => void kept?.then(write);
  const listeners = new Set<V2TimAdvancedMsgListener>();
  /** Set by `dispose()`: nothing is held or made any more. */
  let disposed = false;
  const subscribers = new Set<(id: string, state: SendState | undefined) => void>();
  /** Changes not delivered yet, while a delivery is under way. */
  let undelivered: [string, SendState | undefined][] | undefined;

  function notify(id: string) {
    const change: [string, SendState | undefined] = [id, entries.get(id)?.state];
    if (undelivered) {
      undelivered.push(change);
      return;
    }
    undelivered = [change];
    try {
      for (let next = undelivered.shift(); next; next = undelivered.shift()) {
        for (const subscriber of subscribers) subscriber(...next);
      }
    } finally {
      undelivered = undefined;
    }
  }

  function dispatch(id: string, entry: Entry, action: SendAction): boolean {
    const next = sendReducer(entry.state, action);
    if (next === entry.state) return false;
    entry.state = next;
    keep((kept) => kept.changed(id, next));
    notify(id);
    return true;
  }

  function release(entry: Entry) {
    entry.bytes = undefined;
    entry.file = undefined;
    revokeOwnedObjectUrl(entry.imagePath);
  }

  const internals: ManagerInternals = {
    transport,
    maxBytes,
    createId,
    entries,
    isDisposed: () => disposed,
    keep,
    notify,
  };
  // Making messages loads with the first image (created, or restored from a store).
  const holdImage = () => import('./holdImage');

  async function sendMessage(params: SendMessageParams): Promise<V2TimValueCallback<V2TimMessage>> {
    // What is not the manager's own (priority, cloudCustomData, …) goes to the transport as the SDK's options.
    const { id, onProgress, signal, localCustomData, ...sdkOptions } = params ?? ({} as SendMessageParams);
    if (typeof id !== 'string' || id === '') {
      return result(
        ErrorCode.INVALID_PARAMETERS,
        'sendMessage needs the id that createImageMessage returned.',
      );
    }
    if (disposed) return result(ErrorCode.NOT_LOGGED_IN, DISPOSED_DESC);
    const entry = entries.get(id);
    if (!entry) {
      return result(
        ErrorCode.ID_NOT_EXIST,
        `No message with id "${id}" exists. Create it with createImageMessage first.`,
      );
    }
    const { bytes, file, info } = entry;
    if (entry.state.status === 'sent' || (!bytes && !file)) {
      return result(
        ErrorCode.ID_NOT_EXIST,
        `Message "${id}" was already sent. Create a new message to send the image again.`,
      );
    }
    // After a first attempt the message has an address; a send without a target goes there (a Retry).
    const { address } = entry.state;
    const requested = { receiver: nonEmpty(params.receiver), groupID: nonEmpty(params.groupID) };
    const { receiver, groupID } = requested.receiver || requested.groupID || !address ? requested : address;
    if (!receiver && !groupID) {
      return result(
        ErrorCode.INVALID_PARAMETERS,
        'sendMessage needs a receiver (one-to-one) or a groupID (group).',
        entry.state.message,
      );
    }
    if (address && !sameAddress(address, { receiver, groupID })) {
      // Never silently elsewhere: after a reload the composer's selector may show another target than the
      // one the user chose, and a photo meant for one member must not reach the whole group.
      return result(
        ErrorCode.INVALID_PARAMETERS,
        `Message "${id}" was sent to ${describeAddress(address)}, so it can only be sent there again, not to ${describeAddress({ receiver, groupID })}. To send the image elsewhere, create a new message.`,
        entry.state.message,
      );
    }
    const { descriptionError } = entry.state;
    if (descriptionError && entry.state.status !== 'sending') {
      return result(descriptionError.code, descriptionError.desc, entry.state.message);
    }
    if (!canSend(entry.state)) {
      return result(
        ErrorCode.INVALID_PARAMETERS,
        `Message "${id}" is already being sent. Wait for it, or cancel it first.`,
        entry.state.message,
      );
    }
    if (signal?.aborted) return result(ErrorCode.CANCELED, CANCELED_DESC, entry.state.message);

    const controller = new AbortController();
    // A transport that cannot stop its upload must not keep a canceled send waiting: abort wins the race.
    // Listening before anything else runs means even an abort from a subscriber below is not missed.
    const aborted = new Promise<'aborted'>((resolve) =>
      controller.signal.addEventListener('abort', () => resolve('aborted')),
    );
    entry.controller = controller;
    const onCallerAbort = () => controller.abort();
    signal?.addEventListener('abort', onCallerAbort);

    // The same numbers reach the caller, every listener and `message.progress`.
    const emitProgress = () => {
      const { message, progress } = entry.state;
      onProgress?.(progress);
      for (const listener of listeners) listener.onSendMessageProgress?.(message, progress);
    };
    const report = (progress: number) => {
      if (entry.controller === controller && dispatch(id, entry, { type: 'progress', progress })) {
        emitProgress();
      }
    };
    const canceled = () => {
      dispatch(id, entry, { type: 'cancel' });
      return result(ErrorCode.CANCELED, CANCELED_DESC, entry.state.message);
    };
    dispatch(id, entry, { type: 'start', receiver, groupID });
    // Emit 0 so every observer sees the upload begin, even before the transport's first event.
    emitProgress();

    try {
      const outcome = await Promise.race([
        transport.send(
          {
            ...sdkOptions,
            id,
            receiver,
            groupID,
            ...(bytes && { bytes }),
            ...(file && { file }),
            fileName: entry.state.fileName,
            mimeType: info.mimeType,
            width: info.width,
            height: info.height,
            placeholder: entry.state.message.imageElem?.placeholder,
            description: entry.state.message.imageElem?.description,
          },
          {
            signal: controller.signal,
            uploadUrls,
            onProgress: (loaded, total) => {
              if (total > 0) report(Math.floor((Math.min(loaded, total) * 100) / total));
            },
          },
        ),
        aborted,
      ]);
      if (outcome === 'aborted' || controller.signal.aborted) return canceled();
      report(100);
      const sent: V2TimMessage = {
        ...entry.state.message,
        ...outcome.extra,
        id,
        msgID: outcome.msgID,
        timestamp: outcome.timestamp,
        sender: outcome.sender,
        elemType: IMAGE_ELEM,
        imageElem: { ...entry.state.message.imageElem, path: entry.imagePath, imageList: outcome.imageList },
      };
      if (localCustomData !== undefined) sent.localCustomData = localCustomData;
      dispatch(id, entry, { type: 'succeed', message: sent });
      release(entry);
      return result(ErrorCode.SUCC, '', entry.state.message);
    } catch (error) {
      if (controller.signal.aborted || isAbortError(error)) return canceled();
      const { code, desc } = toFailure(error);
      dispatch(id, entry, { type: 'fail', code, desc });
      return result(code, desc, entry.state.message);
    } finally {
      signal?.removeEventListener('abort', onCallerAbort);
      if (entry.controller === controller) entry.controller = undefined;
    }
  }

  return {
    maxBytes,
    persistent: Boolean(options.store),
    async createImageMessage(params) {
      if (disposed) return result(ErrorCode.NOT_LOGGED_IN, DISPOSED_DESC);
      return (await holdImage()).createImage(internals, params);
    },
    sendMessage,
    addAdvancedMsgListener(listener) {
      // A disposed manager sends nothing: the listener would only be held.
      if (!disposed) listeners.add(listener);
      return () => listeners.delete(listener);
    },
    removeAdvancedMsgListener(listener) {
      if (listener) listeners.delete(listener);
      else listeners.clear();
    },
    getSendState: (id) => entries.get(id)?.state,
    setDescription(id, description) {
      const entry = typeof id === 'string' ? entries.get(id) : undefined;
      if (!entry) {
        return result(
          ErrorCode.ID_NOT_EXIST,
          `No message with id "${id}" exists. Create it with createImageMessage first.`,
        );
      }
      if (typeof description !== 'string') {
        return result(
          ErrorCode.INVALID_PARAMETERS,
          'setDescription needs the description as text (an empty string removes it).',
          entry.state.message,
        );
      }
      const { status } = entry.state;
      if (status === 'sending' || status === 'sent') {
        return result(
          ErrorCode.INVALID_PARAMETERS,
          `Message "${id}" is ${status === 'sent' ? 'already sent' : 'being sent'}; its description can no longer change.`,
          entry.state.message,
        );
      }
      if (dispatch(id, entry, { type: 'describe', description })) {
        keep((kept) => kept.describe(id, entry.state.description));
      }
      const { descriptionError, message } = entry.state;
      return descriptionError
        ? result(descriptionError.code, descriptionError.desc, message)
        : result(ErrorCode.SUCC, '', message);
    },
    getMessageIds: () => [...entries.keys()],
    restored: kept
      ? Promise.all([kept, holdImage()])
          .then(([k, { adoptKept }]) => k.restore((...kept) => adoptKept(internals, ...kept)))
          .catch(() => [])
      : Promise.resolve([]),
    cancel(id) {
      const controller = entries.get(id)?.controller;
      if (!controller || controller.signal.aborted) return false;
      controller.abort();
      return true;
    },
    subscribe(onChange) {
      if (!disposed) subscribers.add(onChange);
      return () => subscribers.delete(onChange);
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      listeners.clear();
      subscribers.clear();
      for (const entry of entries.values()) {
        entry.controller?.abort();
        release(entry);
      }
      entries.clear();
    },
    discardMessage(id) {
      const entry = entries.get(id);
      if (!entry) return false;
      entry.controller?.abort();
      release(entry);
      entries.delete(id);
      keep((kept) => kept.changed(id, undefined));
      notify(id);
      return true;
    },
  };
}
