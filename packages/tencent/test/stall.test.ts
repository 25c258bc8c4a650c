import { ErrorCode, MessageStatus } from '@image-message/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTencentChatTransport, type TencentMessageEvent } from '../src';
import { createChatDouble } from './support/chatDouble';
import { flush, setup } from './support/setup';

// Only the timers are fake: `flush` (setImmediate) still lets the SDK double's promises settle.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
});

const STALL_MS = 20_000;

describe('stall: no SDK progress for stallTimeoutMs', () => {
  it('resolves 6012 (retryable) after the stall time, while the SDK upload is still running', async () => {
    const s = setup();
    const id = await s.create();
    const sending = s.manager.sendMessage({ id, receiver: 'bob' });
    await flush();
    s.double.upload().progress(0.3);

    await vi.advanceTimersByTimeAsync(STALL_MS - 1);
    expect(s.manager.getSendState(id)?.status).toBe('sending');
    await vi.advanceTimersByTimeAsync(1);
    const result = await sending;

    expect(result.code).toBe(ErrorCode.REQUEST_TIMEOUT);
    expect(result.desc).toMatch(/no progress for 20 s/);
    expect(result.data?.status).toBe(MessageStatus.SEND_FAIL);
    expect(s.manager.getSendState(id)).toMatchObject({ status: 'failed', error: { code: 6012 } });
    expect(s.double.upload().settled).toBe(false);
  });

  it('every SDK progress report restarts the clock, even one that repeats the percent', async () => {
    const s = setup();
    const id = await s.create();
    const sending = s.manager.sendMessage({ id, receiver: 'bob' });
    await flush();
    // 80 s in all, never 20 s without a report; the plugin reports whole percents, so a slow upload
    // repeats one (0.41, 0.41, …) for a while.
    for (const fraction of [0.1, 0.41, 0.41, 0.41, 0.9]) {
      await vi.advanceTimersByTimeAsync(STALL_MS - 1000);
      s.double.upload().progress(fraction);
    }
    s.double.upload().succeed();
    expect((await sending).code).toBe(ErrorCode.SUCC);
  });

  it('ignores the late success: the message stays failed, the app is told; a retry returns it without a second upload', async () => {
    const events: TencentMessageEvent[] = [];
    const s = setup({ onMessage: (_message, event) => events.push(event) });
    const id = await s.create();
    const sending = s.manager.sendMessage({ id, receiver: 'bob' });
    await flush();
    await vi.advanceTimersByTimeAsync(STALL_MS);
    expect((await sending).code).toBe(ErrorCode.REQUEST_TIMEOUT);
    const changes = vi.fn();
    s.manager.subscribe(changes);

    s.double.upload().progress(1);
    s.double.upload().succeed();
    await flush();

    expect(s.manager.getSendState(id)).toMatchObject({ status: 'failed', error: { code: 6012 } });
    expect(s.manager.getSendState(id)?.message.msgID).toBeUndefined();
    expect(changes).not.toHaveBeenCalled();
    expect(events.at(-1)).toEqual({ id, phase: 'sent', afterCancel: true });

    const retry = await s.manager.sendMessage({ id, receiver: 'bob' });
    expect(retry.code).toBe(ErrorCode.SUCC);
    expect(retry.data?.msgID).toBe(s.double.upload(0).message.ID);
    expect(s.double.created).toHaveLength(1);
    expect(s.double.uploads).toHaveLength(1);
  });

  it('ignores the late failure; the retry resends the same SDK message', async () => {
    const s = setup();
    const id = await s.create();
    const sending = s.manager.sendMessage({ id, receiver: 'bob' });
    await flush();
    await vi.advanceTimersByTimeAsync(STALL_MS);
    await sending;
    s.double.upload().fail(2400, 'upload failed');
    await flush();
    expect(s.manager.getSendState(id)?.error?.code).toBe(ErrorCode.REQUEST_TIMEOUT);

    const retry = s.manager.sendMessage({ id, receiver: 'bob' });
    await flush();
    expect(s.double.upload().method).toBe('resendMessage');
    expect(s.double.upload().message).toBe(s.double.upload(0).message);
    s.double.upload().succeed();
    expect((await retry).code).toBe(ErrorCode.SUCC);
  });

  it('a retry while the stalled upload still runs joins it, with a fresh stall clock', async () => {
    const s = setup();
    const id = await s.create();
    const first = s.manager.sendMessage({ id, receiver: 'bob' });
    await flush();
    await vi.advanceTimersByTimeAsync(STALL_MS);
    await first;

    const seen: number[] = [];
    const retry = s.manager.sendMessage({ id, receiver: 'bob', onProgress: (p) => seen.push(p) });
    await flush();
    await vi.advanceTimersByTimeAsync(STALL_MS - 1);
    s.double.upload().progress(0.7);
    s.double.upload().succeed();

    expect((await retry).code).toBe(ErrorCode.SUCC);
    expect(s.double.uploads).toHaveLength(1);
    expect(seen).toContain(70);
  });

  it('takes its own stallTimeoutMs, and Infinity waits forever', async () => {
    const short = setup({ stallTimeoutMs: 500 });
    const id = await short.create();
    const sending = short.manager.sendMessage({ id, receiver: 'bob' });
    await flush();
    await vi.advanceTimersByTimeAsync(500);
    expect((await sending).desc).toMatch(/no progress for 500 ms/);

    const patient = setup({ stallTimeoutMs: Number.POSITIVE_INFINITY });
    const other = await patient.create();
    const waiting = patient.manager.sendMessage({ id: other, receiver: 'bob' });
    await flush();
    await vi.advanceTimersByTimeAsync(24 * 60 * 60 * 1000);
    expect(patient.manager.getSendState(other)?.status).toBe('sending');
    patient.double.upload().succeed();
    expect((await waiting).code).toBe(ErrorCode.SUCC);
  });

  it('refuses a stallTimeoutMs that is not a positive number', () => {
    const { chat } = createChatDouble();
    for (const stallTimeoutMs of [0, -1, Number.NaN]) {
      expect(() => createTencentChatTransport(chat, { stallTimeoutMs })).toThrow(RangeError);
    }
  });

  it('a cancel before the stall time is still a cancel, and the stall clock stops', async () => {
    const s = setup();
    const id = await s.create();
    const controller = new AbortController();
    const sending = s.manager.sendMessage({ id, receiver: 'bob', signal: controller.signal });
    await flush();
    controller.abort();
    expect((await sending).code).toBe(ErrorCode.CANCELED);
    expect(vi.getTimerCount()).toBe(0);
  });
});
