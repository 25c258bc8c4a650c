import type { V2TimImage, V2TimMessage } from '../types';
import type { UploadUrlStore } from './tus/uploadUrlStore';

/** Everything a transport needs to upload one image and deliver it as a message. */
export interface ImageSendRequest {
  /**
   * The message id from `createImageMessage`. It is the idempotency key: sending the same id again (a
   * retry) must not create a second message on the server.
   */
  id: string;
  /**
   * The image as a Blob: the user's `File`, a Blob of its slices (metadata stripped) or the encoder's
   * output. Upload this when it is given: the browser streams it from disk, and no copy of the photo
   * is ever held in JS memory. The manager gives it whenever it has one (always, for the hook and the
   * composer).
   */
  file?: Blob;
  /**
   * The image's bytes, when the message was created from them (`createImageMessage({ fileContent })`,
   * the SDK's shape). At least one of `file` and `bytes` is set; when both are, they hold the same bytes
   * and `bytes` are what was validated (upload them if the file can no longer be read).
   */
  bytes?: Uint8Array;
  /** Sanitized; safe to show and to store. */
  fileName: string;
  /** From the bytes, never from the name. */
  mimeType: string;
  width: number;
  height: number;
  /** `imageElem.placeholder` (a ThumbHash, base64): a transport stores it with the message and returns it. */
  placeholder?: string;
  /**
   * `imageElem.description` (alt text), cleaned and within `DESCRIPTION_MAX_LENGTH` (`checkDescription`):
   * a transport stores it with the message and returns it.
   */
  description?: string;
  /** Set alone: one-to-one. With `groupID`: a targeted group message only this user sees. */
  receiver?: string;
  /** Set alone: a group message. */
  groupID?: string;
  priority?: number;
  cloudCustomData?: string;
  onlineUserOnly?: boolean;
  isExcludedFromUnreadCount?: boolean;
  isExcludedFromLastMessage?: boolean;
  needReadReceipt?: boolean;
}

export interface ImageSendOptions {
  /**
   * Fires when the caller cancels. The transport must stop uploading and reject with an `AbortError`
   * (see `createAbortError`) — promptly, and without reporting success afterwards.
   */
  signal: AbortSignal;
  /** Bytes sent so far of `total`. May be called often; the manager turns it into integer percents. */
  onProgress(loaded: number, total: number): void;
  /**
   * Where the manager keeps each message's unfinished resumable upload URL (with the message, so a store
   * keeps it across reloads). A transport that resumes uploads uses it unless it was given its own.
   */
  uploadUrls?: UploadUrlStore;
}

/**
 * What to upload for `request`: its Blob when it has one (streamed from disk), else its bytes.
 *
 * @example xhr.send(imageBody(request));
 */
export function imageBody(request: Pick<ImageSendRequest, 'file' | 'bytes'>): Blob | Uint8Array {
  const body = request.file ?? request.bytes;
  if (!body) throw new TypeError('An ImageSendRequest needs its file or its bytes.');
  return body;
}

/** The image's size in bytes. */
export function imageSize(request: Pick<ImageSendRequest, 'file' | 'bytes'>): number {
  const body = imageBody(request);
  return ArrayBuffer.isView(body) ? body.byteLength : body.size;
}

/** What the service says about the delivered message. */
export interface ImageSendResult {
  msgID: string;
  /** Seconds since the epoch. */
  timestamp: number;
  sender: string;
  /** ORIGIN first; THUMB and LARGE when the service makes them. ORIGIN's `url` serves the uploaded bytes. */
  imageList: V2TimImage[];
  /** Any other fields the service returns (nickName, seq…) are merged into the message. */
  extra?: Partial<V2TimMessage>;
}

/**
 * How messages leave the app. Implementations: `createMemoryTransport` (tests, stories),
 * `createHttpTransport` (the reference server), `createTencentChatTransport` (`@image-message/tencent`).
 *
 * Contract:
 * - `send` resolves with the delivered message, or rejects with an `ImageMessageError` carrying an SDK
 *   code (6008 upload failed, 9508 network, 6012 timeout, or the service's own), or with an `AbortError`
 *   once `signal` fires. Any other rejection is reported as 6008.
 * - `send` is idempotent per `request.id`.
 * - `onProgress` is only called while the send is pending.
 *
 * @example
 * const transport: ImageTransport = {
 *   maxBytes: 10 * 1024 * 1024,
 *   async send(request, { signal, onProgress }) { … return { msgID, timestamp, sender, imageList }; },
 * };
 */
export interface ImageTransport {
  /** The service's own size limit, when lower than 28 MiB; the composer names it in its error text. */
  readonly maxBytes?: number;
  /**
   * Who sends, when the transport knows (the signed-in user): the manager fills the optimistic message's
   * `sender` with it, so a renderer can place one's own message before the server answers.
   */
  readonly sender?: () => string | undefined;
  send(request: ImageSendRequest, options: ImageSendOptions): Promise<ImageSendResult>;
}
