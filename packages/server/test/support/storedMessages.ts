import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ViewerMessage } from '../../src/messages/toV2TimMessage';
import type { TestServer } from './testServer';

/** One column of a stored message, read from the database file beside the running server (WAL allows it). */
export function storedColumn(
  dataDir: string,
  id: string,
  column: 'placeholder' | 'description',
): string | null | undefined {
  const db = new Database(join(dataDir, 'im.sqlite'), { readonly: true });
  try {
    const row = db.prepare(`SELECT ${column} FROM messages WHERE id = ?`).get(id) as
      | Record<string, string | null>
      | undefined;
    return row?.[column];
  } finally {
    db.close();
  }
}

/** A conversation's messages as `token`'s user pages through them (the first 200). */
export async function conversationPage(
  server: TestServer,
  token: string,
  conversationID: string,
): Promise<ViewerMessage[]> {
  const page = await server.get<{ messages: ViewerMessage[] }>(
    `/api/conversations/${conversationID}/messages?limit=200`,
    token,
  );
  return page.body.data?.messages ?? [];
}
