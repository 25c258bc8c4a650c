// Loaded only when the manager is given a store (`createMessageManager({ store })`): an app that does not keep
// messages across reloads never downloads it.

import * as ErrorCode from '../errorCodes';
import { ImageMessageError } from '../errors';
import { readAcceptedImage, readAcceptedImageFrom } from '../image/readAcceptedImage';
import type { ImageInfo } from '../image/readImageInfo';
import type { MessageStore, StoredImageMessage } from '../persist/types';
import { blobByteSource } from '../web/blobBytes';
import { type SendState, sendReducer } from './sendState';

export interface KeptMessages {
  /** A message was created (or restored): keep it. */
  save(message: StoredImageMessage): void;
  /** A message's send moved: keep its status, or forget it once sent or discarded. */
  changed(id: string, state: SendState | undefined): void;
  /** Where its upload can resume (a tus upload URL), or that it cannot any more. */
  resume(id: string, url: string | undefined): void;
  /** Its description (alt text) as typed, or none any more. */
  describe(id: string, description: string | undefined): void;
  /**
   * Puts back what the store kept, in order: `adopt` holds one message (false when it cannot: the id is
   * taken, it is over the limit) with the state it is given, made from its created state. Kept bytes
   * that are no accepted image (a damaged store) are skipped.
   */
  restore(
    adopt: (
      record: StoredImageMessage,
      info: ImageInfo,
      restoredState: (created: SendState) => SendState,
    ) => boolean,
  ): Promise<string[]>;
}

/** A kept message's state after a reload: a draft as created; a send as failed (or canceled), for Retry. */
function restoredState(record: StoredImageMessage, created: SendState): SendState {
  const state: SendState = { ...created, restored: true };
  if (record.status === 'created') return state;
  // Through the one reducer: an attempt started (to the conversation it was for), then how it ended.
  const started = sendReducer(state, { type: 'start', ...record.conversation });
  if (record.status === 'canceled') return sendReducer(started, { type: 'cancel' });
  const interrupted = record.status === 'sending';
  return sendReducer(started, {
    type: 'fail',
    code: interrupted ? ErrorCode.SEND_INTERRUPTED : (record.error?.code ?? ErrorCode.UPLOAD_FAILED),
    desc: interrupted
      ? 'The page closed while this image was being sent. Send it again.'
      : (record.error?.desc ?? 'The upload failed. Try again.'),
  });
}

/**
 * Mirrors the manager's unsent messages into a `MessageStore`, and puts them back after a reload: saved when created, their status kept as
 * their sends move, removed once sent or discarded. Writes for one message run in order, after the
 * store is ready. A store that cannot keep a message (full, over a cap) is reported to `onUnsaved`; the
 * message keeps working in memory.
 */
export function keepMessages(
  store: MessageStore | Promise<MessageStore>,
  onUnsaved: (id: string, code: number, desc: string) => void,
): KeptMessages {
  const ready = Promise.resolve(store);
  const pending = new Map<string, Promise<void>>();

  const run = (
    id: string,
    write: (store: MessageStore) => Promise<void>,
    onError?: (error: unknown) => void,
  ) => {
    const next = (pending.get(id) ?? Promise.resolve())
      .then(() => ready)
      .then(write)
      // A store that fails to update or forget a message must not stop the ones after it.
      .catch(onError ?? (() => {}));
    pending.set(id, next);
    void next.then(() => {
      if (pending.get(id) === next) pending.delete(id);
    });
  };

  return {
    async restore(adopt) {
      const ids: string[] = [];
      for (const record of await (await ready).load()) {
        // One unreadable entry must not cost the others.
        try {
          // A kept Blob: its header alone is read again (a slice), never the photo.
          const reading = record.file
            ? await readAcceptedImageFrom(blobByteSource(record.file))
            : record.bytes && readAcceptedImage(record.bytes);
          if (!reading?.ok) {
            // Damaged in the store: it can never be sent, so it is not kept (nor held from other tabs).
            await (await ready).remove(record.id);
          } else if (adopt(record, reading.info, (created) => restoredState(record, created))) {
            ids.push(record.id);
          }
        } catch {}
        // Kept bytes are copied into a preview Blob, a task per image: eight 12 MP drafts restored in one
        // task held the main thread 100–180 ms after a reload; one at a time, none over 50 ms.
        if (!record.file) await new Promise((resolve) => setTimeout(resolve, 0));
      }
      return ids;
    },
    resume(id, url) {
      run(id, (store) => store.update(id, { resume: url }));
    },
    describe(id, description) {
      run(id, (store) => store.update(id, { description }));
    },
    save(message) {
      run(
        message.id,
        (store) => store.save(message),
        (error) => {
          const { code, desc } =
            error instanceof ImageMessageError
              ? error
              : {
                  code: ErrorCode.STORAGE_FULL,
                  desc: `This image could not be kept on this device (${error instanceof Error ? error.message : String(error)}); it stays while this page is open.`,
                };
          onUnsaved(message.id, code, desc);
        },
      );
    },
    changed(id, state) {
      if (!state || state.status === 'sent') run(id, (store) => store.remove(id));
      else if (state.status === 'sending' && state.progress === 0) {
        // Where it is going, so an interrupted send comes back addressed (and in its composer).
        const { userID: receiver, groupID } = state.message;
        run(id, (store) => store.update(id, { status: 'sending', conversation: { receiver, groupID } }));
      } else if (state.status === 'failed' || state.status === 'canceled') {
        run(id, (store) => store.update(id, { status: state.status as 'failed', error: state.error }));
      }
    },
  };
}
