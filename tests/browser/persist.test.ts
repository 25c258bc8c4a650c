import {
  createMemoryTransport,
  createMessageManager,
  fileToImageMessageParams,
  prepareImageFile,
} from '@image-message/core';
import { clearPersisted, createIndexedDbStore } from '@image-message/core/persist';
import { afterEach, describe, expect, it } from 'vitest';
import gpsJpegUrl from '../fixtures/photos/gps-exif6.jpg?url';
import { engine } from './engine';
import { digest } from './support';

// The IndexedDB store (`@image-message/core/persist`) in each engine's own IndexedDB, which differ: under
// WebDriver automation WebKit's refuses Blobs ("Error preparing Blob/File data") while Chromium's and
// Firefox's keep them. Drafts must come back everywhere.

const databases: string[] = [];
/** A database of this test's own, so runs and tests never see each other's drafts. */
function databaseName() {
  const name = `image-message-test-${crypto.randomUUID()}`;
  databases.push(name);
  return name;
}

afterEach(async () => {
  for (const name of databases.splice(0)) {
    await clearPersisted({ name });
    indexedDB.deleteDatabase(name);
  }
});

/** Whether this engine's IndexedDB stores a Blob (put, then read back whole). */
async function storesBlobs(): Promise<boolean> {
  const name = `image-message-blob-probe-${crypto.randomUUID()}`;
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onupgradeneeded = () => request.result.createObjectStore('blobs');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    const blob = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' });
    const stored = await new Promise<Blob | undefined>((resolve, reject) => {
      const transaction = db.transaction('blobs', 'readwrite');
      transaction.objectStore('blobs').put(blob, 'one');
      transaction.oncomplete = () => {
        const read = db.transaction('blobs').objectStore('blobs').get('one');
        read.onsuccess = () => resolve(read.result as Blob | undefined);
        read.onerror = () => reject(read.error);
      };
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
    return stored?.size === 3;
  } catch {
    return false;
  } finally {
    db.close();
    indexedDB.deleteDatabase(name);
  }
}

describe('drafts kept in IndexedDB', () => {
  it('this engine’s IndexedDB stores Blobs where expected (WebKit under WebDriver: no)', async () => {
    // The difference the store has to live with: what it keeps must not depend on Blobs being storable.
    expect(await storesBlobs()).toBe(engine !== 'webkit');
  });

  it('a prepared photo’s draft comes back after a reload with the same bytes, name and size', async () => {
    const name = databaseName();
    const source = new File([await (await fetch(gpsJpegUrl)).arrayBuffer()], 'IMG_0001.jpg');
    const prepared = await prepareImageFile(source);
    if (!prepared.data) throw new Error(prepared.desc);
    const params = await fileToImageMessageParams(prepared.data.file);

    const first = createMessageManager({
      transport: createMemoryTransport(),
      store: createIndexedDbStore({ name }),
    });
    const created = await first.createImageMessage({ ...params, conversation: { receiver: 'bob' } });
    const id = created.data?.id as string;
    expect(id).toBeTruthy();

    // A reload: a new store over the same database finds the draft, bytes included.
    let kept = await createIndexedDbStore({ name }).load();
    for (let tries = 0; kept.length === 0 && tries < 50; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      kept = await createIndexedDbStore({ name }).load();
    }
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({
      id,
      fileName: 'IMG_0001.jpg',
      mimeType: 'image/jpeg',
      width: 240,
      height: 320,
      status: 'created',
      conversation: { receiver: 'bob' },
    });
    // The user's file itself where the engine keeps Blobs; its bytes where it refuses them (WebKit here).
    const record = kept[0];
    expect(Boolean(record?.file)).toBe(engine !== 'webkit');
    const keptBytes = record?.file ? new Uint8Array(await record.file.arrayBuffer()) : record?.bytes;
    expect(await digest(keptBytes as Uint8Array)).toBe(await digest(params.fileContent));

    const second = createMessageManager({
      transport: createMemoryTransport(),
      store: createIndexedDbStore({ name }),
    });
    expect(await second.restored).toEqual([id]);
    expect(second.getSendState(id)).toMatchObject({
      status: 'created',
      restored: true,
      fileName: 'IMG_0001.jpg',
    });
  });
});
