import { ErrorCode, ImageMessageError } from '../errors';
import type { MessageStore, StoredImageMessage } from '../persist/types';
import type { SendState } from './sendState';

export interface StoreSync {
  /** A message was created (or restored): keep it. */
  save(message: StoredImageMessage): void;
  /** A message's send moved: keep its status, or forget it once sent or discarded. */
  changed(id: string, state: SendState | undefined): void;
  /** Where its upload can resume (a tus upload URL), or that it cannot any more. */
  resume(id: string, url: string | undefined): void;
}

/**
 * Mirrors the manager's unsent messages into a `MessageStore`: saved when created, their status kept as
 * their sends move, removed once sent or discarded. Writes for one message run in order, after the
 * store is ready. A store that cannot keep a message (full, over a cap) is reported to `onUnsaved`; the
 * message keeps working in memory.
 */
export function createStoreSync(
  store: MessageStore | Promise<MessageStore>,
  onUnsaved: (id: string, code: number, desc: string) => void,
): StoreSync {
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
    resume(id, url) {
      run(id, (store) => store.update(id, { resume: url }));
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
