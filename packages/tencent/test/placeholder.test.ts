import { ErrorCode } from '@image-message/core';
import type { Message } from '@tencentcloud/chat';
import { describe, expect, it } from 'vitest';
import { IMAGE_MESSAGE_CUSTOM_DATA_KEY, toV2TimMessage } from '../src';
import { addImageMessageData, readImageMessageData } from '../src/mapping/cloudCustomDataEntry';

const addPlaceholder = (app: string | undefined, placeholder: string) =>
  addImageMessageData(app, { placeholder });
const readPlaceholder = readImageMessageData;

import { CONV_C2C } from '../src/sdk/tencentSdk';
import { createChatDouble } from './support/chatDouble';
import { asReceived, sendOne } from './support/sendOne';
import { fixture, setup } from './support/setup';

// `imageElem.placeholder` has no field in the SDK's image message, so it rides in `cloudCustomData` under
// "@image-message", beside whatever the app keeps there, and is read back by toV2TimMessage.

const HASH = 'YJqGPQw7sFlslqhFafSE+Q6oJ1h2iHB2Rw==';
const OTHER = '1QcSHQRnh493V4dIh4eXh1h4kJUI';
const OURS = `"@image-message":{"placeholder":"${HASH}"}`;

/** Sends one image made with `placeholder` through the transport; the SDK double delivers it. */
async function send(options: { placeholder?: string; cloudCustomData?: string }) {
  const { result, given, sdkMessage } = await sendOne(options);
  expect(result.code).toBe(ErrorCode.SUCC);
  if (!sdkMessage) throw new Error('The SDK double sent no message.');
  return { sent: result.data, given, sdkMessage };
}

describe('sending: the placeholder goes into cloudCustomData', () => {
  it('without an app value: an object with our key alone; both sides read the placeholder back', async () => {
    const { sent, given, sdkMessage } = await send({ placeholder: HASH });
    expect(given?.cloudCustomData).toBe(`{${OURS}}`);
    expect(JSON.parse(given?.cloudCustomData as string)).toEqual({
      [IMAGE_MESSAGE_CUSTOM_DATA_KEY]: { placeholder: HASH },
    });
    expect(sent?.imageElem?.placeholder).toBe(HASH);
    // The app set none, and reads none back.
    expect(sent).not.toHaveProperty('cloudCustomData');
    const received = asReceived(sdkMessage);
    expect(received.imageElem?.placeholder).toBe(HASH);
    expect(received).not.toHaveProperty('cloudCustomData');
  });

  it('into the app’s JSON object, whose text is kept byte for byte (big integers, spacing, order)', async () => {
    const app = ' {"orderId": 12345678901234567890, "note":"a, b", "nested": {"x": [1, 2]}}';
    const { sent, given, sdkMessage } = await send({ placeholder: HASH, cloudCustomData: app });
    const wire = given?.cloudCustomData as string;
    expect(wire).toBe(` {${OURS},"orderId": 12345678901234567890, "note":"a, b", "nested": {"x": [1, 2]}}`);
    expect(JSON.parse(wire)).toMatchObject({
      note: 'a, b',
      [IMAGE_MESSAGE_CUSTOM_DATA_KEY]: { placeholder: HASH },
    });
    // Read back, the app's value is exactly what it set.
    expect(sent?.cloudCustomData).toBe(app);
    const received = asReceived(sdkMessage);
    expect(received.cloudCustomData).toBe(app);
    expect(received.imageElem?.placeholder).toBe(HASH);
  });

  it('into an empty object', async () => {
    const { given, sent } = await send({ placeholder: HASH, cloudCustomData: '{ }' });
    expect(given?.cloudCustomData).toBe(`{${OURS} }`);
    expect(sent?.imageElem?.placeholder).toBe(HASH);
  });

  it('never over the app’s own "@image-message": the app’s value is sent unchanged', async () => {
    const app = '{"@image-message":"the app’s own","k":1}';
    const { given, sdkMessage } = await send({ placeholder: HASH, cloudCustomData: app });
    expect(given?.cloudCustomData).toBe(app);
    const received = asReceived(sdkMessage);
    expect(received.cloudCustomData).toBe(app);
    expect(received.imageElem).not.toHaveProperty('placeholder');
  });

  it.each([
    ['plain text', 'order 42'],
    ['a JSON array', '[{"k":1}]'],
    ['a JSON string', '"{}"'],
    ['a JSON number', '42'],
    ['JSON null', 'null'],
    ['invalid JSON', '{"k":'],
    ['an object followed by text', '{"k":1} trailing'],
  ])('%s is left exactly as the app gave it, and the placeholder is not sent', async (_case, app) => {
    const { given, sent, sdkMessage } = await send({ placeholder: HASH, cloudCustomData: app });
    expect(given?.cloudCustomData).toBe(app);
    expect(sent?.cloudCustomData).toBe(app);
    const received = asReceived(sdkMessage);
    expect(received.cloudCustomData).toBe(app);
    expect(received.imageElem).not.toHaveProperty('placeholder');
  });

  it('a message without a placeholder passes the app’s value through, or sets none', async () => {
    expect((await send({ cloudCustomData: '{"k":1}' })).given?.cloudCustomData).toBe('{"k":1}');
    expect((await send({})).given).not.toHaveProperty('cloudCustomData');
  });

  it('a placeholder that is not a ThumbHash is not sent', async () => {
    const { given, sent } = await send({ placeholder: '<svg onload=alert(1)>', cloudCustomData: '{"k":1}' });
    expect(given?.cloudCustomData).toBe('{"k":1}');
    expect(sent?.cloudCustomData).toBe('{"k":1}');
    expect((await send({ placeholder: 'x'.repeat(4096) })).given).not.toHaveProperty('cloudCustomData');
  });

  it('a retry after a failure resends the same SDK message, placeholder and all', async () => {
    const s = setup();
    const created = await s.manager.createImageMessage({
      imagePath: '/photos/photo.jpg',
      fileContent: fixture('photo.jpg'),
      fileName: 'photo.jpg',
      placeholder: HASH,
    });
    const id = created.data?.id as string;
    const first = s.manager.sendMessage({ id, receiver: 'bob' });
    await new Promise((resolve) => setImmediate(resolve));
    s.double.upload(0).fail(2400, 'upload failed');
    expect((await first).code).not.toBe(ErrorCode.SUCC);
    s.double.respond = (upload) => upload.succeed();
    const retry = await s.manager.sendMessage({ id, receiver: 'bob' });
    expect(retry.code).toBe(ErrorCode.SUCC);
    expect(s.double.created).toHaveLength(1);
    expect(s.double.upload(1).method).toBe('resendMessage');
    expect(asReceived(s.double.upload(1).message).imageElem?.placeholder).toBe(HASH);
  });
});

