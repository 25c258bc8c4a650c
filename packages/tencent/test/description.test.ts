import { ErrorCode } from '@image-message/core';
import type { Message } from '@tencentcloud/chat';
import { describe, expect, it } from 'vitest';
import { IMAGE_MESSAGE_CUSTOM_DATA_KEY, toV2TimMessage } from '../src';
import { addImageMessageData, readImageMessageData } from '../src/mapping/cloudCustomDataEntry';
import { CONV_C2C } from '../src/sdk/tencentSdk';
import { createChatDouble } from './support/chatDouble';
import { asReceived, sendOne } from './support/sendOne';

// `imageElem.description` (alt text) has no field in the SDK's image message either: it rides in
// `cloudCustomData["@image-message"].description`, beside the placeholder and the app's own keys, merged
// the same way, and is read back by toV2TimMessage.

const HASH = 'YJqGPQw7sFlslqhFafSE+Q6oJ1h2iHB2Rw==';
const TEXT = '一只狗 "on" the beach \\ 🐕';

describe('sending: the description goes into cloudCustomData', () => {
  it('alone: an object with our key alone; both sides read it back, the app’s value stays none', async () => {
    const { result, given, sdkMessage } = await sendOne({ description: TEXT });
    expect(result.code).toBe(ErrorCode.SUCC);
    expect(JSON.parse(given?.cloudCustomData as string)).toEqual({
      [IMAGE_MESSAGE_CUSTOM_DATA_KEY]: { description: TEXT },
    });
    expect(result.data?.imageElem?.description).toBe(TEXT);
    expect(result.data).not.toHaveProperty('cloudCustomData');
    const received = asReceived(sdkMessage as Message);
    expect(received.imageElem?.description).toBe(TEXT);
    expect(received).not.toHaveProperty('cloudCustomData');
  });

  it('with the placeholder, into the app’s JSON object, whose text is kept byte for byte', async () => {
    const app = ' {"orderId": 12345678901234567890, "note":"a, b"}';
    const { given, sdkMessage, result } = await sendOne({
      description: TEXT,
      placeholder: HASH,
      cloudCustomData: app,
    });
    const wire = given?.cloudCustomData as string;
    expect(wire).toBe(
      ` {"@image-message":${JSON.stringify({ placeholder: HASH, description: TEXT })},"orderId": 12345678901234567890, "note":"a, b"}`,
    );
    expect(result.data?.cloudCustomData).toBe(app);
    const received = asReceived(sdkMessage as Message);
    expect(received.cloudCustomData).toBe(app);
    expect(received.imageElem).toMatchObject({ placeholder: HASH, description: TEXT });
  });

  it('never over the app’s own "@image-message", nor into text that is not a JSON object', async () => {
    for (const app of ['{"@image-message":{"mine":true}}', 'order 42', '[1]']) {
      const { given, sdkMessage } = await sendOne({ description: TEXT, cloudCustomData: app });
      expect(given?.cloudCustomData).toBe(app);
      const received = asReceived(sdkMessage as Message);
      expect(received.cloudCustomData).toBe(app);
      expect(received.imageElem).not.toHaveProperty('description');
    }
  });

  it('a description too long is never sent: the manager holds the send, the SDK is not called', async () => {
    const { result, given } = await sendOne({ description: 'a'.repeat(1001) });
    expect(result.code).toBe(ErrorCode.DESCRIPTION_TOO_LONG);
    expect(given).toBeUndefined();
  });
});

describe('addImageMessageData and readImageMessageData', () => {
  it('are inverse for every app value they write into', () => {
    for (const app of [undefined, '{"a":1}', '\n\t{"a":{"b":[1,{"c":"}"}]}}', '{ }']) {
      for (const data of [{ description: TEXT }, { placeholder: HASH, description: TEXT }]) {
        const wire = addImageMessageData(app, data);
        const back = readImageMessageData(wire);
        expect(back).toEqual({
          ...data,
          ...(app !== undefined && app !== '{ }' && { cloudCustomData: app }),
        });
      }
    }
  });

  it('cleans what it writes and what it reads (core’s rule); leaves out one too long', () => {
    expect(addImageMessageData(undefined, { description: ' a\u202Eb\n ' })).toBe(
      '{"@image-message":{"description":"ab"}}',
    );
    expect(addImageMessageData('{"k":1}', { description: 'x'.repeat(1001) })).toBe('{"k":1}');
    // Another client wrote it raw: read cleaned, and its text is left as it is.
    const raw = '{"@image-message":{"description":"a\\u202Eb"},"k":1}';
    expect(readImageMessageData(raw)).toEqual({ description: 'ab', cloudCustomData: raw });
  });

  it.each([
    ['a number', '{"@image-message":{"description":42}}'],
    ['10,000 characters', `{"@image-message":{"description":"${'a'.repeat(10_000)}"}}`],
    ['only spaces', '{"@image-message":{"description":"  "}}'],
  ])('tolerates %s as the description: none, the text left as it is', (_case, text) => {
    const message = createChatDouble().message({ to: 'bob', conversationType: CONV_C2C, payload: {} });
    const v2 = toV2TimMessage(Object.assign(message, { flow: 'in', from: 'alice', cloudCustomData: text }));
    expect(v2.imageElem).not.toHaveProperty('description');
    expect(v2.cloudCustomData).toBe(text);
  });
});
