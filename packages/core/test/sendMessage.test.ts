import { describe, expect, it, vi } from 'vitest';
import {
  countOwnedObjectUrls,
  createMemoryTransport,
  createMessageManager,
  ErrorCode,
  fileToImageMessageParams,
  findOriginImage,
  ImageMessageError,
  type ImageTransport,
  imageSize,
  type MemoryTransportOptions,
  MessageStatus,
  type SendStatus,
} from '../src';
import { fixture, fixtureParams } from './fixtures';

async function setup(options: MemoryTransportOptions = {}, name = 'photo.jpg') {
  const transport = createMemoryTransport(options);
  const manager = createMessageManager({ transport });
  const created = await manager.createImageMessage(fixtureParams(name));
  if (created.code !== 0 || !created.data) throw new Error(created.desc);
  return { transport, manager, id: created.data.id };
}

describe('sendMessage: addressing', () => {
  it('sends one-to-one when only receiver is given', async () => {
    const { manager, id, transport } = await setup();
    const result = await manager.sendMessage({ id, receiver: 'bob' });
    expect(result.code).toBe(ErrorCode.SUCC);
    expect(result.data?.userID).toBe('bob');
    expect(result.data?.groupID).toBeUndefined();
    expect(transport.attempts[0]).toMatchObject({ receiver: 'bob' });
    expect(transport.attempts[0]?.groupID).toBeUndefined();
  });

  it('sends to the group when only groupID is given', async () => {
    const { manager, id } = await setup();
    const result = await manager.sendMessage({ id, groupID: 'team' });
    expect(result.data?.groupID).toBe('team');
    expect(result.data?.userID).toBeUndefined();
  });

  it('sends a targeted group message, visible only to the receiver, when both are given', async () => {
    const { manager, id, transport } = await setup();
    const result = await manager.sendMessage({ id, receiver: 'bob', groupID: 'team' });
    expect(result.data).toMatchObject({ groupID: 'team', userID: 'bob' });
    expect(transport.attempts[0]).toMatchObject({ receiver: 'bob', groupID: 'team' });
  });
});

describe('sendMessage: a message keeps the address of its first send', () => {
  it('after a failure, a retry to another target is refused and nothing is uploaded; a retry without one goes back', async () => {
    const { manager, id, transport } = await setup({
      failures: [{ code: ErrorCode.NETWORK_DISCONNECT, desc: 'offline' }],
    });
    expect(manager.getSendState(id)?.address).toBeUndefined();
    await manager.sendMessage({ id, groupID: 'team', receiver: 'bob' });
    expect(manager.getSendState(id)).toMatchObject({
      status: 'failed',
      address: { groupID: 'team', receiver: 'bob' },
    });

    const widened = await manager.sendMessage({ id, groupID: 'team' });
    expect(widened).toMatchObject({
      code: ErrorCode.INVALID_PARAMETERS,
      data: { status: MessageStatus.SEND_FAIL },
    });
    expect(widened.desc).toContain('create a new message');
    expect(manager.getSendState(id)?.status).toBe('failed');
    expect(transport.attempts).toHaveLength(1);

    const retried = await manager.sendMessage({ id });
    expect(retried.data).toMatchObject({ groupID: 'team', userID: 'bob', status: MessageStatus.SEND_SUCC });
  });

  it('after a cancel too: Cancel stops the send, it does not re-address it', async () => {
    const { manager, id, transport } = await setup({ stalls: [{ afterBytes: 200 }] });
    const pending = manager.sendMessage({ id, receiver: 'bob' });
    manager.cancel(id);
    await pending;
    expect((await manager.sendMessage({ id, receiver: 'carol' })).code).toBe(ErrorCode.INVALID_PARAMETERS);
    expect((await manager.sendMessage({ id, receiver: 'bob' })).code).toBe(ErrorCode.SUCC);
    expect(transport.messages.map(({ message }) => message.userID)).toEqual(['bob']);
  });

  it('a message never sent still needs a target', async () => {
    const { manager, id } = await setup();
    expect((await manager.sendMessage({ id })).code).toBe(ErrorCode.INVALID_PARAMETERS);
  });
});

