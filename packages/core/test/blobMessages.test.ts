import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createMemoryTransport,
  createMessageManager,
  ErrorCode,
  type ImageSendRequest,
  type ImageTransport,
  MessageStatus,
} from '../src';
import { clearPersisted, createIndexedDbStore } from '../src/persist';
import { fixture } from './fixtures';

// The library's extension of createImageMessage: the image as a Blob alone (what the hook and the
// composer pass). Its header is read, never the photo; the Blob goes to the transport and the store.

afterEach(() => clearPersisted());

/** A Blob that records which byte ranges were read from it (directly or through its slices). */
function watchedBlob(bytes: Uint8Array<ArrayBuffer>, type = 'image/jpeg') {
  const reads: [number, number][] = [];
  const blob = new Blob([bytes], { type });
  const watch = (target: Blob, base: number): Blob =>
    new Proxy(target, {
      get(inner, key) {
        if (key === 'slice') {
          return (start = 0, end = inner.size) => {
            const from = Math.max(0, start < 0 ? inner.size + start : start);
            return watch(inner.slice(start, end), base + from);
          };
        }
        if (key === 'arrayBuffer') {
          return () => {
            reads.push([base, base + inner.size]);
            return inner.arrayBuffer();
          };
        }
        const value = Reflect.get(inner, key, inner);
        return typeof value === 'function' ? value.bind(inner) : value;
      },
    });
  return { blob: watch(blob, 0), reads, bytesRead: () => reads.reduce((sum, [a, b]) => sum + b - a, 0) };
}

/** A JPEG fixture padded to `size` bytes: a photo-sized file whose header is real. */
function paddedJpeg(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  bytes.set(fixture('photo.jpg'));
  return bytes;
}

function recordingTransport() {
  const memory = createMemoryTransport();
  const requests: ImageSendRequest[] = [];
  const transport: ImageTransport = {
    send(request, options) {
      requests.push(request);
      return memory.send(request, options);
    },
  };
  return { transport, requests, memory };
}

describe('createImageMessage({ imagePath, file, fileName })', () => {
  it('reads only the header of a 20 MB photo, measures it, and sends the Blob itself', async () => {
    const size = 20 * 1024 * 1024;
    const { blob, bytesRead } = watchedBlob(paddedJpeg(size));
    const { transport, requests, memory } = recordingTransport();
    const manager = createMessageManager({ transport });
    const created = await manager.createImageMessage({ imagePath: 'blob:x', file: blob, fileName: 'a.jpg' });
    expect(created.code).toBe(ErrorCode.SUCC);
    expect(created.data?.messageInfo.imageElem?.imageList?.[0]).toMatchObject({
      size,
      width: 64,
      height: 48,
    });
    expect(bytesRead()).toBeGreaterThan(0);
    expect(bytesRead()).toBeLessThanOrEqual(128 * 1024);

    const sent = await manager.sendMessage({ id: created.data?.id as string, receiver: 'bob' });
    expect(sent.code).toBe(ErrorCode.SUCC);
    expect(sent.data?.status).toBe(MessageStatus.SEND_SUCC);
    expect(requests[0]?.file).toBe(blob);
    expect(requests[0]?.bytes).toBeUndefined();
    expect(memory.messages[0]?.bytes.byteLength).toBe(size);
  });

  it('judges a Blob as it judges bytes: not an image (6031), a HEIC (2252), empty (7006), over the limit (7005)', async () => {
    const manager = createMessageManager({ transport: createMemoryTransport({ maxBytes: 1024 * 1024 }) });
    const create = (file: Blob) =>
      manager.createImageMessage({ imagePath: 'blob:x', file, fileName: 'x.jpg' });
    expect((await create(new Blob(['%PDF-1.7 not an image']))).code).toBe(ErrorCode.NOT_IMAGE);
    expect((await create(new Blob([fixture('image.heic')]))).code).toBe(ErrorCode.IMAGE_TYPE_LIMIT);
    expect((await create(new Blob([]))).code).toBe(ErrorCode.FILE_SIZE_EMPTY);
    expect((await create(new Blob([paddedJpeg(2 * 1024 * 1024)]))).code).toBe(ErrorCode.FILE_TOO_LARGE);
    expect(manager.getMessageIds()).toEqual([]);
  });

  it('a Blob that cannot be read (gone from disk) is refused with 6031, nothing thrown', async () => {
    const broken = Object.assign(new Blob([fixture('photo.jpg')]), {
      slice: () => ({ arrayBuffer: () => Promise.reject(new Error('NotReadableError')) }),
    });
    const manager = createMessageManager({ transport: createMemoryTransport() });
    const created = await manager.createImageMessage({
      imagePath: 'blob:x',
      file: broken,
      fileName: 'a.jpg',
    });
    expect(created).toMatchObject({
      code: ErrorCode.NOT_IMAGE,
      desc: expect.stringMatching(/could not be read/),
    });
  });
});

