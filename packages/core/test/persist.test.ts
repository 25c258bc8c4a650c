import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createMemoryTransport,
  createMessageManager,
  ErrorCode,
  type ImageTransport,
  type MessageStore,
  type StoredImageMessage,
} from '../src';
import { clearPersisted, createIndexedDbStore } from '../src/persist';
import { fixture, fixtureParams } from './fixtures';

afterEach(async () => {
  await clearPersisted();
  vi.useRealTimers();
});

/** A page: a manager over the shared transport and the IndexedDB store (a reload is a new page). */
function page(
  transport: ImageTransport = createMemoryTransport(),
  store: MessageStore = createIndexedDbStore(),
) {
  return createMessageManager({ transport, store });
}

/** Waits until what the store keeps (as a reload would find it) is `expected`: ids and their statuses. */
async function whenKept(expected: Record<string, StoredImageMessage['status']>) {
  await vi.waitFor(async () => {
    const kept = await createIndexedDbStore().load();
    expect(Object.fromEntries(kept.map((message) => [message.id, message.status]))).toEqual(expected);
  });
}

describe('unsent messages kept across reloads', () => {
  it('a draft comes back after a reload with its id, bytes, name, conversation and placeholder', async () => {
    const first = page();
    const created = await first.createImageMessage({
      ...fixtureParams('photo.jpg'),
      conversation: { receiver: 'bob' },
      placeholder: 'YJqGPQw7sFlslqhFafSE+Q6oJ1h2iHB2Rw',
    });
    const id = created.data?.id as string;
    await whenKept({ [id]: 'created' });

    const second = page();
    expect(await second.restored).toEqual([id]);
    const state = second.getSendState(id);
    expect(state).toMatchObject({
      status: 'created',
      restored: true,
      fileName: 'photo.jpg',
      conversation: { receiver: 'bob' },
      message: {
        id,
        imageElem: {
          placeholder: 'YJqGPQw7sFlslqhFafSE+Q6oJ1h2iHB2Rw',
          imageList: [{ type: 0, size: fixture('photo.jpg').byteLength }],
        },
      },
    });
  });

  it('a send cut by a reload comes back failed with SEND_INTERRUPTED; Retry stores exactly one message and forgets the entry', async () => {
    const transport = createMemoryTransport({ stalls: [{ afterBytes: 100 }] });
    const first = page(transport);
    const { data } = await first.createImageMessage(fixtureParams('photo.jpg'));
    const id = data?.id as string;
    void first.sendMessage({ id, receiver: 'bob' });
    await whenKept({ [id]: 'sending' });

    const second = page(transport);
    await second.restored;
    expect(second.getSendState(id)).toMatchObject({
      status: 'failed',
      error: { code: ErrorCode.SEND_INTERRUPTED },
      message: { status: 3, userID: 'bob' },
    });
    const retried = await second.sendMessage({ id, receiver: 'bob' });
    expect(retried.code).toBe(ErrorCode.SUCC);
    expect(transport.messages.map(({ message }) => message.id)).toEqual([id]);
    expect(transport.messages[0]?.bytes).toEqual(fixture('photo.jpg'));
    await whenKept({});
    expect(await page(transport).restored).toEqual([]);
  });

  it('a failure and a cancel are kept as they were; a discarded draft is forgotten', async () => {
    const transport = createMemoryTransport({
      failures: [{ code: ErrorCode.NETWORK_DISCONNECT, desc: 'offline' }],
    });
    const first = page(transport);
    const failed = (await first.createImageMessage(fixtureParams('photo.jpg'))).data?.id as string;
    await first.sendMessage({ id: failed, groupID: 'team' });
    const removed = (await first.createImageMessage(fixtureParams('image.png'))).data?.id as string;
    first.discardMessage(removed);
    await whenKept({ [failed]: 'failed' });

    const second = page(transport);
    expect(await second.restored).toEqual([failed]);
    expect(second.getSendState(failed)).toMatchObject({
      status: 'failed',
      error: { code: ErrorCode.NETWORK_DISCONNECT, desc: 'offline' },
      message: { groupID: 'team' },
    });
  });

  it('over the per-image cap the message is marked unsaved (STORAGE_FULL) and still sends', async () => {
    const transport = createMemoryTransport();
    const manager = page(transport, createIndexedDbStore({ maxFileBytes: 100 }));
    const { data } = await manager.createImageMessage(fixtureParams('photo.jpg'));
    const id = data?.id as string;
    await vi.waitFor(() => expect(manager.getSendState(id)?.unsaved?.code).toBe(ErrorCode.STORAGE_FULL));
    expect(manager.getSendState(id)?.unsaved?.desc).toMatch(/100 B .*stays while this page is open/);
    expect((await manager.sendMessage({ id, receiver: 'bob' })).code).toBe(ErrorCode.SUCC);
    expect(transport.messages).toHaveLength(1);
  });

  it('when the browser’s quota is exceeded the page keeps working in memory', async () => {
    const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    const real = createIndexedDbStore();
    const store: MessageStore = { ...real, save: () => Promise.reject(quota) };
    const transport = createMemoryTransport();
    const manager = page(transport, store);
    const { data } = await manager.createImageMessage(fixtureParams('image.png'));
    const id = data?.id as string;
    await vi.waitFor(() => expect(manager.getSendState(id)?.unsaved?.code).toBe(ErrorCode.STORAGE_FULL));
    expect((await manager.sendMessage({ id, receiver: 'bob' })).code).toBe(ErrorCode.SUCC);
  });

  it('drops entries older than maxAgeMs, and clearPersisted forgets everything', async () => {
    const store = createIndexedDbStore({ maxAgeMs: 1000 });
    const old: StoredImageMessage = {
      id: 'img_old',
      bytes: fixture('image.png'),
      mimeType: 'image/png',
      fileName: 'old.png',
      width: 64,
      height: 48,
      status: 'created',
      savedAt: Date.now() - 5000,
    };
    await store.save(old);
    await store.save({ ...old, id: 'img_new', savedAt: Date.now() });
    expect((await store.load()).map((message) => message.id)).toEqual(['img_new']);
    await clearPersisted();
    expect(await createIndexedDbStore().load()).toEqual([]);
  });

  it('a status change that arrives after the message was forgotten does not bring it back', async () => {
    const store = createIndexedDbStore();
    const kept: StoredImageMessage = {
      id: 'img_late',
      bytes: fixture('image.png'),
      mimeType: 'image/png',
      fileName: 'late.png',
      width: 64,
      height: 48,
      status: 'sending',
      savedAt: Date.now(),
    };
    await store.save(kept);
    await store.update('img_late', { resume: 'https://im.example.com/api/uploads/late' });
    expect(await createIndexedDbStore().load()).toEqual([
      { ...kept, resume: 'https://im.example.com/api/uploads/late' },
    ]);
    await store.remove('img_late');
    await store.update('img_late', { status: 'failed', error: { code: 6008, desc: 'failed' } });
    expect(await createIndexedDbStore().load()).toEqual([]);
  });

  it('a save asked for before clearPersisted does not outlive the clear', async () => {
    const store = createIndexedDbStore();
    const saving = store.save({
      id: 'img_racing',
      bytes: fixture('photo.jpg'),
      mimeType: 'image/jpeg',
      fileName: 'racing.jpg',
      width: 1,
      height: 1,
      status: 'created',
      savedAt: Date.now(),
    });
    await clearPersisted();
    await saving;
    expect(await createIndexedDbStore().load()).toEqual([]);
  });

  it('the total cap counts the images already kept', async () => {
    const size = fixture('photo.jpg').byteLength;
    const store = createIndexedDbStore({ maxTotalBytes: size * 1.5 });
    const manager = page(createMemoryTransport(), store);
    const first = (await manager.createImageMessage(fixtureParams('photo.jpg'))).data?.id as string;
    const second = (await manager.createImageMessage(fixtureParams('photo.jpg'))).data?.id as string;
    await vi.waitFor(() => expect(manager.getSendState(second)?.unsaved?.code).toBe(ErrorCode.STORAGE_FULL));
    expect(manager.getSendState(first)?.unsaved).toBeUndefined();
    expect(manager.getSendState(second)?.unsaved?.desc).toMatch(/already fill/);
  });
});