describe('sendMessage: invalid calls', () => {
  it('refuses an empty id with INVALID_PARAMETERS (6017)', async () => {
    const { manager } = await setup();
    expect((await manager.sendMessage({ id: '', receiver: 'bob' })).code).toBe(ErrorCode.INVALID_PARAMETERS);
  });

  it('refuses an id that was never created with ID_NOT_EXIST (-1)', async () => {
    const { manager } = await setup();
    expect((await manager.sendMessage({ id: 'nope', receiver: 'bob' })).code).toBe(ErrorCode.ID_NOT_EXIST);
  });

  it('refuses a send with neither receiver nor groupID (blank strings count as missing)', async () => {
    const { manager, id, transport } = await setup();
    expect((await manager.sendMessage({ id })).code).toBe(ErrorCode.INVALID_PARAMETERS);
    expect((await manager.sendMessage({ id, receiver: ' ', groupID: '' })).code).toBe(
      ErrorCode.INVALID_PARAMETERS,
    );
    expect(transport.attempts).toHaveLength(0);
  });

  it('refuses a second send of an id in flight with 6017 and leaves the first one alone', async () => {
    const { manager, id, transport } = await setup();
    const first = manager.sendMessage({ id, receiver: 'bob' });
    const second = await manager.sendMessage({ id, receiver: 'bob' });
    expect(second.code).toBe(ErrorCode.INVALID_PARAMETERS);
    expect(second.desc).toMatch(/already being sent/);
    expect((await first).code).toBe(ErrorCode.SUCC);
    expect(transport.attempts).toHaveLength(1);
  });

  it('releases the message after success: sending it again is ID_NOT_EXIST (-1)', async () => {
    const { manager, id } = await setup();
    await manager.sendMessage({ id, receiver: 'bob' });
    const again = await manager.sendMessage({ id, receiver: 'bob' });
    expect(again.code).toBe(ErrorCode.ID_NOT_EXIST);
    expect(again.desc).toMatch(/already sent/);
  });
});

describe('sendMessage: progress', () => {
  it('reports integer, never decreasing progress that reaches 100 before the result, to every observer alike', async () => {
    const { manager, id } = await setup({ steps: 7 });
    const events: string[] = [];
    const fromCallback: number[] = [];
    const fromListenerA: number[] = [];
    const fromListenerB: number[] = [];
    const fromMessage: (number | undefined)[] = [];
    manager.addAdvancedMsgListener({
      onSendMessageProgress(message, progress) {
        fromListenerA.push(progress);
        fromMessage.push(message.progress);
      },
    });
    manager.addAdvancedMsgListener({ onSendMessageProgress: (_, progress) => fromListenerB.push(progress) });
    const result = await manager.sendMessage({
      id,
      receiver: 'bob',
      onProgress: (progress) => {
        fromCallback.push(progress);
        events.push(`progress ${progress}`);
      },
    });
    events.push(`result ${result.code}`);

    expect(fromCallback[0]).toBe(0);
    expect(fromCallback.at(-1)).toBe(100);
    expect(events.at(-1)).toBe('result 0');
    expect(events.at(-2)).toBe('progress 100');
    expect(fromCallback.every((p) => Number.isInteger(p) && p >= 0 && p <= 100)).toBe(true);
    expect(fromCallback).toEqual([...fromCallback].sort((a, b) => a - b));
    expect(new Set(fromCallback).size).toBe(fromCallback.length);
    expect(fromCallback.length).toBeGreaterThanOrEqual(7);
    expect(fromListenerA).toEqual(fromCallback);
    expect(fromListenerB).toEqual(fromCallback);
    expect(fromMessage).toEqual(fromCallback);
    expect(result.data?.progress).toBe(100);
  });

  it('turns fractional byte counts into whole percents and reaches 100 even if the transport never reports it', async () => {
    const transport: ImageTransport = {
      async send(request, { onProgress }) {
        onProgress(1, 3);
        onProgress(2, 3);
        onProgress(1, 3); // out of order: must not move progress backwards
        return {
          msgID: 'm1',
          timestamp: 1,
          sender: 'me',
          imageList: [{ type: 0, url: 'u', size: imageSize(request) }],
        };
      },
    };
    const manager = createMessageManager({ transport });
    const created = await manager.createImageMessage(fixtureParams('image.png'));
    const progress: number[] = [];
    await manager.sendMessage({
      id: created.data?.id ?? '',
      receiver: 'bob',
      onProgress: (p) => progress.push(p),
    });
    expect(progress).toEqual([0, 33, 66, 100]);
  });

  it('stops calling a removed listener', async () => {
    const { manager, id } = await setup();
    const listener = { onSendMessageProgress: vi.fn() };
    const remove = manager.addAdvancedMsgListener(listener);
    remove();
    await manager.sendMessage({ id, receiver: 'bob' });
    expect(listener.onSendMessageProgress).not.toHaveBeenCalled();
  });
});

