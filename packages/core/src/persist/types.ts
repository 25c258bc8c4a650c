import type { ConversationTarget } from '../manager/types';

/** Where a kept message stood when it was last saved. A sent message is never kept. */
export type StoredMessageStatus = 'created' | 'sending' | 'failed' | 'canceled';

/** One unsent message as a `MessageStore` keeps it: everything needed to show it and send it again. */
export interface StoredImageMessage {
  /** The message id: a resend after a reload keeps it, so the server stores the message once. */
  id: string;
  /**
   * The bytes that were validated (for a prepared photo, the prepared file's). Bytes rather than a Blob:
   * every IndexedDB stores them, including the ones tests run on (jsdom's Blobs do not survive cloning).
   */
  bytes: Uint8Array;
  /** From the bytes. */
  mimeType: string;
  /** Sanitized. */
  fileName: string;
  width: number;
  height: number;
  /** `imageElem.placeholder`, when the message has one. */
  placeholder?: string;
  /** The description (alt text) as typed (`SendState.description`), when there is one. */
  description?: string;
  /** The conversation it was drafted in, so that conversation's composer shows it again. */
  conversation?: ConversationTarget;
  status: StoredMessageStatus;
  /** The last failure (status `failed`). */
  error?: { code: number; desc: string };
  /** Where the upload can resume from (a tus upload URL), when the transport said. */
  resume?: string;
  /** When it was first saved (ms since the epoch); old entries expire. */
  savedAt: number;
}

/** The parts of a kept message that change while it waits to be sent. */
export type StoredMessageChanges = Partial<
  Pick<StoredImageMessage, 'status' | 'error' | 'resume' | 'conversation' | 'description'>
>;

/**
 * Keeps unsent messages across reloads for `createMessageManager({ store })`. `createIndexedDbStore`
 * (from `@image-message/core/persist`) is the browser's; anything with these four methods works (tests
 * use an in-memory one). A `save` that cannot keep a message rejects with an `ImageMessageError`
 * (`ErrorCode.STORAGE_FULL`): the message then lives in memory only, and the UI says so.
 *
 * Messages are the page's own while it holds them: a store shared by several tabs hands each entry to
 * one tab only (`load` and `save` claim it), so two tabs never send the same entry.
 */
export interface MessageStore {
  /** The kept messages this page may send, oldest first (expired ones are dropped). */
  load(): Promise<StoredImageMessage[]>;
  save(message: StoredImageMessage): Promise<void>;
  update(id: string, changes: StoredMessageChanges): Promise<void>;
  remove(id: string): Promise<void>;
}
