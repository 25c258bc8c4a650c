import { ErrorCode, isAbortError, MessageStatus } from '@image-message/core';
import { describe, expect, it, vi } from 'vitest';
import { createTencentChatTransport, type TencentMessageEvent } from '../src';
import { createChatDouble } from './support/chatDouble';
import { fixture, flush, setup } from './support/setup';

/** Sends `id` to bob and cancels once the SDK upload has started; returns the send's (canceled) result. */
async function sendThenCancel(s: ReturnType<typeof setup>, id: string) {
  const controller = new AbortController();
  const sending = s.manager.sendMessage({ id, receiver: 'bob', signal: controller.signal });
  await flush();
  controller.abort();
  return sending;
}

describe('cancel: the SDK cannot stop an upload, the library side still behaves', () => {
  it('resolves the send as CANCELED at once, while the SDK upload is still running', async () => {
    const s = setup();
    const id = await s.create();
    const controller = new AbortController();
    const sending = s.manager.sendMessage({ id, receiver: 'bob', signal: controller.signal });
    await flush();
    s.double.upload().progress(0.4);
    controller.abort();
    const result = await sending;

    expect(result.code).toBe(ErrorCode.CANCELED);
    expect(s.double.upload().settled).toBe(false);
    expect(s.manager.getSendState(id)?.status).toBe('canceled');
  });

  it('ignores the late success: the message stays canceled, never shown as sent', async () => {
    const events: TencentMessageEvent[] = [];
    const s = setup({ onMessage: (_message, event) => events.push(event) });
    const id = await s.create();
    const changes = vi.fn();
    s.manager.subscribe(changes);
    await sendThenCancel(s, id);
    changes.mockClear();

    s.double.upload().progress(1);
    s.double.upload().succeed();
    await flush();

    const state = s.manager.getSendState(id);
    expect(state?.status).toBe('canceled');
    expect(state?.message.status).toBe(MessageStatus.SEND_FAIL);
    expect(state?.message.msgID).toBeUndefined();
    expect(changes).not.toHaveBeenCalled();
    // …but the app is told the SDK delivered it anyway, so it can revoke it if it must.
    expect(events.at(-1)).toEqual({ id, phase: 'sent', afterCancel: true });
  });

  it('a retry after the late success returns that message; nothing is uploaded or created twice', async () => {
    const s = setup();
    const id = await s.create();
    await sendThenCancel(s, id);
    s.double.upload().succeed();
    await flush();

    const retry = await s.manager.sendMessage({ id, receiver: 'bob' });

    expect(retry.code).toBe(ErrorCode.SUCC);
    expect(retry.data?.msgID).toBe(s.double.upload(0).message.ID);
    expect(s.double.created).toHaveLength(1);
    expect(s.double.uploads).toHaveLength(1);
  });

  it('a retry while the canceled upload still runs joins it instead of starting another', async () => {
    const s = setup();
    const id = await s.create();
    await sendThenCancel(s, id);

    const seen: number[] = [];
    const retry = s.manager.sendMessage({ id, receiver: 'bob', onProgress: (p) => seen.push(p) });
    await flush();
    s.double.upload().progress(0.8);
    s.double.upload().succeed();

    expect((await retry).code).toBe(ErrorCode.SUCC);
    expect(seen).toEqual([0, 80, 100]);
    expect(s.double.uploads).toHaveLength(1);
    expect(s.double.created).toHaveLength(1);
  });

  it('a late failure after a cancel is kept for the retry, which resends the same SDK message', async () => {
    const s = setup();
    const id = await s.create();
    await sendThenCancel(s, id);
    s.double.upload().fail(2400);
    await flush();
    expect(s.manager.getSendState(id)?.status).toBe('canceled');

    s.double.respond = (upload) => upload.succeed();
    const retry = await s.manager.sendMessage({ id, receiver: 'bob' });

    expect(retry.code).toBe(ErrorCode.SUCC);
    expect(s.double.uploads.map((upload) => upload.method)).toEqual(['sendMessage', 'resendMessage']);
    expect(s.double.upload(1).message).toBe(s.double.upload(0).message);
  });

  it('the transport itself rejects with an AbortError, before touching the SDK when already aborted', async () => {
    const double = createChatDouble();
    const transport = createTencentChatTransport(double.chat);
    const request = {
      id: 'img_1',
      bytes: fixture('photo.jpg'),
      fileName: 'photo.jpg',
      mimeType: 'image/jpeg',
      width: 64,
      height: 48,
      receiver: 'bob',
    };
    const aborted = AbortSignal.abort();
    await expect(transport.send(request, { signal: aborted, onProgress: () => {} })).rejects.toSatisfy(
      isAbortError,
    );
    expect(double.created).toHaveLength(0);

    const controller = new AbortController();
    const sending = transport.send(request, { signal: controller.signal, onProgress: () => {} });
    await flush();
    controller.abort();
    await expect(sending).rejects.toSatisfy(isAbortError);
    double.upload().succeed();
  });
});