describe('sendMessage: outcome', () => {
  it('on success: status 2, msgID and timestamp set, ORIGIN url serving exactly the uploaded bytes', async () => {
    const { manager, id, transport } = await setup();
    const result = await manager.sendMessage({ id, receiver: 'bob' });
    expect(result.data?.status).toBe(MessageStatus.SEND_SUCC);
    expect(result.data?.msgID).toBeTruthy();
    expect(result.data?.timestamp).toBeGreaterThan(1_600_000_000);
    const origin = findOriginImage(result.data?.imageElem?.imageList);
    const served = new Uint8Array(await (await fetch(origin?.url ?? '')).arrayBuffer());
    expect(served).toEqual(fixture('photo.jpg'));
    expect(transport.getBytes(origin?.url ?? '')).toEqual(fixture('photo.jpg'));
  });

  it.each([ErrorCode.UPLOAD_FAILED, ErrorCode.NETWORK_DISCONNECT, ErrorCode.REQUEST_TIMEOUT])(
    'on failure %i: the code is returned with status 3, and a retry of the same id stores exactly one message',
    async (code) => {
      const { manager, id, transport } = await setup({ failures: [{ code, afterBytes: 100 }] });
      const failed = await manager.sendMessage({ id, receiver: 'bob' });
      expect(failed.code).toBe(code);
      expect(failed.desc).not.toBe('');
      expect(failed.data?.status).toBe(MessageStatus.SEND_FAIL);
      expect(manager.getSendState(id)?.error).toEqual({ code, desc: failed.desc });

      const retried = await manager.sendMessage({ id, receiver: 'bob' });
      expect(retried.code).toBe(ErrorCode.SUCC);
      expect(retried.data?.id).toBe(id);
      expect(transport.attempts.map((a) => a.outcome)).toEqual(['failed', 'sent']);
      expect(transport.messages).toHaveLength(1);
    },
  );

  it('reports an unexpected transport error as UPLOAD_FAILED (6008) with its message', async () => {
    const transport: ImageTransport = {
      send: async () => {
        throw new TypeError('socket hang up');
      },
    };
    const manager = createMessageManager({ transport });
    const created = await manager.createImageMessage(fixtureParams('image.gif'));
    const result = await manager.sendMessage({ id: created.data?.id ?? '', receiver: 'bob' });
    expect(result.code).toBe(ErrorCode.UPLOAD_FAILED);
    expect(result.desc).toContain('socket hang up');
    expect(result.data?.status).toBe(MessageStatus.SEND_FAIL);
  });

  it('keeps a service code the transport rejects with', async () => {
    const transport: ImageTransport = {
      send: async () => {
        throw new ImageMessageError(20007, 'The receiver blocked you.');
      },
    };
    const manager = createMessageManager({ transport });
    const created = await manager.createImageMessage(fixtureParams('image.gif'));
    const result = await manager.sendMessage({ id: created.data?.id ?? '', receiver: 'bob' });
    expect(result).toMatchObject({ code: 20007, desc: 'The receiver blocked you.' });
  });

  it('walks the send state created → sending → failed → sending → sent, notifying subscribers', async () => {
    const { manager, id } = await setup({ failures: [{ code: ErrorCode.UPLOAD_FAILED }] });
    const seen: SendStatus[] = [];
    manager.subscribe((changed) => {
      const status = manager.getSendState(changed)?.status;
      if (changed === id && status && seen.at(-1) !== status) seen.push(status);
    });
    expect(manager.getSendState(id)?.status).toBe('created');
    await manager.sendMessage({ id, groupID: 'team' });
    await manager.sendMessage({ id, groupID: 'team' });
    expect(seen).toEqual(['sending', 'failed', 'sending', 'sent']);
    expect(manager.getSendState(id)?.attempts).toBe(2);
  });
});

