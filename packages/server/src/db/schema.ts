/**
 * The schema, as ordered migrations (append only: never edit one that has shipped); `PRAGMA user_version` records how many have run, so a data
 * directory from an older build is upgraded in place and never re-created.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE users (
    user_id   TEXT PRIMARY KEY,
    nick_name TEXT NOT NULL
  );

  -- Dev sessions: only a hash of each token is stored, so a copied database file grants no access.
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users (user_id),
    created_at INTEGER NOT NULL
  );

  CREATE TABLE chat_groups (
    group_id TEXT PRIMARY KEY,
    name     TEXT NOT NULL
  );

  CREATE TABLE group_members (
    group_id TEXT NOT NULL REFERENCES chat_groups (group_id),
    user_id  TEXT NOT NULL REFERENCES users (user_id),
    PRIMARY KEY (group_id, user_id)
  ) WITHOUT ROWID;

  -- One row per message id, ever: \`id\` is the client's idempotency key. \`seq\` orders conversations and
  -- is the read cursor. \`conversation_key\` is "c2c:<a>|<b>" (ids sorted) or "group:<groupID>".
  CREATE TABLE messages (
    seq               INTEGER PRIMARY KEY AUTOINCREMENT,
    id                TEXT NOT NULL UNIQUE,
    msg_id            TEXT NOT NULL UNIQUE,
    sender            TEXT NOT NULL REFERENCES users (user_id),
    receiver          TEXT REFERENCES users (user_id),
    group_id          TEXT REFERENCES chat_groups (group_id),
    conversation_key  TEXT NOT NULL,
    timestamp         INTEGER NOT NULL,
    file_name         TEXT NOT NULL,
    cloud_custom_data TEXT,
    priority          INTEGER,
    CHECK (receiver IS NOT NULL OR group_id IS NOT NULL)
  );
  CREATE INDEX messages_by_conversation ON messages (conversation_key, seq);

  -- ORIGIN, THUMB and LARGE of each message. A variant that reuses the original points at its file.
  -- \`pending\` variants are being made in the background; their size is unknown until then.
  -- \`sha256\` (the original's) was written by servers before ETags became name-and-size; no longer used.
  CREATE TABLE images (
    message_id TEXT NOT NULL REFERENCES messages (id),
    type       INTEGER NOT NULL CHECK (type IN (0, 1, 2)),
    state      TEXT NOT NULL CHECK (state IN ('pending', 'ready')),
    file       TEXT NOT NULL,
    mime_type  TEXT NOT NULL,
    width      INTEGER NOT NULL,
    height     INTEGER NOT NULL,
    size       INTEGER,
    sha256     TEXT,
    PRIMARY KEY (message_id, type)
  ) WITHOUT ROWID;
  CREATE INDEX images_pending ON images (state) WHERE state = 'pending';
  `,
  // 2: the ThumbHash placeholder of `imageElem.placeholder` (base64, checked before it is stored).
  // Messages stored before it have none (NULL).
  `
  ALTER TABLE messages ADD COLUMN placeholder TEXT;
  `,
  // 3: the sender's description of the image, its alt text (`imageElem.description`, cleaned and checked
  // by core's `checkDescription` before it is stored). Messages stored before it have none (NULL).
  `
  ALTER TABLE messages ADD COLUMN description TEXT;
  `,
];
