import {
  clear,
  createStore,
  del,
  delMany,
  get,
  promisifyRequest,
  set,
  setMany,
  type UseStore,
} from 'idb-keyval';
import * as ErrorCode from '../errorCodes';
import { ImageMessageError } from '../errors';
import { formatBytes } from '../format/formatBytes';
import { readBlob } from '../web/blobBytes';
import { claimMessage, releaseMessage } from './claimMessage';
import type { MessageStore, StoredImageMessage } from './types';

const MiB = 1024 * 1024;
const DAY = 24 * 60 * 60 * 1000;

export interface IndexedDbStoreOptions {
  /** Largest image kept (default 28 MiB, the send limit): a larger one lives in memory only. */
  maxFileBytes?: number;
  /** All kept images together (default 200 MiB, about fifty phone photos). */
  maxTotalBytes?: number;
  /** Kept messages older than this are dropped on the next load (default 7 days). */
  maxAgeMs?: number;
  /** The IndexedDB database name (default "image-message"); one per signed-in user keeps users apart. */
  name?: string;
}

const DEFAULTS = {
  maxFileBytes: 28 * MiB,
  maxTotalBytes: 200 * MiB,
  maxAgeMs: 7 * DAY,
  name: 'image-message',
};

/**
 * Saves and clears of one database, in the order they were asked for (per page): each save judges the
 * total with the ones before it counted, and a save asked for before `clearPersisted` lands before the
 * clear, never after it.
 */
const queues = new Map<string, Promise<unknown>>();
function inOrder<T>(name: string, task: () => Promise<T>): Promise<T> {
  const next = (queues.get(name) ?? Promise.resolve()).then(task);
  queues.set(
    name,
    next.catch(() => {}),
  );
  return next;
}

/** One idb-keyval store per database name: a second `createStore` would open a second connection. */
const databases = new Map<string, UseStore>();
const database = (name: string) => {
  const store = databases.get(name) ?? createStore(name, 'messages');
  databases.set(name, store);
  return store;
};

/**
 * What is kept under a message's id: everything but its image, which lives under `bytesKey(id)` (a Blob,
 * or bytes). Summing the sizes, changing a status and skipping another tab's entries then never read an
 * image.
 */
type KeptMessage = Omit<StoredImageMessage, 'bytes' | 'file'> & { size: number };

const bytesKey = (id: string): IDBValidKey => [id, 'bytes'];
const PROBE_KEY: IDBValidKey = ['', 'blob-probe'];

const isBlob = (value: unknown): value is Blob =>
  typeof value === 'object' &&
  value !== null &&
  !ArrayBuffer.isView(value) &&
  typeof (value as Blob).size === 'number' &&
  typeof (value as Blob).slice === 'function';

/**
 * Whether this engine's IndexedDB keeps Blobs, asked once per database with a 1-byte Blob written and
 * read back. WebKit under automation refuses them ("Error preparing Blob/File data"), and jsdom's Blobs
 * do not survive fake-indexeddb's cloning; there, images are kept as bytes.
 */
const blobSupport = new Map<string, Promise<boolean>>();
function keepsBlobs(name: string, store: UseStore): Promise<boolean> {
  let known = blobSupport.get(name);
  if (!known) {
    known = (async () => {
      if (typeof Blob !== 'function') return false;
      try {
        await set(PROBE_KEY, new Blob([new Uint8Array([1])]), store);
        const back = await get<unknown>(PROBE_KEY, store);
        await del(PROBE_KEY, store);
        return isBlob(back) && back.size === 1;
      } catch {
        return false;
      }
    })();
    blobSupport.set(name, known);
  }
  return known;
}

/** Every kept message without its bytes: IndexedDB orders string keys before array keys. */
const keptMessages = (store: UseStore) =>
  store('readonly', (objects) =>
    promisifyRequest<KeptMessage[]>(objects.getAll(IDBKeyRange.bound('', [], false, true))),
  );

function full(desc: string): ImageMessageError {
  return new ImageMessageError(ErrorCode.STORAGE_FULL, desc);
}