describe('subscribe', () => {
  it('hands every subscriber each change with its state, in order, even when a subscriber discards the message', async () => {
    const { manager, id } = await setup();
    const first: [string, SendStatus | undefined][] = [];
    const second: [string, SendStatus | undefined][] = [];
    // The first subscriber drops a sent message at once (as a composer does with its sent draft).
    manager.subscribe((changed, state) => {
      first.push([changed, state?.status]);
      if (state?.status === 'sent') manager.discardMessage(changed);
    });
    manager.subscribe((changed, state) => second.push([changed, state?.status]));
    await manager.sendMessage({ id, receiver: 'bob' });
    expect(first.map(([, status]) => status).filter((s, i, all) => s !== all[i - 1])).toEqual([
      'sending',
      'sent',
      undefined,
    ]);
    // Without ordered delivery the second subscriber would hear of the discard before the success.
    expect(second).toEqual(first);
    expect(first.every(([changed]) => changed === id)).toBe(true);
  });
});

describe('sendMessage: cancel and retry', () => {
  it('cancels through AbortSignal with CANCELED, status 3, and the message can be sent again once', async () => {
    const { manager, id, transport } = await setup({ stalls: [{ afterBytes: 200 }] });
    const controller = new AbortController();
    const progress: number[] = [];
    const pending = manager.sendMessage({
      id,
      receiver: 'bob',
      signal: controller.signal,
      onProgress: (p) => progress.push(p),
    });
    await vi.waitFor(() => expect(progress.length).toBeGreaterThan(1));
    controller.abort();
    const canceled = await pending;
    expect(canceled.code).toBe(ErrorCode.CANCELED);
    expect(canceled.data?.status).toBe(MessageStatus.SEND_FAIL);
    expect(manager.getSendState(id)?.status).toBe('canceled');
    expect(manager.getSendState(id)?.error).toBeUndefined();
    expect(transport.messages).toHaveLength(0);

    const retried = await manager.sendMessage({ id, receiver: 'bob' });
    expect(retried.code).toBe(ErrorCode.SUCC);
    expect(transport.attempts.map((a) => a.outcome)).toEqual(['aborted', 'sent']);
    expect(transport.messages).toHaveLength(1);
  });

  it('cancel(id) stops the send in flight: true, CANCELED, sendable again; false when nothing is in flight', async () => {
    const { manager, id, transport } = await setup({ stalls: [{ afterBytes: 200 }] });
    expect(manager.cancel(id)).toBe(false);
    const pending = manager.sendMessage({ id, receiver: 'bob' });
    // The send is the manager's the moment it is asked for: no await has run yet.
    expect(manager.getSendState(id)?.status).toBe('sending');
    expect(manager.cancel(id)).toBe(true);
    expect(manager.cancel(id)).toBe(false);
    const canceled = await pending;
    expect(canceled.code).toBe(ErrorCode.CANCELED);
    expect(manager.getSendState(id)?.status).toBe('canceled');
    expect(manager.cancel('never-created')).toBe(false);

    const retried = await manager.sendMessage({ id, receiver: 'bob' });
    expect(retried.code).toBe(ErrorCode.SUCC);
    expect(transport.messages).toHaveLength(1);
    expect(manager.cancel(id)).toBe(false);
  });

  it('does not start at all when the signal is already aborted', async () => {
    const { manager, id, transport } = await setup();
    const result = await manager.sendMessage({ id, receiver: 'bob', signal: AbortSignal.abort() });
    expect(result.code).toBe(ErrorCode.CANCELED);
    expect(transport.attempts).toHaveLength(0);
    expect(manager.getSendState(id)?.status).toBe('created');
  });

  it('resolves as canceled at once even when the transport cannot stop, and ignores its late success', async () => {
    let finish: () => void = () => {};
    const transport: ImageTransport = {
      send: (request) =>
        new Promise((resolve) => {
          finish = () =>
            resolve({
              msgID: 'late',
              timestamp: 1,
              sender: 'me',
              imageList: [{ type: 0, url: 'u', size: imageSize(request) }],
            });
        }),
    };
    const manager = createMessageManager({ transport });
    const created = await manager.createImageMessage(fixtureParams('image.png'));
    const id = created.data?.id ?? '';
    const controller = new AbortController();
    const pending = manager.sendMessage({ id, receiver: 'bob', signal: controller.signal });
    controller.abort();
    expect((await pending).code).toBe(ErrorCode.CANCELED);
    finish();
    await Promise.resolve();
    expect(manager.getSendState(id)?.status).toBe('canceled');
    expect(manager.getSendState(id)?.message.msgID).toBeUndefined();
  });

  it('ignores progress that arrives after a cancel', async () => {
    let report: (loaded: number, total: number) => void = () => {};
    const transport: ImageTransport = {
      send: (_request, { onProgress }) => {
        report = onProgress;
        return new Promise(() => {});
      },
    };
    const manager = createMessageManager({ transport });
    const created = await manager.createImageMessage(fixtureParams('image.png'));
    const id = created.data?.id ?? '';
    const controller = new AbortController();
    const progress: number[] = [];
    const pending = manager.sendMessage({
      id,
      receiver: 'bob',
      signal: controller.signal,
      onProgress: (p) => progress.push(p),
    });
    report(10, 100);
    controller.abort();
    await pending;
    report(90, 100);
    expect(progress).toEqual([0, 10]);
    expect(manager.getSendState(id)?.progress).toBe(10);
  });
});

