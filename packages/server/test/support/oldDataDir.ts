import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SCHEMA_V1 } from './schemaV1';
import { fixture, sha256 } from './testServer';

/**
 * Leaves `dataDir` as an older release left it, for a test that opens it with today's server: users alice
 * and bob, and one message `id` from alice to bob whose three images are `photo.jpg` on disk (returned).
 * The database is `SCHEMA_V1`, then `upgrade` (a later release's own statements, frozen by the caller,
 * never taken from today's MIGRATIONS), at `user_version = version`; `placeholder` fills that column.
 */
export async function writeOldDataDir(
  dataDir: string,
  old: { id: string; version: number; upgrade?: string; placeholder?: string },
): Promise<Buffer> {
  const photo = fixture('photo.jpg');
  const file = `${old.id}_0a1b2c3d4e5f_origin.jpg`;
  await mkdir(join(dataDir, 'images'), { recursive: true });
  await writeFile(join(dataDir, 'images', file), photo);
  const db = new Database(join(dataDir, 'im.sqlite'));
  try {
    db.exec(SCHEMA_V1);
    if (old.upgrade) db.exec(old.upgrade);
    db.pragma(`user_version = ${old.version}`);
    db.exec(`INSERT INTO users VALUES ('alice', 'Alice'), ('bob', 'Bob');`);
    const placeholder = old.placeholder === undefined ? {} : { placeholder: old.placeholder };
    const columns = ['id', 'msg_id', 'sender', 'receiver', 'conversation_key', 'timestamp', 'file_name'];
    const names = [...columns, ...Object.keys(placeholder)];
    db.prepare(`INSERT INTO messages (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(
      old.id,
      old.id.replace(/^img_/, 'msg_'),
      'alice',
      'bob',
      'c2c:alice|bob',
      1767225600,
      'photo.jpg',
      ...Object.values(placeholder),
    );
    for (const type of [0, 1, 2]) {
      db.prepare(
        `INSERT INTO images (message_id, type, state, file, mime_type, width, height, size, sha256)
         VALUES (?, ?, 'ready', ?, 'image/jpeg', 32, 24, ?, ?)`,
      ).run(old.id, type, file, photo.length, type === 0 ? sha256(photo) : null);
    }
  } finally {
    db.close();
  }
  return photo;
}
