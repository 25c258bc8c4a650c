import type { V2TimMessage } from '@image-message/core';

/** A conversation as the server names it: `c2c_<peer>` or `group_<groupID>`. */
export type ConversationID = `c2c_${string}` | `group_${string}`;

export function conversationOf(message: V2TimMessage, viewer: string): ConversationID | undefined {
  if (message.groupID) return `group_${message.groupID}`;
  const peer = message.sender === viewer || message.isSelf ? message.userID : message.sender;
  return peer ? `c2c_${peer}` : undefined;
}

export const messagesKey = (viewer: string, conversationID: ConversationID) =>
  ['messages', viewer, conversationID] as const;
