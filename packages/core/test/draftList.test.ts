import { describe, expect, it, vi } from 'vitest';
import {
  countOwnedObjectUrls,
  createDraftList,
  createMemoryTransport,
  createMessageManager,
  ErrorCode,
  type MessageStore,
  type StoredImageMessage,
} from '../src';
import { fixture } from './fixtures';

function setup(transportOptions: Parameters<typeof createMemoryTransport>[0] = {}) {
  const transport = createMemoryTransport(transportOptions);
  const manager = createMessageManager({ transport });
  return { transport, manager };
}

/** A PNG file whose reads can be held open, to watch the concurrency cap. */
function slowFile(name: string, gate: { open: number; max: number; release: Promise<void> }) {
  const file = new File([fixture('image.png')], name, { type: 'image/png' });
  const read = file.arrayBuffer.bind(file);
  file.arrayBuffer = async () => {
    gate.open++;
    gate.max = Math.max(gate.max, gate.open);
    await gate.release;
    gate.open--;
    return read();
  };
  return file;
}

describe('createDraftList', () => {
  it('reads at most `concurrency` files at once and keeps the drafts in the order given', async () => {
    const { manager } = setup();
    const list = createDraftList(manager, { concurrency: 2 });
    let release: () => void = () => {};
    const gate = { open: 0, max: 0, release: new Promise<void>((resolve) => (release = resolve)) };
    const adding = list.addFiles(['1', '2', '3', '4', '5'].map((n) => slowFile(`${n}.png`, gate)));
    await vi.waitFor(() => expect(gate.open).toBe(2));
    expect(list.getSnapshot().pending).toBe(5);
    expect(gate.open).toBe(2);
    release();
    await adding;
    expect(gate.max).toBe(2);
    expect(list.getSnapshot().pending).toBe(0);
    expect(list.getSnapshot().drafts.map((d) => d.fileName)).toEqual([
      '1.png',
      '2.png',
      '3.png',
      '4.png',
      '5.png',
    ]);
  });

  it('follows the send state of its drafts and drops a draft once it is sent', async () => {
    const { manager, transport } = setup();
    const list = createDraftList(manager);
    const { added } = await list.addFiles([new File([fixture('photo.jpg')], 'p.jpg')]);
    const seen: string[] = [list.getSnapshot().drafts[0]?.status ?? 'gone'];
    list.subscribe(() => {
      const status = list.getSnapshot().drafts[0]?.status ?? 'gone';
      if (seen.at(-1) !== status) seen.push(status);
    });
    await manager.sendMessage({ id: added[0]?.id ?? '', receiver: 'bob' });
    expect(seen).toEqual(['created', 'sending', 'gone']);
    expect(transport.messages).toHaveLength(1);
    expect(manager.getSendState(added[0]?.id ?? '')).toBeUndefined();
  });

  it('on dispose discards idle drafts at once, and lets a send in flight finish before discarding it', async () => {
    const { manager, transport } = setup({ steps: 3, latency: 5 });
    const before = countOwnedObjectUrls();
    const list = createDraftList(manager);
    const { added } = await list.addFiles([
      new File([fixture('image.png')], 'a.png'),
      new File([fixture('image.gif')], 'b.gif'),
    ]);
    const [sending, idle] = added;
    const pending = manager.sendMessage({ id: sending?.id ?? '', receiver: 'bob' });
    list.dispose();
    expect(manager.getSendState(idle?.id ?? '')).toBeUndefined();
    expect(manager.getSendState(sending?.id ?? '')?.status).toBe('sending');
    expect((await pending).code).toBe(ErrorCode.SUCC);
    expect(transport.messages).toHaveLength(1);
    expect(manager.getSendState(sending?.id ?? '')).toBeUndefined();
    // Only the memory transport's own URL for the delivered image is left.
    expect(countOwnedObjectUrls()).toBe(before + 1);
  });

  it('returns the same snapshot object until something changes', async () => {
    const { manager } = setup();
    const list = createDraftList(manager);
    const first = list.getSnapshot();
    expect(list.getSnapshot()).toBe(first);
    await list.addFiles([new File([fixture('image.png')], 'a.png')]);
    const second = list.getSnapshot();
    expect(second).not.toBe(first);
    expect(list.getSnapshot()).toBe(second);
  });
});