describe('reading messages the SDK delivers', () => {
  function received(cloudCustomData: unknown): Message {
    const base = createChatDouble().message({
      to: 'bob',
      conversationType: CONV_C2C,
      payload: {},
    });
    return Object.assign(base, { flow: 'in', from: 'alice', status: 'success', cloudCustomData });
  }

  it('reads a placeholder another client wrote its own way, and leaves that text as it is', () => {
    const text = `{ "k": 1, "@image-message": { "placeholder": "${OTHER}", "v": 2 } }`;
    const v2 = toV2TimMessage(received(text));
    expect(v2.imageElem?.placeholder).toBe(OTHER);
    expect(v2.cloudCustomData).toBe(text);
  });

  it.each([
    ['not a string', 42],
    ['null', null],
    ['plain text naming the key', 'about "@image-message"'],
    ['invalid JSON with our entry', `{${OURS},`],
    ['an array', `[{${OURS}}]`],
    ['our key holding null', '{"@image-message":null}'],
    ['our key holding a string', '{"@image-message":"x"}'],
    ['a number as the placeholder', '{"@image-message":{"placeholder":42}}'],
    ['markup as the placeholder', '{"@image-message":{"placeholder":"<img src=x onerror=alert(1)>"}}'],
    ['10 KB as the placeholder', `{"@image-message":{"placeholder":"${'A'.repeat(10_000)}"}}`],
    ['a prototype trick', '{"__proto__":{"@image-message":{"placeholder":"1QcSHQRnh493V4dIh4eXh1h4kJUI"}}}'],
  ])('tolerates %s: no placeholder, the message still maps', (_case, value) => {
    const v2 = toV2TimMessage(received(value));
    expect(v2.imageElem?.imageList).toEqual([]);
    expect(v2.imageElem).not.toHaveProperty('placeholder');
    if (typeof value === 'string') expect(v2.cloudCustomData).toBe(value);
    else expect(v2).not.toHaveProperty('cloudCustomData');
  });
});

describe('addPlaceholder and readPlaceholder', () => {
  it('are inverse for every app value they write into', () => {
    for (const app of [
      undefined,
      '{"a":1}',
      '\n\t{"a":{"b":[1,{"c":"}"}]}}',
      '{"emoji":"😀","esc":"\\"{"}',
    ]) {
      const wire = addPlaceholder(app, HASH);
      expect(readPlaceholder(wire)).toEqual({
        placeholder: HASH,
        ...(app !== undefined && { cloudCustomData: app }),
      });
    }
  });

  it('treats an empty string as no value (the SDK’s default)', () => {
    expect(addPlaceholder('', HASH)).toBe(`{${OURS}}`);
    expect(readPlaceholder('')).toEqual({});
  });
});
