import type { Directory } from '../db/directory';

interface Addressed {
  sender: string;
  receiver?: string;
  groupID?: string;
}

/**
 * Who may see a message, the one rule every read path (lists, single reads, image downloads, events)
 * goes through:
 * - one-to-one: its two users;
 * - group: the group's members;
 * - targeted in a group (group and receiver both set): the sender and the receiver, while members.
 */
export function canSee(message: Addressed, userID: string, directory: Pick<Directory, 'isMember'>): boolean {
  if (message.groupID === undefined) return userID === message.sender || userID === message.receiver;
  if (!directory.isMember(message.groupID, userID)) return false;
  return message.receiver === undefined || userID === message.sender || userID === message.receiver;
}

/** Everyone who may see the message (for pushing it as an event). */
export function viewersOf(
  message: Addressed,
  directory: Pick<Directory, 'isMember' | 'membersOf'>,
): string[] {
  const candidates =
    message.groupID === undefined || message.receiver !== undefined
      ? [message.sender, message.receiver as string]
      : directory.membersOf(message.groupID);
  return [...new Set(candidates)].filter((userID) => canSee(message, userID, directory));
}
