import { ErrorCode, ImageType, MessageElemType, MessageStatus } from '@image-message/core';
import type { Message } from '@tencentcloud/chat';
import { describe, expect, it } from 'vitest';
import { type TencentImageInfo, toImageList, toV2TimMessage } from '../src';
import { CONV_C2C } from '../src/sdk/tencentSdk';
import { createChatDouble, imageInfoFor } from './support/chatDouble';
import { flush, setup } from './support/setup';

const origin = { url: 'https://cos.example/o.jpg', width: 4000, height: 3000, size: 2_000_000 };
const thumb = { url: 'https://cos.example/o.jpg?w=198', width: 264, height: 198, size: 0 };
const large = { url: 'https://cos.example/o.jpg?w=720', width: 960, height: 720, size: 0 };
const expected = [
  { type: ImageType.ORIGIN, url: origin.url, width: 4000, height: 3000, size: 2_000_000 },
  { type: ImageType.THUMB, url: thumb.url, width: 264, height: 198 },
  { type: ImageType.LARGE, url: large.url, width: 960, height: 720 },
];

describe('imageInfoArray → imageList: THUMB and LARGE by dimensions, not by position or type', () => {
  it.each([
    // After sendMessage succeeds the Web SDK swaps slots 1 and 2 and renumbers `type` by position…
    ['after a send: [origin, thumb, large]', [origin, thumb, large], [0, 1, 2]],
    // …while during the upload it holds [origin, large, thumb] with the same numbering.
    ['during the upload: [origin, large, thumb]', [origin, large, thumb], [0, 1, 2]],
    ['any other order with misleading types', [large, thumb, origin], [1, 0, 2]],
    ['thumb first', [thumb, origin, large], [2, 2, 2]],
  ])('%s', (_label, entries, types) => {
    const infos: TencentImageInfo[] = entries.map((entry, index) => ({ ...entry, type: types[index] }));
    expect(toImageList(infos)).toEqual(expected);
  });

  it('a portrait image works the same way', () => {
    const list = toImageList([
      { url: 'l', width: 720, height: 1280 },
      { url: 'o', width: 1080, height: 1920, size: 9 },
      { url: 't', width: 198, height: 352 },
    ]);
    expect(list.map((image) => [image.type, image.url])).toEqual([
      [ImageType.ORIGIN, 'o'],
      [ImageType.THUMB, 't'],
      [ImageType.LARGE, 'l'],
    ]);
  });

  it('below 198 px all three are the original picture; ORIGIN is the one carrying the bytes', () => {
    const list = toImageList([
      { url: 'a', width: 64, height: 48 },
      { url: 'b', width: 64, height: 48 },
      { url: 'c', width: 64, height: 48, size: 480 },
    ]);
    expect(list.map((image) => image.type)).toEqual([ImageType.ORIGIN, ImageType.THUMB, ImageType.LARGE]);
    expect(list[0]).toEqual({ type: ImageType.ORIGIN, url: 'c', width: 64, height: 48, size: 480 });
  });

  it('a lone variant is named by its size: a 720 px one is LARGE, not THUMB', () => {
    expect(toImageList([origin, large]).map((image) => image.type)).toEqual([
      ImageType.ORIGIN,
      ImageType.LARGE,
    ]);
    expect(toImageList([origin, thumb]).map((image) => image.type)).toEqual([
      ImageType.ORIGIN,
      ImageType.THUMB,
    ]);
  });

  it("drops the SDK's empty placeholders and survives junk", () => {
    expect(toImageList([{ url: '', width: 0, height: 0 }, origin, null, { width: 5 }])).toEqual([
      expected[0],
    ]);
    expect(toImageList(undefined)).toEqual([]);
    expect(toImageList('nope')).toEqual([]);
  });
});

describe('the resolved SDK message → the V2TimMessage the manager returns', () => {
  it('sets msgID, timestamp, status, sender and imageElem.imageList from the SDK message', async () => {
    const s = setup();
    const id = await s.create();
    const sending = s.manager.sendMessage({ id, groupID: 'team' });
    await flush();
    const upload = s.double.upload();
    // Hand the SDK's list over in its during-upload order to prove the order does not matter.
    const [o, t, l] = imageInfoFor('https://cos.example/x.jpg');
    upload.succeed([o, l, t] as TencentImageInfo[]);
    const result = await sending;

    expect(result.code).toBe(ErrorCode.SUCC);
    expect(result.data).toMatchObject({
      id,
      msgID: upload.message.ID,
      timestamp: upload.message.time,
      status: MessageStatus.SEND_SUCC,
      sender: 'alice',
      nickName: 'Alice',
      faceUrl: 'https://avatar.example/alice.png',
      groupID: 'team',
      elemType: MessageElemType.IMAGE,
      isSelf: true,
      progress: 100,
      seq: String(upload.message.sequence),
    });
    expect(result.data?.imageElem).toEqual({
      path: '/photos/photo.jpg',
      imageList: [
        { type: ImageType.ORIGIN, url: 'https://cos.example/x.jpg', width: 4000, height: 3000, size: 480 },
        {
          type: ImageType.THUMB,
          url: 'https://cos.example/x.jpg?imageView2/3/w/198/h/198',
          width: 264,
          height: 198,
        },
        {
          type: ImageType.LARGE,
          url: 'https://cos.example/x.jpg?imageView2/3/w/720/h/720',
          width: 960,
          height: 720,
        },
      ],
    });
  });
});

describe('toV2TimMessage for messages the SDK delivers', () => {
  function message(overrides: Partial<Message>): Message {
    const double = createChatDouble();
    const base = double.message({
      to: 'alice',
      conversationType: CONV_C2C,
      payload: {},
    });
    return Object.assign(base, overrides);
  }

  it('one-to-one received: the peer is the sender', () => {
    const v2 = toV2TimMessage(message({ flow: 'in', from: 'bob', to: 'alice', status: 'success' }));
    expect(v2).toMatchObject({
      userID: 'bob',
      sender: 'bob',
      isSelf: false,
      status: MessageStatus.SEND_SUCC,
    });
    expect(v2.groupID).toBeUndefined();
  });

  it('maps the status strings, revoked and deleted', () => {
    expect(toV2TimMessage(message({ status: 'unSend' })).status).toBe(MessageStatus.SENDING);
    expect(toV2TimMessage(message({ status: 'fail' })).status).toBe(MessageStatus.SEND_FAIL);
    expect(toV2TimMessage(message({ isRevoked: true })).status).toBe(MessageStatus.LOCAL_REVOKED);
    expect(toV2TimMessage(message({ isDeleted: true })).status).toBe(MessageStatus.HAS_DELETED);
  });

  it('other element types get their elemType and no imageElem', () => {
    const text = toV2TimMessage(message({ type: 'TIMTextElem' as Message['type'], payload: { text: 'hi' } }));
    expect(text.elemType).toBe(MessageElemType.TEXT);
    expect(text.imageElem).toBeUndefined();
  });
});
