import type { Db } from './openDatabase';

/** One stored image of a message: ORIGIN (0), THUMB (1) or LARGE (2). */
export interface ImageRecord {
  type: number;
  /** `pending` while a variant is being made in the background. */
  state: 'pending' | 'ready';
  /** File name under `images/`; a variant that reuses the original names the original's file. */
  file: string;
  mimeType: string;
  width: number;
  height: number;
  /** Unknown (undefined) while pending. */
  size?: number;
}

/** A stored message, as the server knows it (the per-viewer JSON is made by `toV2TimMessage`). */
export interface MessageRecord {
  seq: number;
  /** The client's id, the idempotency key. */
  id: string;
  msgID: string;
  sender: string;
  /** C2C peer, or the only receiver of a targeted group message. */
  receiver?: string;
  groupID?: string;
  conversationKey: string;
  /** Seconds since the epoch. */
  timestamp: number;
  fileName: string;
  cloudCustomData?: string;
  /** `imageElem.placeholder` (ThumbHash, base64), when the sender gave a valid one. */
  placeholder?: string;
  /** `imageElem.description` (alt text), cleaned, when the sender gave one. */
  description?: string;
  priority?: number;
  /** Ordered by type: ORIGIN, THUMB, LARGE. */
  images: ImageRecord[];
}

export type NewMessage = Omit<MessageRecord, 'seq'>;

export interface MessageStore {
  /**
   * Inserts the message and its images in one transaction. Returns the stored record, or `undefined`
   * when a message with this id already exists (the caller then answers with the existing one).
   */
  insert(message: NewMessage): MessageRecord | undefined;
  findById(id: string): MessageRecord | undefined;
  /** A conversation's messages that `viewer` may see, oldest first. See `listConversation`'s notes. */
  listConversation(query: ConversationQuery): MessageRecord[];
  /** Messages `viewer` may see with `seq > afterSeq`, oldest first (replay for event streams). */
  listVisibleAfter(viewer: string, afterSeq: number, limit: number): MessageRecord[];
  /** Ids of messages with at least one variant still pending. */
  listPendingVariantMessages(): string[];
  markVariantReady(messageId: string, image: Omit<ImageRecord, 'state'>): void;
  /** Every file name referenced by any message (for removing orphans at start). */
  listFiles(): Set<string>;
}

export interface ConversationQuery {
  conversationKey: string;
  viewer: string;
  /** Only messages after this seq (oldest first); without it, the newest `limit` ones. */
  afterSeq?: number;
  /** With no `afterSeq`: the newest `limit` messages before this seq (paging back in history). */
  beforeSeq?: number;
  limit: number;
}

interface MessageRow {
  seq: number;
  id: string;
  msg_id: string;
  sender: string;
  receiver: string | null;
  group_id: string | null;
  conversation_key: string;
  timestamp: number;
  file_name: string;
  cloud_custom_data: string | null;
  placeholder: string | null;
  description: string | null;
  priority: number | null;
}

interface ImageRow {
  message_id: string;
  type: number;
  state: 'pending' | 'ready';
  file: string;
  mime_type: string;
  width: number;
  height: number;
  size: number | null;
}

// Targeted group messages (receiver set) are visible to their sender and receiver only.
const VISIBLE_IN_CONVERSATION =
  '(m.receiver IS NULL OR m.group_id IS NULL OR m.sender = @viewer OR m.receiver = @viewer)';

