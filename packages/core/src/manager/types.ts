import type { V2TimMessage } from '../types';

/**
 * `createImageMessage`'s parameters, as in the seed. On the web `fileName` is required, with the image as
 * `fileContent` (its bytes, the SDK's shape) or as `file` alone (the library's extension).
 */
export interface CreateImageMessageParams {
  /** A local path or `blob:` URL; never a network URL (20001). */
  imagePath: string;
  fileContent?: Uint8Array;
  fileName?: string;
  /**
   * The image as a `Blob` (a `File`). Alone, without `fileContent`, it is the image: only its header is
   * read (≤ 128 KiB, to validate and measure it), and it is kept and uploaded as it is, so the photo is
   * never copied into JS memory (the hook and the composer create messages this way). Beside
   * `fileContent`, it is the file those bytes were read from (`fileToImageMessageParams` passes it): a
   * transport uploads it as the browser streams it from disk, and the bytes after a failure. Leave it out
   * then if you change `fileContent` after reading it.
   */
  file?: Blob;
  /**
   * The library's additions, for drafts: an id reserved earlier with `createMessageId()` (a draft shown
   * while its photo was prepared keeps its id; must not be in use), the conversation the draft was made
   * in (kept with it, so a composer finds its drafts again after a reload), and a ThumbHash placeholder
   * that travels with the message as `imageElem.placeholder`.
   */
  id?: string;
  conversation?: ConversationTarget;
  placeholder?: string;
  /**
   * The image's description (alt text), as the person typed it; it travels cleaned as
   * `imageElem.description` (see `setDescription`). One too long does not stop the message being created:
   * its send waits, answering `ErrorCode.DESCRIPTION_TOO_LONG`, until the description is shortened.
   */
  description?: string;
}

/** Where a message goes: `receiver` alone (one-to-one), `groupID` alone, or both (one member of a group). */
export interface ConversationTarget {
  receiver?: string;
  groupID?: string;
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
