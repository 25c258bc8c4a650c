/**
 * Where `createHttpTransport` keeps the URL of each message's unfinished resumable upload, by message
 * id, so a later send of that id (a retry, or after a reload when the store persists) continues the
 * upload instead of starting again. Each method may return a promise; a store that fails (a full quota)
 * only costs that resumption, never the send.
 *
 * @example
 * // Persisting them, e.g. beside the draft in IndexedDB:
 * const uploadUrls: UploadUrlStore = {
 *   get: (id) => idb.get(`upload:${id}`),
 *   set: (id, url) => idb.set(`upload:${id}`, url),
 *   delete: (id) => idb.del(`upload:${id}`),
 * };
 * createHttpTransport({ baseUrl, token, uploadUrls });
 */
export interface UploadUrlStore {
  get(id: string): string | undefined | Promise<string | undefined>;
  /** Called when an upload is created for the message. */
  set(id: string, url: string): void | Promise<void>;
  /** Called once the message is sent, or the upload was canceled (terminated) or is gone. */
  delete(id: string): void | Promise<void>;
}

/** The default store: a Map, so retries within the page's life resume. */
export function createMemoryUploadUrls(): UploadUrlStore {
  const urls = new Map<string, string>();
  return {
    get: (id) => urls.get(id),
    set: (id, url) => {
      urls.set(id, url);
    },
    delete: (id) => {
      urls.delete(id);
    },
  };
}