export function createMessageStore(db: Db): MessageStore {
  const insertMessage = db.prepare(
    `INSERT INTO messages (id, msg_id, sender, receiver, group_id, conversation_key, timestamp, file_name, cloud_custom_data, placeholder, description, priority)
     VALUES (@id, @msgID, @sender, @receiver, @groupID, @conversationKey, @timestamp, @fileName, @cloudCustomData, @placeholder, @description, @priority)
     ON CONFLICT (id) DO NOTHING`,
  );
  const insertImage = db.prepare(
    `INSERT INTO images (message_id, type, state, file, mime_type, width, height, size)
     VALUES (@messageId, @type, @state, @file, @mimeType, @width, @height, @size)`,
  );
  const byId = db.prepare<[string], MessageRow>('SELECT * FROM messages WHERE id = ?');
  const imagesOf = db.prepare<[string], ImageRow>('SELECT * FROM images WHERE message_id = ? ORDER BY type');
  const newest = db.prepare<{ key: string; viewer: string; before: number; limit: number }, MessageRow>(
    `SELECT * FROM (SELECT m.* FROM messages m WHERE m.conversation_key = @key AND m.seq < @before AND ${VISIBLE_IN_CONVERSATION}
     ORDER BY m.seq DESC LIMIT @limit) ORDER BY seq`,
  );
  const after = db.prepare<{ key: string; viewer: string; after: number; limit: number }, MessageRow>(
    `SELECT m.* FROM messages m WHERE m.conversation_key = @key AND m.seq > @after AND ${VISIBLE_IN_CONVERSATION}
     ORDER BY m.seq LIMIT @limit`,
  );
  const visibleAfter = db.prepare<{ viewer: string; after: number; limit: number }, MessageRow>(
    `SELECT m.* FROM messages m WHERE m.seq > @after AND (
       (m.group_id IS NULL AND (m.sender = @viewer OR m.receiver = @viewer))
       OR (m.group_id IN (SELECT group_id FROM group_members WHERE user_id = @viewer) AND ${VISIBLE_IN_CONVERSATION})
     ) ORDER BY m.seq LIMIT @limit`,
  );
  const pending = db.prepare<[], { id: string }>(
    "SELECT DISTINCT message_id AS id FROM images WHERE state = 'pending'",
  );
  const markReady = db.prepare(
    `UPDATE images SET state = 'ready', file = @file, mime_type = @mimeType, width = @width, height = @height, size = @size
     WHERE message_id = @messageId AND type = @type`,
  );
  const files = db.prepare<[], { file: string }>('SELECT DISTINCT file FROM images');

  function toRecord(row: MessageRow): MessageRecord {
    const record: MessageRecord = {
      seq: row.seq,
      id: row.id,
      msgID: row.msg_id,
      sender: row.sender,
      conversationKey: row.conversation_key,
      timestamp: row.timestamp,
      fileName: row.file_name,
      images: imagesOf.all(row.id).map(toImage),
    };
    if (row.receiver !== null) record.receiver = row.receiver;
    if (row.group_id !== null) record.groupID = row.group_id;
    if (row.cloud_custom_data !== null) record.cloudCustomData = row.cloud_custom_data;
    if (row.placeholder !== null) record.placeholder = row.placeholder;
    if (row.description !== null) record.description = row.description;
    if (row.priority !== null) record.priority = row.priority;
    return record;
  }

  const insert = db.transaction((message: NewMessage): boolean => {
    const result = insertMessage.run({
      ...message,
      receiver: message.receiver ?? null,
      groupID: message.groupID ?? null,
      cloudCustomData: message.cloudCustomData ?? null,
      placeholder: message.placeholder ?? null,
      description: message.description ?? null,
      priority: message.priority ?? null,
    });
    if (result.changes === 0) return false;
    for (const image of message.images) {
      insertImage.run({
        messageId: message.id,
        ...image,
        size: image.size ?? null,
      });
    }
    return true;
  });

  return {
    insert(message) {
      if (!insert(message)) return undefined;
      return toRecord(byId.get(message.id) as MessageRow);
    },
    findById(id) {
      const row = byId.get(id);
      return row && toRecord(row);
    },
    listConversation({ conversationKey, viewer, afterSeq, beforeSeq, limit }) {
      const rows =
        afterSeq === undefined
          ? newest.all({ key: conversationKey, viewer, before: beforeSeq ?? Number.MAX_SAFE_INTEGER, limit })
          : after.all({ key: conversationKey, viewer, after: afterSeq, limit });
      return rows.map(toRecord);
    },
    listVisibleAfter: (viewer, afterSeq, limit) =>
      visibleAfter.all({ viewer, after: afterSeq, limit }).map(toRecord),
    listPendingVariantMessages: () => pending.all().map((row) => row.id),
    markVariantReady(messageId, image) {
      markReady.run({ messageId, ...image, size: image.size ?? null });
    },
    listFiles: () => new Set(files.all().map((row) => row.file)),
  };
}

function toImage(row: ImageRow): ImageRecord {
  const image: ImageRecord = {
    type: row.type,
    state: row.state,
    file: row.file,
    mimeType: row.mime_type,
    width: row.width,
    height: row.height,
  };
  if (row.size !== null) image.size = row.size;
  return image;
}