describe('releasing bytes and URLs', () => {
  it('revokes the blob imagePath once the message is sent', async () => {
    const transport = createMemoryTransport();
    const manager = createMessageManager({ transport });
    const before = countOwnedObjectUrls();
    const created = await manager.createImageMessage(
      await fileToImageMessageParams(new File([fixture('image.png')], 'a.png')),
    );
    expect(countOwnedObjectUrls()).toBe(before + 1);
    await manager.sendMessage({ id: created.data?.id ?? '', receiver: 'bob' });
    // The memory transport made one URL of its own for the delivered image; the preview URL is gone.
    const origin = transport.messages[0]?.message.imageElem?.imageList?.[0]?.url;
    expect(origin).toMatch(/^blob:/);
    expect(countOwnedObjectUrls()).toBe(before + 1);
    transport.reset();
    expect(countOwnedObjectUrls()).toBe(before);
  });

  it('discardMessage aborts a send in flight, revokes the preview and forgets the id', async () => {
    const { manager, id, transport } = await setup({ stalls: [{}] });
    const pending = manager.sendMessage({ id, receiver: 'bob' });
    expect(manager.discardMessage(id)).toBe(true);
    expect((await pending).code).toBe(ErrorCode.CANCELED);
    expect(manager.getSendState(id)).toBeUndefined();
    expect((await manager.sendMessage({ id, receiver: 'bob' })).code).toBe(ErrorCode.ID_NOT_EXIST);
    expect(transport.messages).toHaveLength(0);
  });
});

describe('the user’s file beside the bytes', () => {
  function recordingTransport() {
    const files: (Blob | undefined)[] = [];
    const transport: ImageTransport = {
      async send(request) {
        files.push(request.file);
        return { msgID: 'm', timestamp: 1, sender: 'me', imageList: [{ type: 0, url: 'u' }] };
      },
    };
    return { transport, files };
  }

  it('hands the file from fileToImageMessageParams to the transport, so it can upload without a copy', async () => {
    const { transport, files } = recordingTransport();
    const manager = createMessageManager({ transport });
    const file = new File([fixture('image.png')], 'a.png');
    const created = await manager.createImageMessage(await fileToImageMessageParams(file));
    await manager.sendMessage({ id: created.data?.id ?? '', receiver: 'bob' });
    expect(files).toEqual([file]);
  });

  it('does not trust a file whose size differs from the validated bytes', async () => {
    const { transport, files } = recordingTransport();
    const manager = createMessageManager({ transport });
    const created = await manager.createImageMessage({
      ...fixtureParams('image.png'),
      file: new Blob([new Uint8Array(3)]),
    });
    await manager.sendMessage({ id: created.data?.id ?? '', receiver: 'bob' });
    expect(files).toEqual([undefined]);
  });
});
