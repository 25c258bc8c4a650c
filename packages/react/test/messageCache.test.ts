import {
  initialSendState,
  MessageStatus,
  type SendState,
  sendReducer,
  type V2TimMessage,
} from '@image-message/core';
import { describe, expect, it } from 'vitest';
import { applySendState } from '../src';

const created = initialSendState(
  { id: 'a', elemType: 3, imageElem: { imageList: [{ type: 0, size: 9 }] } },
  'a.png',
);
const sending = sendReducer(created, { type: 'start', receiver: 'bob' });
const at40 = sendReducer(sending, { type: 'progress', progress: 40 });
const sent = sendReducer(at40, {
  type: 'succeed',
  message: { id: 'a', elemType: 3, msgID: 'm1', userID: 'bob' },
});
const failed = sendReducer(at40, { type: 'fail', code: 6008, desc: 'x' });
const canceled = sendReducer(at40, { type: 'cancel' });
const other: V2TimMessage = { msgID: 'older', elemType: 3, status: MessageStatus.SEND_SUCC };

describe('applySendState: the one rule from send state to cached row', () => {
  it('adds a sending message only when told to insert, then follows its progress', () => {
    expect(applySendState([other], 'a', sending)).toEqual([other]);
    const inserted = applySendState([other], 'a', sending, { insert: true });
    expect(inserted).toEqual([
      other,
      expect.objectContaining({ id: 'a', status: MessageStatus.SENDING, progress: 0 }),
    ]);
    expect(applySendState(inserted, 'a', at40)?.[1]).toMatchObject({
      status: MessageStatus.SENDING,
      progress: 40,
    });
  });

  it('replaces the row with the server’s message at status 2, marks a failure 3, and drops a canceled row', () => {
    const row = applySendState([other], 'a', at40, { insert: true });
    expect(applySendState(row, 'a', sent)).toEqual([
      other,
      expect.objectContaining({ id: 'a', msgID: 'm1', status: 2 }),
    ]);
    expect(applySendState(row, 'a', failed)).toEqual([
      other,
      expect.objectContaining({ id: 'a', status: 3, progress: 40 }),
    ]);
    expect(applySendState(row, 'a', canceled)).toEqual([other]);
    expect(applySendState(row, 'a', undefined)).toEqual([other]);
  });

  it('returns the same list when nothing changes, and never lets an older attempt overwrite a delivered row', () => {
    const row = applySendState([other], 'a', at40, { insert: true });
    expect(applySendState(row, 'a', at40)).toBe(row);
    expect(applySendState(row, 'a', created)).toBe(row);
    const delivered = applySendState(row, 'a', sent);
    expect(applySendState(delivered, 'a', failed as SendState)).toBe(delivered);
    expect(applySendState(delivered, 'a', undefined)).toBe(delivered);
    expect(applySendState(undefined, 'a', at40)).toBeUndefined();
  });
});