describe('an interrupted send keeps its address across a reload', () => {
  /** A send to `target` that a reload cut; the next page, restored. */
  async function interruptedSendTo(target: { receiver?: string; groupID?: string }) {
    const transport = createMemoryTransport({ stalls: [{ afterBytes: 100 }] });
    const first = page(transport);
    const { data } = await first.createImageMessage({
      ...fixtureParams('photo.jpg'),
      conversation: { groupID: target.groupID, receiver: target.groupID ? undefined : target.receiver },
    });
    const id = data?.id as string;
    void first.sendMessage({ id, ...target });
    await whenKept({ [id]: 'sending' });
    const second = page(transport);
    await second.restored;
    return { transport, second, id };
  }

  it('a photo sent to one member of a group goes back to that member only, never to the whole group', async () => {
    const { transport, second, id } = await interruptedSendTo({ groupID: 'team', receiver: 'bob' });
    expect(second.getSendState(id)).toMatchObject({
      status: 'failed',
      address: { groupID: 'team', receiver: 'bob' },
    });

    // What the composer's selector shows after a reload ("Everyone in team") is refused, with a reason.
    const toGroup = await second.sendMessage({ id, groupID: 'team' });
    expect(toGroup.code).toBe(ErrorCode.INVALID_PARAMETERS);
    expect(toGroup.desc).toContain('bob only, in group team');
    expect(second.getSendState(id)?.status).toBe('failed');
    expect(transport.messages).toEqual([]);

    // A Retry without a target goes where the user sent it.
    const retried = await second.sendMessage({ id });
    expect(retried.code).toBe(ErrorCode.SUCC);
    expect(retried.data).toMatchObject({ groupID: 'team', userID: 'bob' });
    expect(transport.messages.map(({ message }) => [message.id, message.groupID, message.userID])).toEqual([
      [id, 'team', 'bob'],
    ]);
  });

  it('a one-to-one send restored while another conversation is open is refused there and goes to its receiver', async () => {
    const { transport, second, id } = await interruptedSendTo({ receiver: 'bob' });
    const elsewhere = await second.sendMessage({ id, receiver: 'carol' });
    expect(elsewhere.code).toBe(ErrorCode.INVALID_PARAMETERS);
    expect(elsewhere.desc).toMatch(/sent to bob.*not to carol/);
    const inGroup = await second.sendMessage({ id, groupID: 'team', receiver: 'bob' });
    expect(inGroup.code).toBe(ErrorCode.INVALID_PARAMETERS);
    expect(transport.messages).toEqual([]);

    const retried = await second.sendMessage({ id, receiver: 'bob' });
    expect(retried.code).toBe(ErrorCode.SUCC);
    expect(retried.data).toMatchObject({ userID: 'bob' });
    expect(retried.data?.groupID).toBeUndefined();
    expect(transport.messages).toHaveLength(1);
  });

  it('a draft that was never sent has no address and follows whatever target it is sent to', async () => {
    const first = page();
    const { data } = await first.createImageMessage({
      ...fixtureParams('photo.jpg'),
      conversation: { groupID: 'team' },
    });
    const id = data?.id as string;
    await whenKept({ [id]: 'created' });
    const transport = createMemoryTransport();
    const second = page(transport);
    await second.restored;
    expect(second.getSendState(id)?.address).toBeUndefined();
    expect((await second.sendMessage({ id, groupID: 'team' })).data).toMatchObject({ groupID: 'team' });
    expect(transport.messages[0]?.message.userID).toBeUndefined();
  });
});

