import type { Message } from '@tencentcloud/chat';
import type { TencentChat, TencentImageInfo, TencentImagePayload, TencentMessageOptions } from '../../src';
import { MSG_IMAGE, MSG_PRIORITY } from '../../src/sdk/tencentSdk';

/**
 * The `@tencentcloud/chat` release this double was last reviewed against, the only place it is named.
 * sdkVersion.test.ts fails when the installed SDK differs: read the new release's index.d.ts and its
 * not-ready answers (tests/browser/tencentRealSdk.test.ts compares them with this double), fix what
 * changed here, then update this constant.
 */
export const REVIEWED_SDK_VERSION = '3.6.6';

/** The `tim-upload-plugin` release the real-SDK browser tests load; checked like the SDK's. */
export const REVIEWED_UPLOAD_PLUGIN_VERSION = '1.4.3';

/**
 * Rejections shaped like the SDK's own (`ni` in index.es.js): a plain `Error` (name "Error") with own
 * enumerable `code`, `message` and `data`, `data` being `{}` when there is nothing to carry. The SDK's
 * `sendMessage` failures after a login carry `data: { message }`.
 */
export class FakeChatError extends Error {
  readonly code: number;
  readonly data: { message?: Message };
  constructor(code: number, message = '', data: { message?: Message } = {}) {
    super();
    this.code = code;
    // Assigned, not passed to super(): an own enumerable property, as in the SDK.
    this.message = message;
    this.data = data;
  }
}

/** One `sendMessage`/`resendMessage` call the test settles by hand, as the SDK and the upload would. */
export interface FakeUpload {
  readonly method: 'sendMessage' | 'resendMessage';
  readonly message: Message;
  readonly options: unknown;
  /** Calls the `onProgress` the message was created with (the SDK keeps it per message). */
  progress(fraction: number): void;
  /** Settles like the SDK: status "success", server time, `payload.imageInfoArray`. */
  succeed(imageInfoArray?: TencentImageInfo[]): void;
  /** Settles like the SDK's `_onSendMessageFailed`: status "fail", rejects with the code. */
  fail(code: number, message?: string): void;
  readonly settled: boolean;
}

export interface ChatDouble {
  /** What the transport takes; its methods are the SDK's declared ones (see `TencentChat`). */
  readonly chat: TencentChat;
  /** Options of every `createImageMessage` call, in order. */
  readonly created: TencentMessageOptions[];
  /** Every `sendMessage`/`resendMessage` call, in order. */
  readonly uploads: FakeUpload[];
  /** `isReady()`. While false, every SDK call answers as the real facade does: see `notReadyReason`. */
  ready: boolean;
  /** `getLoginUser()`: '' until a login has succeeded. */
  loginUser: string;
  /**
   * The code the not-ready SDK rejects every call with. Unset: what the SDK has then — 2024 with no user,
   * 3000 (logging in) with one; set it for 3001–3006 (failed login, kicked out, logged out).
   */
  notReadyReason?: number;
  /** A message as `createImageMessage` makes it while ready, for tests of the mapping alone. */
  message(options: TencentMessageOptions): Message;
  /** Called for each new upload, e.g. to answer at once; by default uploads wait for the test. */
  respond?: (upload: FakeUpload) => void;
  /** The upload at `index` (negative counts from the end). */
  upload(index?: number): FakeUpload;
}

/** What the SDK's image-info step reports for a 4000×3000 upload, in its post-send order. */
export function imageInfoFor(url: string, width = 4000, height = 3000, size = 480): TencentImageInfo[] {
  const scale = (side: number) => {
    const shorter = Math.min(width, height);
    if (shorter <= side) return { width, height };
    return width <= height
      ? { width: side, height: Math.ceil((height * side) / width) }
      : { width: Math.ceil((width * side) / height), height: side };
  };
  return [
    { type: 0, url, width, height, size },
    { type: 1, url: `${url}?imageView2/3/w/198/h/198`, ...scale(198), size: 0 },
    { type: 2, url: `${url}?imageView2/3/w/720/h/720`, ...scale(720), size: 0 },
  ];
}

// Keys JavaScript and test tooling probe on any object (`await` looks for `then`); not SDK methods.
const PROBED_KEYS = new Set<PropertyKey>([
  'then',
  'toJSON',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'constructor',
]);

const notInDouble = new Proxy(
  {},
  {
    get(_target, key) {
      if (typeof key === 'symbol' || PROBED_KEYS.has(key)) return undefined;
      return () => {
        throw new Error(
          `ChatSDK.${String(key)} is not part of the test double; the transport should not call it.`,
        );
      };
    },
  },
);

