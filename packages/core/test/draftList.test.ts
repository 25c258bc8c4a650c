import { describe, expect, it } from 'vitest';
import {
  countOwnedObjectUrls,
  createDraftList,
  createMemoryTransport,
  createMessageManager,
  ErrorCode,
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
    await new Promise((resolve) => setTimeout(resolve, 10));
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
