import {
  ErrorCode,
  ImageMessageError,
  type MessageStore,
  type StoredImageMessage,
} from '@image-message/core';

/**
 * A store on a device whose storage is full: `save` rejects as IndexedDB does when the quota is exceeded,
 * so every draft lives in memory only and the composer's StorageAlert says so.
 */
export function fullStore(): MessageStore {
  return {
    load: async () => [],
    save: async () => {
      throw new ImageMessageError(
        ErrorCode.STORAGE_FULL,
        'QuotaExceededError: the browser refused to store more data for this site.',
      );
    },
    update: async () => {},
    remove: async () => {},
  };
}

/**
 * A store that kept `entries` before "the reload" (an in-memory stand-in for IndexedDB): the manager
 * restores them as the story starts, and `saved` tells what is kept now.
 */
export function keptStore(entries: () => Promise<StoredImageMessage[]>): MessageStore & {
  readonly saved: Map<string, StoredImageMessage>;
} {
  const saved = new Map<string, StoredImageMessage>();
  return {
    saved,
    load: async () => {
      for (const entry of await entries()) saved.set(entry.id, entry);
      return [...saved.values()];
    },
    save: async (message) => {
      saved.set(message.id, message);
    },
    update: async (id, changes) => {
      const entry = saved.get(id);
      if (entry) saved.set(id, { ...entry, ...changes });
    },
    remove: async (id) => {
      saved.delete(id);
    },
  };
}
