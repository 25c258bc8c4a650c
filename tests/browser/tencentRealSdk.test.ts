import { createMessageManager, fileToImageMessageParams, MessageStatus } from '@image-message/core';
import { createTencentChatTransport, type TencentChat, TencentErrorCode } from '@image-message/tencent';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createChatDouble, REVIEWED_SDK_VERSION } from '../../packages/tencent/test/support/chatDouble';
import { outsideHostsInResourceTiming } from '../../packages/tencent/test/support/offlineNetwork';
import { loadRealSdk, type RealChat, type RealSdk } from '../../packages/tencent/test/support/realSdk';
import photoUrl from '../fixtures/images/photo.jpg?url';

// The real @tencentcloud/chat (the locked version, its ES build) and tim-upload-plugin, in the browser,
// with no network: nothing here can log in (that needs Tencent's servers and a userSig; the credentialed
// Storybook story covers it), so what is checked is everything the SDK answers before a login — through
// our transport, and against the double the node tests use (packages/tencent/test/support/chatDouble.ts).

let sdk: RealSdk;
const chats: RealChat[] = [];
// `create` hands back the same instance for the same SDKAppID: one per test keeps their states apart.
let nextAppID = 1_400_000_001;

beforeAll(async () => {
  sdk = await loadRealSdk();
});

afterAll(async () => {
  // Not logged in, destroy() rejects (2024: its logout has nobody to log out) but stops the SDK's timers.
  await Promise.allSettled(chats.map((chat) => chat.destroy()));
  sdk.network.restore();
});

function createChat(): RealChat {
  const chat = sdk.TencentCloudChat.create({ SDKAppID: nextAppID++ });
  // Its own log would flood the output with the offline socket's retries; the tests read its answers.
  chat.setLogLevel(4);
  chat.registerPlugin({ 'tim-upload-plugin': sdk.TIMUploadPlugin });
  chats.push(chat);
  return chat;
}

/** The real chat, except that `isReady()` says true the first time: the state changes after the check. */
function readyOnce(chat: RealChat): RealChat {
  let first = true;
  return new Proxy(chat, {
    get(target, key) {
      if (key === 'isReady') {
        return () => {
          const ready = first || target.isReady();
          first = false;
          return ready;
        };
      }
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Counts the real SDK's calls that would create or upload something. */
function watchCalls(chat: RealChat) {
  return {
    create: vi.spyOn(chat, 'createImageMessage'),
    send: vi.spyOn(chat, 'sendMessage'),
    resend: vi.spyOn(chat, 'resendMessage'),
  };
}

async function photo(): Promise<File> {
  const bytes = await (await fetch(photoUrl)).arrayBuffer();
  return new File([bytes], 'photo.jpg', { type: 'image/jpeg' });
}

/** Core's manager over our transport over `chat`, with one image message created in it. */
async function sendOnce(chat: TencentChat) {
  const manager = createMessageManager({ transport: createTencentChatTransport(chat) });
  const created = await manager.createImageMessage(await fileToImageMessageParams(await photo()));
  if (!created.data) throw new Error(created.desc);
  const id = created.data.id;
  return { manager, id, result: await manager.sendMessage({ id, receiver: 'bob' }) };
}

const SAYS_LOG_IN = /not logged in.*chat\.login\(\{ userID, userSig \}\).*SDK_READY/;

// Hang guard, not a timing goal: every answer here is local and comes at once.
describe('@tencentcloud/chat itself, offline and not logged in', { timeout: 20_000 }, () => {
  it('loads offline as the reviewed version; create() works, isReady() is false, calls reject', async () => {
    expect(Reflect.get(sdk.TencentCloudChat, 'VERSION')).toBe(REVIEWED_SDK_VERSION);
    const chat = createChat();
    expect(chat.isReady()).toBe(false);
    expect(chat.getLoginUser()).toBe('');

    const created: unknown = chat.createImageMessage({
      to: 'bob',
      conversationType: sdk.TencentCloudChat.TYPES.CONV_C2C,
      payload: { file: await photo() },
    });
    // Not the Message its declaration promises: a Promise, rejected with the reason it is not ready.
    expect(created).toBeInstanceOf(Promise);
    await expect(created).rejects.toMatchObject({
      code: 2024,
      message: ' | createImageMessage | ',
      data: {},
    });
  });

  it('our transport refuses a send with 2024 and a text that says to log in, before creating or uploading', async () => {
    const chat = createChat();
    const calls = watchCalls(chat);
    const { manager, id, result } = await sendOnce(chat);

    expect(result.code).toBe(TencentErrorCode.USER_NOT_LOGGED_IN);
    expect(result.desc).toMatch(SAYS_LOG_IN);
    expect(result.desc).toContain('error 2024');
    expect(result.data?.status).toBe(MessageStatus.SEND_FAIL);
    expect(manager.getSendState(id)?.error).toEqual({ code: 2024, desc: result.desc });
    expect(calls.create).not.toHaveBeenCalled();
    expect(calls.send).not.toHaveBeenCalled();
    expect(calls.resend).not.toHaveBeenCalled();
  });

  it("past the readiness check, the SDK's own rejected createImageMessage (2024) gets the same answer", async () => {
    const chat = createChat();
    const calls = watchCalls(chat);
    const refused = await sendOnce(chat);
    const { result } = await sendOnce(readyOnce(chat));

    // The SDK was asked this time, and its rejection — not the check — gave the answer.
    expect(calls.create).toHaveBeenCalledTimes(1);
    await expect(calls.create.mock.results[0]?.value).rejects.toMatchObject({ code: 2024 });
    expect(result.code).toBe(TencentErrorCode.USER_NOT_LOGGED_IN);
    expect(result.desc).toBe(refused.result.desc);
    expect(result.data?.status).toBe(MessageStatus.SEND_FAIL);
    expect(calls.send).not.toHaveBeenCalled();
  });

  it("the SDK's own rejected sendMessage and resendMessage (2024, data {}) fail the send the same way", async () => {
    // The SDK stops being ready after the message is made. It cannot make one offline, so the double
    // makes it (typed as the SDK's Message); the real SDK is asked to send it, and to send it again.
    const chat = createChat();
    const calls = watchCalls(chat);
    const double = createChatDouble();
    const stillReady: TencentChat = {
      isReady: () => true,
      getLoginUser: () => chat.getLoginUser(),
      createImageMessage: (options) => double.message(options),
      sendMessage: (message, options) => chat.sendMessage(message, options),
      resendMessage: (message, options) => chat.resendMessage(message, options),
    };
    const { manager, id, result } = await sendOnce(stillReady);

    expect(calls.send).toHaveBeenCalledTimes(1);
    await expect(calls.send.mock.results[0]?.value).rejects.toMatchObject({
      code: 2024,
      message: ' | sendMessage | ',
      data: {},
    });
    expect(result.code).toBe(TencentErrorCode.USER_NOT_LOGGED_IN);
    expect(result.desc).toMatch(SAYS_LOG_IN);
    expect(result.data?.status).toBe(MessageStatus.SEND_FAIL);

    const retried = await manager.sendMessage({ id, receiver: 'bob' });
    expect(calls.resend).toHaveBeenCalledTimes(1);
    expect(calls.send).toHaveBeenCalledTimes(1);
    expect(retried.code).toBe(TencentErrorCode.USER_NOT_LOGGED_IN);
    expect(retried.data?.status).toBe(MessageStatus.SEND_FAIL);
  });

  it('while a login is under way (offline it never ends): the SDK says 3000, our check 2024 with "wait for SDK_READY"', async () => {
    const chat = createChat();
    // Not awaited: with no server it neither resolves nor rejects. Nothing below waits for it.
    chat.login({ userID: 'alice', userSig: 'not-a-real-user-sig' }).catch(() => {});
    expect(chat.isReady()).toBe(false);
    expect(chat.getLoginUser()).toBe('');
    const calls = watchCalls(chat);

    const checked = await sendOnce(chat);
    expect(checked.result.code).toBe(TencentErrorCode.USER_NOT_LOGGED_IN);
    expect(checked.result.desc).toMatch(/login has not finished.*SDK_READY/);
    expect(calls.create).not.toHaveBeenCalled();

    const { result } = await sendOnce(readyOnce(chat));
    expect(result.code).toBe(TencentErrorCode.LOGGING_IN);
    expect(result.desc).toMatch(/still logging in.*SDK_READY/);
    expect(calls.send).not.toHaveBeenCalled();
  });

  it('reached nothing past this machine: what the SDK tried was kept local', async () => {
    createChat();
    // Its socket ran in the page (not in a Worker), where the guard sees it.
    await expect
      .poll(() => sdk.network.keptLocal.map(({ kind, url }) => `${kind} ${new URL(url).host}`))
      .toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^websocket .*my-imcloud\.com$/),
          // The table its error texts come from: hence the empty texts offline.
          'xhr web.sdk.qcloud.com',
        ]),
      );
    expect(outsideHostsInResourceTiming()).toEqual([]);
  });
});