describe('a resumable upload across a reload', () => {
  it('the transport’s upload URL is kept with the message, and offered to the send after the reload', async () => {
    const seen: (string | undefined)[] = [];
    let held: (() => void) | undefined;
    const transport: ImageTransport = {
      send: async (request, { uploadUrls, signal }) => {
        seen.push(await uploadUrls?.get(request.id));
        if (seen.length === 1) {
          await uploadUrls?.set(request.id, 'https://im.example.com/api/uploads/abc');
          // The page closes mid-upload: this send never settles.
          await new Promise<void>((resolve) => {
            held = resolve;
            signal.addEventListener('abort', () => resolve());
          });
          throw Object.assign(new Error('aborted'), { name: 'AbortError' });
        }
        await uploadUrls?.delete(request.id);
        return { msgID: 'm1', timestamp: 1, sender: 'me', imageList: [{ type: 0, url: 'u', size: 1 }] };
      },
    };
    const first = page(transport);
    const id = (await first.createImageMessage(fixtureParams('image.png'))).data?.id as string;
    void first.sendMessage({ id, receiver: 'bob' });
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    await vi.waitFor(async () => {
      const [kept] = await createIndexedDbStore().load();
      expect(kept?.resume).toBe('https://im.example.com/api/uploads/abc');
    });

    const second = page(transport);
    await second.restored;
    expect((await second.sendMessage({ id, receiver: 'bob' })).code).toBe(ErrorCode.SUCC);
    expect(seen).toEqual([undefined, 'https://im.example.com/api/uploads/abc']);
    held?.();
  });
});
