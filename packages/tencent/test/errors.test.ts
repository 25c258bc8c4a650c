import { ErrorCode, ImageMessageError, MessageStatus } from '@image-message/core';
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { TencentErrorCode } from '../src';
import { toImageMessageError } from '../src/errors/toImageMessageError';
import { FakeChatError } from './support/chatDouble';
import { flush, setup } from './support/setup';

const context = { maxBytes: 20 * 1024 * 1024 };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('SDK rejections keep their code and get a desc a person can act on', () => {
  it.each([
    [2024, /not logged in.*chat\.login/i],
    [2040, /tim-upload-plugin/],
    [2108, /empty/i],
    [2252, /JPG, PNG, GIF, BMP and WebP/],
    [2253, /smaller than 20 MB/],
    [2400, /upload .*failed.*try again/i],
    [2801, /timed out/i],
    [2999, /not ready.*SDK_READY/i],
    [3004, /userSig has expired/],
    [6014, /not logged in/i],
    [10017, /muted in this group/i],
    [20007, /blocked you/i],
    [80001, /content moderation/i],
  ])('%i, through the manager: result code %i, status 3, a readable desc', async (code, desc) => {
    const s = setup();
    const id = await s.create();
    const sending = s.manager.sendMessage({ id, receiver: 'bob' });
    await flush();
    // The SDK's own text comes from an error table it downloads, so it may well be empty.
    s.double.upload().fail(code, '');
    const result = await sending;

    expect(result.code).toBe(code);
    expect(result.desc).toMatch(desc);
    expect(result.desc).toContain(`error ${code}`);
    expect(result.data?.status).toBe(MessageStatus.SEND_FAIL);
    expect(s.manager.getSendState(id)?.error).toEqual({ code, desc: result.desc });
  });

  it("an unknown code is kept, quoting the SDK's message", () => {
    const error = toImageMessageError(new FakeChatError(12345, 'something odd'), context);
    expect(error).toBeInstanceOf(ImageMessageError);
    expect(error.code).toBe(12345);
    expect(error.desc).toContain('error 12345: something odd');
  });

  it('keeps the original rejection as the cause', () => {
    const original = new FakeChatError(20007, 'blocked');
    expect(toImageMessageError(original, context).cause).toBe(original);
  });
});

describe("failures without an SDK code get core's transport codes", () => {
  it('a plain error → UPLOAD_FAILED (6008)', () => {
    expect(toImageMessageError(new TypeError('Failed to fetch'), context)).toMatchObject({
      code: ErrorCode.UPLOAD_FAILED,
      desc: expect.stringContaining('Failed to fetch'),
    });
    expect(toImageMessageError('weird', context).code).toBe(ErrorCode.UPLOAD_FAILED);
  });

  it('a timeout → REQUEST_TIMEOUT (6012)', () => {
    const timeout = new DOMException('signal timed out', 'TimeoutError');
    expect(toImageMessageError(timeout, context).code).toBe(ErrorCode.REQUEST_TIMEOUT);
  });

  it('while the browser is offline → NETWORK_DISCONNECT (9508)', () => {
    vi.stubGlobal('navigator', { onLine: false });
    expect(toImageMessageError(new Error('xhr error'), context).code).toBe(ErrorCode.NETWORK_DISCONNECT);
  });
});

describe('not ready, not logged in, plugin missing: clear errors, nothing created', () => {
  it('not logged in → 2024, telling the app to log in; the SDK is not called', async () => {
    const s = setup();
    s.double.ready = false;
    s.double.loginUser = '';
    const result = await s.manager.sendMessage({ id: await s.create(), receiver: 'bob' });

    expect(result.code).toBe(TencentErrorCode.USER_NOT_LOGGED_IN);
    expect(result.desc).toMatch(/not logged in.*chat\.login\(\{ userID, userSig \}\).*SDK_READY/);
    expect(s.double.created).toHaveLength(0);
    expect(s.double.uploads).toHaveLength(0);
  });

  it('logged in but not ready yet → 3000 (still logging in), telling the app to wait for SDK_READY', async () => {
    const s = setup();
    s.double.ready = false;
    const result = await s.manager.sendMessage({ id: await s.create(), receiver: 'bob' });

    expect(result.code).toBe(TencentErrorCode.LOGGING_IN);
    expect(result.desc).toMatch(/still logging in.*SDK_READY/);
    expect(s.double.created).toHaveLength(0);
  });

  it('becomes sendable once the SDK is ready: the same id goes through', async () => {
    const s = setup();
    s.double.ready = false;
    const id = await s.create();
    expect((await s.manager.sendMessage({ id, receiver: 'bob' })).code).toBe(3000);
    s.double.ready = true;
    s.double.respond = (upload) => upload.succeed();
    expect((await s.manager.sendMessage({ id, receiver: 'bob' })).code).toBe(ErrorCode.SUCC);
    expect(s.double.created).toHaveLength(1);
  });

  it("the SDK's own not-ready rejection from createImageMessage keeps its reason code", async () => {
    const s = setup();
    s.double.ready = false;
    s.double.loginUser = '';
    s.double.notReadyReason = TencentErrorCode.LOGGED_OUT;
    // The state changes between the transport's readiness check and its call: isReady() says true once.
    let readyOnce = true;
    s.double.chat.isReady = () => {
      const ready = readyOnce;
      readyOnce = false;
      return ready;
    };
    const result = await s.manager.sendMessage({ id: await s.create(), receiver: 'bob' });

    expect(result.code).toBe(TencentErrorCode.LOGGED_OUT);
    expect(result.desc).toMatch(/logged out.*Log in again/);
    expect(result.data?.status).toBe(MessageStatus.SEND_FAIL);
    expect(s.double.created).toHaveLength(0);
    expect(s.double.uploads).toHaveLength(0);
  });

  it('createImageMessage refusing its options (it throws) → INVALID_PARAMETERS (6017)', async () => {
    const s = setup();
    s.double.chat.createImageMessage = () => {
      throw new Error('Params validate failed.');
    };
    const result = await s.manager.sendMessage({ id: await s.create(), receiver: 'bob' });

    expect(result.code).toBe(ErrorCode.INVALID_PARAMETERS);
    expect(result.desc).toContain('Params validate failed.');
  });

  it('tim-upload-plugin not registered → 2040, saying how to register it', async () => {
    const s = setup();
    // What the SDK does in uploadByCOS when no upload method was set up at login.
    s.double.respond = (upload) => upload.fail(TencentErrorCode.COS_UNDETECTED);
    const result = await s.manager.sendMessage({ id: await s.create(), receiver: 'bob' });

    expect(result.code).toBe(2040);
    expect(result.desc).toContain("chat.registerPlugin({ 'tim-upload-plugin': TIMUploadPlugin })");
    expect(result.desc).toMatch(/before chat\.login\(\)/);
  });
});

describe('TencentErrorCode', () => {
  it("is core's ErrorCode under the SDK's names: no number spelled twice", () => {
    for (const [name, code] of Object.entries(TencentErrorCode)) {
      const coreName = name === 'MSG_I_TYPES_LIMIT' ? 'IMAGE_TYPE_LIMIT' : name;
      expect(ErrorCode[coreName as keyof typeof ErrorCode], name).toBe(code);
    }
    expect(Object.keys(TencentErrorCode)).toHaveLength(40);
    expectTypeOf(TencentErrorCode.COS_UNDETECTED).toEqualTypeOf<2040>();
    expectTypeOf(TencentErrorCode.MSG_I_TYPES_LIMIT).toEqualTypeOf<2252>();
  });
});