let sequence = 0;

/**
 * A Tencent Cloud Chat instance for tests: ready and logged in as "alice" unless told otherwise, creating
 * messages shaped like the SDK's (`satisfies Message`) and holding every upload until the test settles it.
 * Not ready, it answers like the real SDK's facade (`wr` in index.es.js; compared with the real one in
 * tests/browser/tencentRealSdk.test.ts): every call returns a rejected Promise — never a throw, and from
 * `createImageMessage` instead of a message — and nothing is created or uploaded.
 */
export function createChatDouble(): ChatDouble {
  const created: TencentMessageOptions[] = [];
  const uploads: FakeUpload[] = [];
  const progressByMessage = new Map<Message, (fraction: number) => void>();

  function refuse(api: string): Promise<never> {
    const reason = double.notReadyReason ?? (double.loginUser === '' ? 2024 : 3000);
    // The SDK's text is "<reason> | <api> | <not ready>", both texts from an error table it downloads;
    // the double has no table, like the SDK offline.
    return Promise.reject(new FakeChatError(reason, ` | ${api} | `));
  }

  function makeMessage(options: TencentMessageOptions): Message {
    sequence++;
    // The `.d.ts` types `payload` as `any`; this is the image payload the SDK's code sets.
    const imageInfoArray: TencentImageInfo[] = [];
    const payload: TencentImagePayload = { uuid: `uuid-${sequence}`, imageFormat: 255, imageInfoArray };
    const message = {
      ID: `144115-${sequence}`,
      type: MSG_IMAGE,
      payload,
      conversationID: `${options.conversationType}${options.to}`,
      conversationType: options.conversationType,
      to: options.to,
      from: double.loginUser,
      flow: 'out',
      time: Math.floor(Date.now() / 1000),
      status: 'unSend',
      isRevoked: false,
      priority: options.priority ?? MSG_PRIORITY.NORMAL,
      nick: 'Alice',
      avatar: 'https://avatar.example/alice.png',
      isPeerRead: false,
      nameCard: '',
      atUserList: [],
      cloudCustomData: options.cloudCustomData ?? '',
      isDeleted: false,
      isModified: false,
      needReadReceipt: options.needReadReceipt === true,
      readReceiptInfo: {},
      isBroadcastMessage: false,
      isSupportExtension: false,
      revoker: '',
      revokerInfo: { userID: '', nick: '', avatar: '' },
      revokeReason: '',
      sequence: 0,
      hasRiskContent: false,
      random: 4242 + sequence,
    } satisfies Message & { random: number };
    return message;
  }

  function startUpload(method: FakeUpload['method'], message: Message, options: unknown): Promise<unknown> {
    if (!double.ready) return refuse(method);
    return new Promise((resolve, reject) => {
      let settled = false;
      const index = uploads.length;
      const upload: FakeUpload = {
        method,
        message,
        options,
        get settled() {
          return settled;
        },
        progress(fraction) {
          progressByMessage.get(message)?.(fraction);
        },
        succeed(imageInfoArray = imageInfoFor(`https://cos.example/${message.ID}.jpg`)) {
          settled = true;
          message.status = 'success';
          message.time = 1_700_000_000 + index;
          message.sequence = 100 + index;
          message.payload.imageInfoArray = imageInfoArray;
          resolve({ code: 0, data: { message } });
        },
        fail(code, text = '') {
          settled = true;
          message.status = 'fail';
          reject(new FakeChatError(code, text, { message }));
        },
      };
      uploads.push(upload);
      double.respond?.(upload);
    });
  }

  const implemented = {
    isReady: () => double.ready,
    getLoginUser: () => double.loginUser,
    createImageMessage(options) {
      if (!double.ready) return refuse('createImageMessage');
      created.push(options);
      const message = makeMessage(options);
      const onProgress = options.onProgress;
      if (typeof onProgress === 'function')
        progressByMessage.set(message, (fraction) => onProgress(fraction));
      return message;
    },
    sendMessage: (message, options) => startUpload('sendMessage', message, options),
    resendMessage: (message, options) => startUpload('resendMessage', message, options),
  } satisfies TencentChat;

  // Every other ChatSDK method throws, so a transport that starts relying on one fails loudly here too.
  Object.setPrototypeOf(implemented, notInDouble);

  const double: ChatDouble = {
    chat: implemented,
    created,
    uploads,
    ready: true,
    loginUser: 'alice',
    message: makeMessage,
    upload(index = -1) {
      const upload = uploads.at(index);
      if (!upload) throw new Error(`No upload at ${index}; there are ${uploads.length}.`);
      return upload;
    },
  };
  return double;
}