/** How a call answered, as far as a caller can tell. */
async function answerOf(call: () => unknown) {
  let value: unknown;
  try {
    value = call();
  } catch (error) {
    return { threw: describeError(error) };
  }
  if (!(value instanceof Promise)) return { returned: typeof value };
  try {
    await value;
    return { resolved: true };
  } catch (error) {
    return { rejected: describeError(error) };
  }
}

function describeError(error: unknown) {
  if (!(error instanceof Error)) return { notAnError: String(error) };
  const [code, data] = [Reflect.get(error, 'code'), Reflect.get(error, 'data')];
  return { name: error.name, ownKeys: Object.keys(error).sort(), code, message: error.message, data };
}

describe('the double answers like the real SDK while not ready', { timeout: 20_000 }, () => {
  it.each([
    ['no user logged in', 2024],
    ['a login under way', 3000],
  ])('%s: createImageMessage, sendMessage and resendMessage', async (state, reason) => {
    const chat = createChat();
    if (reason === 3000) chat.login({ userID: 'alice', userSig: 'not-a-real-user-sig' }).catch(() => {});
    const double = createChatDouble();
    double.ready = false;
    double.loginUser = chat.getLoginUser().toString();
    // The double's own default for a login under way is 2024 (no user yet); it is told the SDK's reason.
    if (reason === 3000) double.notReadyReason = reason;
    expect(double.chat.isReady()).toBe(chat.isReady());

    const file = await photo();
    const options = { to: 'bob', conversationType: sdk.TencentCloudChat.TYPES.CONV_C2C, payload: { file } };
    const message = createChatDouble().message(options);
    const real = {
      create: await answerOf(() => chat.createImageMessage(options)),
      send: await answerOf(() => chat.sendMessage(message)),
      resend: await answerOf(() => chat.resendMessage(message)),
    };
    const doubled = {
      create: await answerOf(() => double.chat.createImageMessage(options)),
      send: await answerOf(() => double.chat.sendMessage(message)),
      resend: await answerOf(() => double.chat.resendMessage(message)),
    };

    expect(doubled, state).toEqual(real);
    expect(real.create).toEqual({
      rejected: {
        name: 'Error',
        ownKeys: ['code', 'data', 'message'],
        code: reason,
        message: ' | createImageMessage | ',
        data: {},
      },
    });
    expect(double.created).toHaveLength(0);
    expect(double.uploads).toHaveLength(0);
  });
});