/** A store in memory, as a test double for IndexedDB: what a reload would find. */
function memoryStore(): MessageStore & { kept: Map<string, StoredImageMessage> } {
  const kept = new Map<string, StoredImageMessage>();
  return {
    kept,
    load: async () => [...kept.values()],
    save: async (message) => void kept.set(message.id, message),
    update: async (id, changes) => {
      const message = kept.get(id);
      if (message) kept.set(id, { ...message, ...changes });
    },
    remove: async (id) => void kept.delete(id),
  };
}

const photo = (name: string) => new File([fixture('image.png')], name, { type: 'image/png' });

describe('drafts that outlive their composer (a manager with a store)', () => {
  it('a composer of the same conversation takes the drafts another one left; another conversation does not', async () => {
    const store = memoryStore();
    const manager = createMessageManager({ transport: createMemoryTransport(), store });
    const first = createDraftList(manager, { conversation: { receiver: 'bob' } });
    first.subscribe(() => {});
    const { added } = await first.addFiles([photo('a.png'), photo('b.png')]);
    first.dispose();
    expect(manager.getMessageIds()).toEqual(added.map((draft) => draft.id));

    const carol = createDraftList(manager, { conversation: { receiver: 'carol' } });
    carol.subscribe(() => {});
    expect(carol.getSnapshot().drafts).toEqual([]);
    const again = createDraftList(manager, { conversation: { receiver: 'bob' } });
    again.subscribe(() => {});
    expect(again.getSnapshot().drafts.map((draft) => draft.fileName)).toEqual(['a.png', 'b.png']);
    // One list at a time: a second list of the same conversation does not show them twice.
    const twin = createDraftList(manager, { conversation: { receiver: 'bob' } });
    twin.subscribe(() => {});
    expect(twin.getSnapshot().drafts).toEqual([]);
  });

  it('after a reload the drafts come back into their conversation’s list as the store restores them', async () => {
    const store = memoryStore();
    const transport = createMemoryTransport();
    const before = createMessageManager({ transport, store });
    const list = createDraftList(before, { conversation: { groupID: 'team' } });
    list.subscribe(() => {});
    const { added } = await list.addFiles([photo('kept.png')]);
    // The store's writes run in the background (their code loads with the first one).
    await vi.waitFor(() => expect([...store.kept.keys()]).toEqual([added[0]?.id]));

    const after = createMessageManager({ transport, store });
    const restoredList = createDraftList(after, { conversation: { groupID: 'team' } });
    restoredList.subscribe(() => {});
    await after.restored;
    expect(restoredList.getSnapshot().drafts).toEqual([
      expect.objectContaining({ id: added[0]?.id, fileName: 'kept.png', status: 'created' }),
    ]);
    // Sent from the restored list: the server has it once, and the store forgets it.
    await after.sendMessage({ id: added[0]?.id as string, groupID: 'team' });
    await vi.waitFor(() => expect(store.kept.size).toBe(0));
    expect(restoredList.getSnapshot().drafts).toEqual([]);
  });

  it('a draft made for one member of a group comes back in that group’s list, not in a one-to-one chat', async () => {
    const store = memoryStore();
    const transport = createMemoryTransport();
    const before = createMessageManager({ transport, store });
    const list = createDraftList(before, { conversation: { groupID: 'team', receiver: 'bob' } });
    list.subscribe(() => {});
    const { added } = await list.addFiles([photo('only-bob.png')]);
    await vi.waitFor(() => expect(store.kept.size).toBe(1));

    // After a reload the group's composer targets everyone again (an app's selector starts over).
    const after = createMessageManager({ transport, store });
    const withBob = createDraftList(after, { conversation: { receiver: 'bob' } });
    withBob.subscribe(() => {});
    const team = createDraftList(after, { conversation: { groupID: 'team' } });
    team.subscribe(() => {});
    await after.restored;
    expect(withBob.getSnapshot().drafts).toEqual([]);
    expect(team.getSnapshot().drafts.map((draft) => draft.id)).toEqual([added[0]?.id]);
  });

  it('without a store, a composer that unmounts discards its drafts, as before', async () => {
    const { manager } = setup();
    const list = createDraftList(manager, { conversation: { receiver: 'bob' } });
    list.subscribe(() => {});
    await list.addFiles([photo('gone.png')]);
    list.dispose();
    expect(manager.getMessageIds()).toEqual([]);
  });
});