/**
 * The browser's `MessageStore`: unsent messages, bytes included, in IndexedDB (through idb-keyval), so
 * drafts and interrupted sends survive a reload. Each entry is claimed by one tab (Web Locks), so two
 * tabs never send the same one; an entry held by an open tab appears in another only after a reload once
 * that tab has closed. Over a cap or the browser's quota, `save` rejects with `STORAGE_FULL` and the
 * message stays in memory. Call `clearPersisted()` on sign-out.
 *
 * @example
 * import { createIndexedDbStore } from '@image-message/core/persist';
 * const manager = createMessageManager({ transport, store: createIndexedDbStore() });
 */
export function createIndexedDbStore(options: IndexedDbStoreOptions = {}): MessageStore {
  const { maxFileBytes, maxTotalBytes, maxAgeMs, name } = { ...DEFAULTS, ...options };
  const store = database(name);

  async function save(message: StoredImageMessage) {
    const { bytes, file, ...rest } = message;
    const size = file?.size ?? bytes?.byteLength ?? 0;
    if (size > maxFileBytes) {
      throw full(
        `This image (${formatBytes(size, 'up')}) is larger than the ${formatBytes(maxFileBytes)} this app keeps on the device; it stays while this page is open.`,
      );
    }
    const others = (await keptMessages(store)).filter((kept) => kept.id !== message.id);
    const total = others.reduce((sum, kept) => sum + kept.size, size);
    if (total > maxTotalBytes) {
      throw full(
        `Images waiting to be sent already fill the ${formatBytes(maxTotalBytes)} this app keeps on the device; this one stays while this page is open.`,
      );
    }
    await claimMessage(name, message.id);
    // One transaction: a message is never kept without its image.
    const write = (image: Blob | Uint8Array) =>
      setMany(
        [
          [message.id, { ...rest, size } satisfies KeptMessage],
          [bytesKey(message.id), image],
        ],
        store,
      );
    const asBytes = async () => bytes ?? new Uint8Array(await readBlob(file as Blob));
    try {
      // The Blob as it is where the engine keeps Blobs (nothing is read); else its bytes. A Blob refused
      // all the same (this one file, this once) but not for want of space is kept as bytes instead.
      if (file && (await keepsBlobs(name, store))) {
        await write(file).catch(async (error: unknown) => {
          if ((error as Error | undefined)?.name === 'QuotaExceededError') throw error;
          await write(await asBytes());
        });
      } else await write(await asBytes());
    } catch (error) {
      releaseMessage(name, message.id);
      // QuotaExceededError, or storage the browser refuses (private windows in some browsers).
      throw full(
        `The browser's storage for this site is full (${error instanceof Error ? error.name : 'error'}); this image stays while this page is open.`,
      );
    }
  }

  const forget = (id: string) => delMany([id, bytesKey(id)], store);

  return {
    async load() {
      const now = Date.now();
      const kept: StoredImageMessage[] = [];
      for (const { size: _, ...message } of await keptMessages(store)) {
        if (now - message.savedAt > maxAgeMs) await forget(message.id);
        else if (await claimMessage(name, message.id)) {
          // One image per read, and only once claimed: a tab that held the message and sent it deleted
          // them before letting go, so a sent message never returns. A Blob comes back unread.
          const image = await get<Blob | Uint8Array>(bytesKey(message.id), store);
          if (isBlob(image)) kept.push({ ...message, file: image });
          else if (ArrayBuffer.isView(image)) kept.push({ ...message, bytes: image });
          else releaseMessage(name, message.id);
        }
      }
      return kept.sort((a, b) => a.savedAt - b.savedAt);
    },

    save: (message) => inOrder(name, () => save(message)),

    update(id, changes) {
      // Read and written in one transaction; a message forgotten meanwhile stays forgotten.
      return store('readwrite', (objects) => {
        const request = objects.get(id);
        request.onsuccess = () => {
          if (request.result) objects.put({ ...request.result, ...changes }, id);
        };
        return promisifyRequest(objects.transaction);
      });
    },

    async remove(id) {
      await forget(id);
      releaseMessage(name, id);
    },
  };
}

/**
 * Forgets every kept message (call it on sign-out, so the next user of the device never sees them).
 *
 * @example await clearPersisted(); signOut();
 */
export function clearPersisted(options: Pick<IndexedDbStoreOptions, 'name'> = {}): Promise<void> {
  const name = options.name ?? DEFAULTS.name;
  const store = database(name);
  return inOrder(name, async () => {
    for (const message of await keptMessages(store)) releaseMessage(name, message.id);
    await clear(store);
  });
}
