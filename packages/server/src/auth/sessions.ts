import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/openDatabase';

/**
 * DEV STAND-IN FOR REAL AUTHENTICATION. Anyone who knows a user id can get a token for it: there is no
 * password. Tokens are random (256 bits), never expire, and only their SHA-256 is stored. Replace this
 * file (and `POST /api/session`) with your identity provider before exposing the server to anyone.
 */
export interface Sessions {
  /** A new bearer token for `userID`. */
  create(userID: string): string;
  /** The user a token belongs to, or undefined. */
  userOf(token: string): string | undefined;
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export function createSessions(db: Db): Sessions {
  const insert = db.prepare<[string, string, number]>(
    'INSERT INTO sessions (token_hash, user_id, created_at) VALUES (?, ?, ?)',
  );
  const find = db.prepare<[string], { userID: string }>(
    'SELECT user_id AS userID FROM sessions WHERE token_hash = ?',
  );
  return {
    create(userID) {
      const token = randomBytes(32).toString('base64url');
      insert.run(hash(token), userID, Math.floor(Date.now() / 1000));
      return token;
    },
    userOf(token) {
      // Tokens are 43 base64url characters; anything else cannot match and is not worth hashing.
      if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
      return find.get(hash(token))?.userID;
    },
  };
}