describe('drafts of prepared photos', () => {
  it('shows each file as preparing at once (with the picked file’s name and size), then as its message', async () => {
    const { manager } = setup();
    const list = createDraftList(manager);
    const seen: string[][] = [];
    list.subscribe(() =>
      seen.push(list.getSnapshot().drafts.map((draft) => `${draft.fileName}:${draft.status}`)),
    );
    const { added } = await list.addFiles([photo('one.png'), photo('two.png')]);
    expect(seen[0]).toEqual(['one.png:preparing', 'two.png:preparing']);
    expect(seen.at(-1)).toEqual(['one.png:created', 'two.png:created']);
    expect(list.getSnapshot().drafts.map((draft) => draft.id)).toEqual(added.map((draft) => draft.id));
    expect(added[0]?.message?.imageElem?.imageList?.[0]?.size).toBe(added[0]?.size);
  });

  it('a draft removed while its photo is prepared never becomes a message', async () => {
    const { manager } = setup();
    const list = createDraftList(manager);
    list.subscribe(() => {});
    const adding = list.addFiles([photo('gone.png')]);
    const [preparing] = list.getSnapshot().drafts;
    expect(preparing?.status).toBe('preparing');
    list.remove(preparing?.id as string);
    const { added, rejected } = await adding;
    expect(added).toEqual([]);
    expect(rejected).toEqual([]);
    expect(manager.getMessageIds()).toEqual([]);
    expect(list.getSnapshot().drafts).toEqual([]);
  });

  it('switching Original prepares created and failed drafts again under the same id; a sending one is left alone', async () => {
    const { manager } = setup({ stalls: [{ afterBytes: 10 }] });
    const list = createDraftList(manager, { prepare: {} });
    list.subscribe(() => {});
    const { added } = await list.addFiles([photo('a.png'), photo('b.png')]);
    const [a, b] = added.map((draft) => draft.id) as [string, string];
    void manager.sendMessage({ id: b, receiver: 'bob' });
    const sendingMessage = manager.getSendState(b)?.message;
    const before = manager.getSendState(a)?.message;
    list.setOptions({ prepare: { original: true } });
    expect(list.getSnapshot().drafts.map((draft) => draft.status)).toEqual(['preparing', 'sending']);
    await vi.waitFor(() =>
      expect(list.getSnapshot().drafts.map((draft) => draft.status)).toEqual(['created', 'sending']),
    );
    expect(list.getSnapshot().drafts.map((draft) => draft.id)).toEqual([a, b]);
    expect(manager.getSendState(a)?.message).not.toBe(before);
    expect(manager.getSendState(b)?.message).toBe(sendingMessage);
    manager.cancel(b);
  });
});

describe('Original and the size limit', () => {
  it('a photo refused as too large at full size is prepared again, not as original, once Original is off', async () => {
    const { manager } = setup();
    const list = createDraftList(manager, { prepare: { original: true }, maxBytes: 100 });
    list.subscribe(() => {});
    await list.addFiles([photo('huge.png')]);
    expect(list.getSnapshot().rejections).toEqual([
      expect.objectContaining({ code: ErrorCode.FILE_TOO_LARGE, original: true, fileName: 'huge.png' }),
    ]);
    list.setOptions({ prepare: { original: false }, maxBytes: 100 });
    // Here (no worker to downscale) it is still too large, but judged again as it would be sent now.
    await vi.waitFor(() =>
      expect(list.getSnapshot().rejections).toEqual([
        expect.objectContaining({ code: ErrorCode.FILE_TOO_LARGE, fileName: 'huge.png' }),
      ]),
    );
    expect(list.getSnapshot().rejections[0]?.original).toBeUndefined();
  });
});
