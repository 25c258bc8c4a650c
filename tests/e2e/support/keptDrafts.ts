import type { Page } from '@playwright/test';

/** The demo's IndexedDB database for a user's unsent images (packages/demo/src/Chat.tsx). */
export const draftsDatabase = (userID: string) => `image-message-demo:${userID}`;

/** One entry of the store as IndexedDB holds it, reduced to what the tests compare. */
export interface KeptDraft {
  id: string;
  fileName: string;
  status: string;
  resume?: string;
  size: number;
  sha256: string;
}

/**
 * What the page's origin keeps in IndexedDB under `database` (the library's store: object store
 * "messages"), read with the browser's own API, so a test sees what a reload would find. Entries are
 * counted by message, not by IndexedDB record (a message's bytes are a record of their own).
 */
export function keptDrafts(page: Page, database: string): Promise<KeptDraft[]> {
  return page.evaluate(async (name) => {
    const known = await indexedDB.databases();
    if (!known.some((db) => db.name === name)) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      if (!db.objectStoreNames.contains('messages')) return [];
      // The store's layout: each message under its id (a string key), its image under [id, 'bytes'] (a
      // Blob where the engine keeps Blobs, else bytes).
      const objects = db.transaction('messages').objectStore('messages');
      const read = <T>(request: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const messages = await read<{ id: string; fileName: string; status: string; resume?: string }[]>(
        objects.getAll(IDBKeyRange.bound('', [], false, true)),
      );
      const images = await Promise.all(
        messages.map(({ id }) => read<Blob | Uint8Array | undefined>(objects.get([id, 'bytes']))),
      );
      const hex = (buffer: ArrayBuffer) =>
        Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');
      return Promise.all(
        messages.map(async ({ id, fileName, status, resume }, index) => {
          const image = images[index];
          const bytes =
            image instanceof Blob ? new Uint8Array(await image.arrayBuffer()) : (image ?? new Uint8Array());
          return {
            id,
            fileName,
            status,
            resume,
            size: bytes.byteLength,
            sha256: hex(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)),
          };
        }),
      );
    } finally {
      db.close();
    }
  }, database);
}

/** Every IndexedDB entry of the origin, in any database: what a next user of the browser could find. */
export function everyKeptEntry(page: Page): Promise<{ database: string; store: string; count: number }[]> {
  return page.evaluate(async () => {
    const found: { database: string; store: string; count: number }[] = [];
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const count = await new Promise<number>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).count();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        found.push({ database: name, store, count });
      }
      db.close();
    }
    return found;
  });
}
