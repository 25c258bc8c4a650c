import { describe, expect, it } from 'vitest';
import { canSend, initialSendState, MessageStatus, sendReducer } from '../src';

const created = initialSendState({ id: 'a', elemType: 3 });

describe('sendReducer', () => {
  it('starts a send from created, failed or canceled, but not while sending or after sent', () => {
    const sending = sendReducer(created, { type: 'start', receiver: 'bob' });
    expect(sending).toMatchObject({
      status: 'sending',
      progress: 0,
      attempts: 1,
      message: { status: MessageStatus.SENDING, userID: 'bob' },
    });
    expect(sendReducer(sending, { type: 'start' })).toBe(sending);
    const sent = sendReducer(sending, { type: 'succeed', message: { id: 'a', elemType: 3, msgID: 'm' } });
    expect(sent.status).toBe('sent');
    expect(canSend(sent)).toBe(false);
    expect(sendReducer(sent, { type: 'start' })).toBe(sent);
    const failed = sendReducer(sendReducer(created, { type: 'start' }), {
      type: 'fail',
      code: 6008,
      desc: 'x',
    });
    expect(canSend(failed)).toBe(true);
    expect(sendReducer(failed, { type: 'start' }).error).toBeUndefined();
  });

  it('moves progress only forward, only while sending, and caps it at 100', () => {
    const sending = sendReducer(created, { type: 'start' });
    const at40 = sendReducer(sending, { type: 'progress', progress: 40 });
    expect(sendReducer(at40, { type: 'progress', progress: 30 })).toBe(at40);
    expect(sendReducer(at40, { type: 'progress', progress: 150 }).progress).toBe(100);
    expect(sendReducer(created, { type: 'progress', progress: 50 })).toBe(created);
  });

  it('ignores a late success or failure after a cancel', () => {
    const canceled = sendReducer(sendReducer(created, { type: 'start' }), { type: 'cancel' });
    expect(canceled).toMatchObject({ status: 'canceled', message: { status: MessageStatus.SEND_FAIL } });
    expect(sendReducer(canceled, { type: 'succeed', message: { elemType: 3 } })).toBe(canceled);
    expect(sendReducer(canceled, { type: 'fail', code: 1, desc: '' })).toBe(canceled);
  });
});
