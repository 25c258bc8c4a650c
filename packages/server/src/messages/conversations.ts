import { isEntityId } from '../api/identifiers';

/**
 * Conversation ids as clients see them: `c2c_<peerUserID>` for one-to-one and `group_<groupID>` for a
 * group (targeted group messages live in the group's conversation). Internally a C2C conversation is
 * keyed by both user ids, sorted, so both sides share one key.
 */
export type ConversationRef = { type: 'c2c'; peer: string } | { type: 'group'; groupID: string };

export function parseConversationId(value: string): ConversationRef | undefined {
  const match = /^(c2c|group)_(.+)$/.exec(value);
  if (!match || !isEntityId(match[2])) return undefined;
  return match[1] === 'c2c' ? { type: 'c2c', peer: match[2] } : { type: 'group', groupID: match[2] };
}

export function c2cKey(a: string, b: string): string {
  return a < b ? `c2c:${a}|${b}` : `c2c:${b}|${a}`;
}

export function groupKey(groupID: string): string {
  return `group:${groupID}`;
}

/** The conversation id a message belongs to, from `viewer`'s side. */
export function conversationIdFor(
  message: { sender: string; receiver?: string; groupID?: string },
  viewer: string,
): string {
  if (message.groupID !== undefined) return `group_${message.groupID}`;
  const peer = message.sender === viewer ? message.receiver : message.sender;
  return `c2c_${peer}`;
}
