import { ErrorCode, MessageStatus } from '@image-message/core';
import { describe, expect, it } from 'vitest';
import type { TencentMessageEvent } from '../src';
import { flush, setup } from './support/setup';

describe('retry after a failure: the same SDK message is resent, never duplicated', () => {
  it('calls chat.resendMessage on the message it created, and creates nothing new', async () => {
    const s = setup();
    const id = await s.create();
    s.double.respond = (upload) => upload.fail(2400);
    const failed = await s.manager.sendMessage({ id, receiver: 'bob' });
    expect(failed.code).toBe(2400);
    expect(failed.data?.status).toBe(MessageStatus.SEND_FAIL);

    s.double.respond = (upload) => upload.succeed();
    const retried = await s.manager.sendMessage({ id, receiver: 'bob' });

    expect(retried.code).toBe(ErrorCode.SUCC);
    expect(s.double.created).toHaveLength(1);
    expect(s.double.uploads.map((upload) => upload.method)).toEqual(['sendMessage', 'resendMessage']);
    expect(s.double.upload(1).message).toBe(s.double.upload(0).message);
    expect(retried.data?.msgID).toBe(s.double.upload(0).message.ID);
  });

  it('routes the resend progress to the new attempt (the SDK keeps the first onProgress)', async () => {
    const s = setup();
    const id = await s.create();
    s.double.respond = (upload) => {
      upload.progress(0.6);
      upload.fail(2801);
    };
    await s.manager.sendMessage({ id, receiver: 'bob' });

    s.double.respond = undefined;
    const seen: number[] = [];
    const retry = s.manager.sendMessage({ id, receiver: 'bob', onProgress: (p) => seen.push(p) });
    await flush();
    s.double.upload().progress(0.3);
    s.double.upload().succeed();

    expect((await retry).code).toBe(ErrorCode.SUCC);
    expect(seen).toEqual([0, 30, 100]);
  });

  it('fails again with the new code when the resend fails too, and can still be retried', async () => {
    const s = setup();
    const id = await s.create();
    s.double.respond = (upload) => upload.fail(2400);
    await s.manager.sendMessage({ id, receiver: 'bob' });
    s.double.respond = (upload) => upload.fail(20007);
    expect((await s.manager.sendMessage({ id, receiver: 'bob' })).code).toBe(20007);
    s.double.respond = (upload) => upload.succeed();
    expect((await s.manager.sendMessage({ id, receiver: 'bob' })).code).toBe(ErrorCode.SUCC);
    expect(s.double.created).toHaveLength(1);
    expect(s.double.uploads.map((upload) => upload.method)).toEqual([
      'sendMessage',
      'resendMessage',
      'resendMessage',
    ]);
  });

  it('a retry to another conversation is refused before the SDK is asked: a message keeps the address of its first send', async () => {
    const s = setup();
    const id = await s.create();
    s.double.respond = (upload) => upload.fail(20007);
    await s.manager.sendMessage({ id, receiver: 'bob' });
    s.double.respond = (upload) => upload.succeed();
    const elsewhere = await s.manager.sendMessage({ id, receiver: 'carol' });

    expect(elsewhere.code).toBe(ErrorCode.INVALID_PARAMETERS);
    expect(s.double.created.map((options) => options.to)).toEqual(['bob']);
    expect(s.double.uploads.map((upload) => upload.method)).toEqual(['sendMessage']);
    // Retry goes where the first send went, as the SDK's resendMessage of that message.
    expect((await s.manager.sendMessage({ id })).code).toBe(ErrorCode.SUCC);
    expect(s.double.created.map((options) => options.to)).toEqual(['bob']);
    expect(s.double.uploads.map((upload) => upload.method)).toEqual(['sendMessage', 'resendMessage']);
  });

  it('tells the app about each SDK step of the message', async () => {
    const events: TencentMessageEvent[] = [];
    const s = setup({ onMessage: (_message, event) => events.push(event) });
    const id = await s.create();
    s.double.respond = (upload) => upload.fail(2400);
    await s.manager.sendMessage({ id, receiver: 'bob' });
    s.double.respond = (upload) => upload.succeed();
    await s.manager.sendMessage({ id, receiver: 'bob' });

    expect(events.map((event) => [event.phase, event.afterCancel])).toEqual([
      ['sending', false],
      ['failed', false],
      ['sending', false],
      ['sent', false],
    ]);
    expect(new Set(events.map((event) => event.id))).toEqual(new Set([id]));
  });

  it('an app listener that throws does not fail the send', async () => {
    const s = setup({
      onMessage: () => {
        throw new Error('app bug');
      },
    });
    const errors: unknown[] = [];
    const onError = (error: unknown) => errors.push(error);
    process.on('uncaughtException', onError);
    try {
      s.double.respond = (upload) => upload.succeed();
      const result = await s.manager.sendMessage({ id: await s.create(), receiver: 'bob' });
      await flush();
      expect(result.code).toBe(ErrorCode.SUCC);
      expect(errors).toHaveLength(2);
    } finally {
      process.off('uncaughtException', onError);
    }
  });
});