describe('kept Blobs', () => {
  it('a draft made from a Blob is kept as that Blob and restored from its header alone', async () => {
    const size = 5 * 1024 * 1024;
    const file = new Blob([paddedJpeg(size)], { type: 'image/jpeg' });
    const first = createMessageManager({ transport: createMemoryTransport(), store: createIndexedDbStore() });
    const created = await first.createImageMessage({ imagePath: 'blob:x', file, fileName: 'a.jpg' });
    const id = created.data?.id as string;
    await expect.poll(async () => (await createIndexedDbStore().load()).length).toBe(1);
    const [kept] = await createIndexedDbStore().load();
    // Node's IndexedDB (fake-indexeddb) keeps Blobs, as Chromium and Firefox do.
    expect(kept?.file).toBeInstanceOf(Blob);
    expect(kept?.file?.size).toBe(size);
    expect(kept?.bytes).toBeUndefined();

    const { transport, requests } = recordingTransport();
    const second = createMessageManager({ transport, store: createIndexedDbStore() });
    expect(await second.restored).toEqual([id]);
    expect(second.getSendState(id)?.message.imageElem?.imageList?.[0]).toMatchObject({
      size,
      width: 64,
      height: 48,
    });
    expect((await second.sendMessage({ id, receiver: 'bob' })).code).toBe(ErrorCode.SUCC);
    expect(requests[0]?.file?.size).toBe(size);
    expect(requests[0]?.bytes).toBeUndefined();
  });
});

describe('manager.dispose()', () => {
  it('aborts sends, drops every message, stops listeners; later calls answer 6014', async () => {
    const transport = createMemoryTransport();
    transport.stallNext();
    const manager = createMessageManager({ transport });
    const heard: string[] = [];
    manager.subscribe((id) => heard.push(id));
    const progress: number[] = [];
    manager.addAdvancedMsgListener({ onSendMessageProgress: (_m, p) => progress.push(p) });
    const file = new Blob([fixture('photo.jpg')], { type: 'image/jpeg' });
    const a = await manager.createImageMessage({ imagePath: 'blob:a', file, fileName: 'a.jpg' });
    const b = await manager.createImageMessage({ imagePath: 'blob:b', file, fileName: 'b.jpg' });
    const sending = manager.sendMessage({ id: a.data?.id as string, receiver: 'bob' });
    const heardBefore = heard.length;
    const progressBefore = progress.length;

    manager.dispose();
    expect((await sending).code).toBe(ErrorCode.CANCELED);
    expect(manager.getMessageIds()).toEqual([]);
    expect(manager.getSendState(b.data?.id as string)).toBeUndefined();
    expect(heard.length).toBe(heardBefore);
    expect(progress.length).toBe(progressBefore);

    const again = await manager.createImageMessage({ imagePath: 'blob:c', file, fileName: 'c.jpg' });
    expect(again).toMatchObject({ code: ErrorCode.NOT_LOGGED_IN, desc: expect.stringMatching(/disposed/) });
    const send = await manager.sendMessage({ id: b.data?.id as string, receiver: 'bob' });
    expect(send.code).toBe(ErrorCode.NOT_LOGGED_IN);
    expect(manager.cancel(a.data?.id as string)).toBe(false);
    expect(manager.discardMessage(b.data?.id as string)).toBe(false);
    expect(() => manager.dispose()).not.toThrow();
    expect(transport.attempts.filter((attempt) => attempt.outcome === 'sent')).toEqual([]);
  });
});
