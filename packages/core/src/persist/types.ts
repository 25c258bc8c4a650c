import type { ConversationTarget } from '../manager/types';

/** Where a kept message stood when it was last saved. A sent message is never kept. */
export type StoredMessageStatus = 'created' | 'sending' | 'failed' | 'canceled';

/** One unsent message as a `MessageStore` keeps it: everything needed to show it and send it again. */
export interface StoredImageMessage {
  /** The message id: a resend after a reload keeps it, so the server stores the message once. */
  id: string;
  /**
   * The image as a Blob (the user's file, or what preparing made of it): kept as it is where the engine
   * stores Blobs (Chromium, Firefox), so neither saving nor restoring reads the photo.
   */
  file?: Blob;
  /**
   * The image's bytes: a message created from bytes, or a Blob the engine would not store (WebKit under
   * automation, jsdom's fake IndexedDB) read into bytes. One of `file` and `bytes` is set.
   */
  bytes?: Uint8Array;
  /** From the image's header. */
  mimeType: string;
  /** Sanitized. */
  fileName: string;
  /** As read from the header when the message was created (a restore checks the header again). */
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
