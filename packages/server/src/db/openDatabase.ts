import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './schema';

export type Db = Database.Database;

/**
 * Opens (or creates) `<dataDir>/im.sqlite` in WAL mode and brings its schema up to date.
 *
 * WAL with `synchronous=NORMAL` keeps every committed transaction through a process crash or restart
 * (only a power loss can drop the last ones); `syncWrites` switches to `FULL` for that case too.
 */
export function openDatabase(dataDir: string, options: { syncWrites: boolean }): Db {
  const db = new Database(join(dataDir, 'im.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.syncWrites ? 'FULL' : 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
  // Another process (a second server on the same DATA_DIR) may hold the write lock briefly.
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

function migrate(db: Db) {
  const applied = db.pragma('user_version', { simple: true }) as number;
  if (applied > MIGRATIONS.length) {
    throw new Error(
      `The database schema (version ${applied}) is newer than this server (version ${MIGRATIONS.length}). Use a newer server or another DATA_DIR.`,
    );
  }
  for (let version = applied; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] as string);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
