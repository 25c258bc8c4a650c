import type { ChatSDK, Message } from '@tencentcloud/chat';
import type { TencentImageInfo, TencentMessageOptions } from '../../src';

/** The methods of the real `ChatSDK` this double implements; their signatures are checked against it. */
type Implemented = Pick<
  ChatSDK,
  'isReady' | 'getLoginUser' | 'createImageMessage' | 'sendMessage' | 'resendMessage'
>;

/** Rejections shaped like the SDK's own (`ni` in index.es.js): an Error with `code`, `message`, `data`. */
export class FakeChatError extends Error {
  readonly code: number;
  readonly data: { message?: Message };
  constructor(code: number, message = '', data: { message?: Message } = {}) {
    super(message);
    this.code = code;
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
  /** Typed as the real SDK: every method this package calls is checked against `@tencentcloud/chat`. */
  readonly chat: ChatSDK;
  /** Options of every `createImageMessage` call, in order. */
  readonly created: TencentMessageOptions[];
  /** Every `sendMessage`/`resendMessage` call, in order. */
  readonly uploads: FakeUpload[];
  ready: boolean;
  loginUser: string;
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
 */
export function createChatDouble(): ChatDouble {
  const created: TencentMessageOptions[] = [];
  const uploads: FakeUpload[] = [];
  const progressByMessage = new Map<Message, (fraction: number) => void>();

  function startUpload(method: FakeUpload['method'], message: Message, options: unknown): Promise<unknown> {
    // The real facade rejects with the reason it is not ready (2024 until a login succeeds).
    if (!double.ready)
      return Promise.reject(new FakeChatError(2024, 'user not logged in | SDK is not ready'));
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
      created.push(options);
      sequence++;
      const message = {
        ID: `144115-${sequence}`,
        type: 'TIMImageElem' as Message['type'],
        payload: { uuid: `uuid-${sequence}`, imageFormat: 255, imageInfoArray: [] as TencentImageInfo[] },
        conversationID: `${options.conversationType}${options.to}`,
        conversationType: options.conversationType,
        to: options.to,
        from: double.loginUser,
        flow: 'out',
        time: Math.floor(Date.now() / 1000),
        status: 'unSend',
        isRevoked: false,
        priority: options.priority ?? ('Normal' as Message['priority']),
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
      const onProgress = options.onProgress;
      if (typeof onProgress === 'function')
        progressByMessage.set(message, (fraction) => onProgress(fraction));
      return message;
    },
    sendMessage: (message, options) => startUpload('sendMessage', message, options),
    resendMessage: (message, options) => startUpload('resendMessage', message, options),
  } satisfies Implemented;

  // Every other ChatSDK method throws, so a transport that starts relying on one fails loudly here; that
  // is also why this one cast from the implemented part to the whole ChatSDK is sound for these tests.
  Object.setPrototypeOf(implemented, notInDouble);

  const double: ChatDouble = {
    chat: implemented as Implemented as ChatSDK,
    created,
    uploads,
    ready: true,
    loginUser: 'alice',
    upload(index = -1) {
      const upload = uploads.at(index);
      if (!upload) throw new Error(`No upload at ${index}; there are ${uploads.length}.`);
      return upload;
    },
  };
  return double;
}
