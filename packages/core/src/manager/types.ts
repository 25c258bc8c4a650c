import type { V2TimMessage } from '../types';

/** `createImageMessage`'s parameters, as in the seed. On the web `fileContent` and `fileName` are required. */
export interface CreateImageMessageParams {
  /** A local path or `blob:` URL; never a network URL (20001). */
  imagePath: string;
  fileContent?: Uint8Array;
  fileName?: string;
  /**
   * The file `fileContent` was read from (`fileToImageMessageParams` passes it). A transport may upload it
   * as the browser streams it from disk instead of copying the bytes (the HTTP transport does, on its
   * first attempt). Leave it out if you change `fileContent` after reading it.
   */
  file?: Blob;
}

/** `sendMessage`'s parameters, as in the SDK, plus `onProgress` and `signal`. */
export interface SendMessageParams {
  id: string;
  /** Alone: a one-to-one message. With `groupID`: a group message only this user sees. */
  receiver?: string;
  /** Alone: a group message. */
  groupID?: string;
  /** Integer percent 0–100, never decreasing; 100 arrives before a successful result. */
  onProgress?: (progress: number) => void;
  /** Aborting resolves the send with `ErrorCode.CANCELED`; the message can be sent again. */
  signal?: AbortSignal;
  priority?: number;
  cloudCustomData?: string;
  localCustomData?: string;
  onlineUserOnly?: boolean;
  isExcludedFromUnreadCount?: boolean;
  isExcludedFromLastMessage?: boolean;
  needReadReceipt?: boolean;
}

/** The SDK's advanced message listener; only the callback this library drives. */
export interface V2TimAdvancedMsgListener {
  onSendMessageProgress?(message: V2TimMessage, progress: number): void;
}
