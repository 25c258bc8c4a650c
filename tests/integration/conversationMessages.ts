import type { V2TimMessage } from '@image-message/core';

/** A conversation's messages (the first 200) as the user of `token` reads them from the reference server. */
export async function conversationMessages(
  serverUrl: string,
  token: string,
  conversationID: string,
): Promise<V2TimMessage[]> {
  const response = await fetch(`${serverUrl}/api/conversations/${conversationID}/messages?limit=200`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await response.json()) as { data: { messages: V2TimMessage[] } }).data.messages;
}
