// Figure 9 in the page: keeping drafts in IndexedDB (`createMessageManager({ store })`) against the
// browser's own IndexedDB write of the same record.
import {
  createMemoryTransport,
  createMessageManager,
  type MessageManager,
  type MessageStore,
  readImageInfo,
  type StoredImageMessage,
} from '@image-message/core';
import { type HeartbeatStalls, longTasksBetween } from './instrumentation';

export interface PersistRun extends HeartbeatStalls {
  ms: number;
  longTasks: number;
  longestTaskMs: number;
  /** Long animation frames (> 50 ms) meanwhile: frames the page could not show in time. */
  longFrames: number;
  longestFrameMs: number;
  /** Scripts of the long animation frames meanwhile, longest first. */
  culprits: string[];
}

/** The library's database and the baseline's, apart so neither reads the other's entries. */
const LIBRARY_DB = 'bench-persist';
const RAW_DB = 'bench-persist-raw';
const NAME = 'photo-12mp.jpg';

/** Loaded on demand, as the provider loads it (a static import here would fold it into the page's chunk). */
const persist = () => import('@image-message/core/persist');

let source: { file: File; mimeType: string; width: number; height: number } | undefined;

async function sourceOf(file: File) {
  if (!source) {
    const read = readImageInfo(new Uint8Array(await file.slice(0, 128 * 1024).arrayBuffer()));
    if (!read.ok) throw new Error(read.desc);
    source = { file, mimeType: read.info.mimeType, width: read.info.width, height: read.info.height };
  }
  return source;
}

/** A stored entry as the manager writes it for a draft of the hook or the composer: the File itself. */
function record(id: string, src: NonNullable<typeof source>): StoredImageMessage {
  return {
    id,
    file: src.file,
    mimeType: src.mimeType,
    fileName: NAME,
    width: src.width,
    height: src.height,
    conversation: { receiver: 'bob' },
    status: 'created',
    savedAt: Date.now(),
  };
}

// ---- the baseline: one put of the record in a plain object store, timed to its transaction's completion --

let rawDb: Promise<IDBDatabase> | undefined;
function openRaw(): Promise<IDBDatabase> {
  rawDb ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(RAW_DB);
    request.onupgradeneeded = () => request.result.createObjectStore('messages');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return rawDb;
}

async function rawWrite(write: (store: IDBObjectStore) => void): Promise<void> {
  const db = await openRaw();
  const transaction = db.transaction('messages', 'readwrite');
  write(transaction.objectStore('messages'));
  await new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}

// ---- the runs ----------------------------------------------------------------------------------------

const newId = () => `img_${crypto.randomUUID().replaceAll('-', '')}`;

/** Empties both databases, then keeps `kept` other 12 MP drafts in each (what earlier drafts left). */
export async function resetKept(file: File, kept: number): Promise<void> {
  const src = await sourceOf(file);
  const { clearPersisted, createIndexedDbStore } = await persist();
  await clearPersisted({ name: LIBRARY_DB });
  await rawWrite((store) => store.clear());
  const store = createIndexedDbStore({ name: LIBRARY_DB });
  for (let i = 0; i < kept; i++) await store.save(record(newId(), src));
  await rawWrite((raw) => {
    for (let i = 0; i < kept; i++) {
      const id = newId();
      raw.put(record(id, src), id);
    }
  });
}

/**
 * The library's store as a page uses it, watched: `written` is the last save's promise. `leave` lets the
 * manager's messages go (revoking their preview URLs) while the store keeps them, as closing the page would.
 */
async function watchedStore({ restore }: { restore: boolean }) {
  const store = (await persist()).createIndexedDbStore({ name: LIBRARY_DB });
  let written: Promise<void> | undefined;
  let leaving = false;
  const watched: MessageStore = {
    load: () => (restore ? store.load() : Promise.resolve([])),
    update: (id, changes) => store.update(id, changes),
    save(message) {
      written = store.save(message);
      return written;
    },
    remove: (id) => (leaving ? Promise.resolve() : store.remove(id)),
  };
  return {
    store,
    watched,
    written: () => written,
    leave(manager: MessageManager) {
      leaving = true;
      for (const id of manager.getMessageIds()) manager.discardMessage(id);
    },
  };
}

/**
 * `library`: a page's manager with the IndexedDB store, then `createImageMessage` of the 12 MP JPEG's
 * disk-backed File (as the hook and the composer create drafts), timed until the store's write is done. The drafts kept already count towards the store's total
 * but are not restored here: a page restores them when it loads (9e), not when the user adds a photo, and
 * restoring them just before would put their garbage on this clock. `raw`: the same record put into a
 * plain object store, timed until its transaction completes.
 */
export async function persistDraft(file: File, kind: 'library' | 'raw'): Promise<PersistRun> {
  const src = await sourceOf(file);
  if (kind === 'raw') {
    const id = newId();
    const start = performance.now();
    await rawWrite((store) => store.put(record(id, src), id));
    const end = performance.now();
    const result = { ms: end - start, ...(await longTasksBetween(start, end)) };
    await rawWrite((store) => store.delete(id));
    return result;
  }
  const page = await watchedStore({ restore: false });
  const manager = createMessageManager({ transport: createMemoryTransport(), store: page.watched });
  await manager.restored;
  const start = performance.now();
  const created = await manager.createImageMessage({
    imagePath: NAME,
    file: src.file,
    fileName: NAME,
    conversation: { receiver: 'bob' },
  });
  if (created.code !== 0 || !created.data) throw new Error(created.desc);
  // The manager hands the entry to the store once the store is ready (a microtask or two here).
  while (!page.written()) await Promise.resolve();
  await page.written();
  const end = performance.now();
  const result = { ms: end - start, ...(await longTasksBetween(start, end)) };
  if (manager.getSendState(created.data.id)?.unsaved) throw new Error('the draft was not kept');
  // The store as it was before the run: the kept drafts stay, the new one goes.
  await page.store.remove(created.data.id);
  page.leave(manager);
  return result;
}

/** A reload: a new manager restores the kept drafts; timed from its creation until `restored` settles. */
export async function restoreKept(expected: number): Promise<PersistRun> {
  const page = await watchedStore({ restore: true });
  const start = performance.now();
  const manager = createMessageManager({ transport: createMemoryTransport(), store: page.watched });
  const ids = await manager.restored;
  const end = performance.now();
  if (ids.length !== expected) throw new Error(`restored ${ids.length} of ${expected}`);
  const result = { ms: end - start, ...(await longTasksBetween(start, end)) };
  page.leave(manager);
  return result;
}
