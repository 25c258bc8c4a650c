import type { ConversationTarget } from './types';

/** True when two targets name the same place: the same receiver (or none) in the same group (or none). */
export function sameAddress(a: ConversationTarget, b: ConversationTarget): boolean {
  return (a.receiver ?? '') === (b.receiver ?? '') && (a.groupID ?? '') === (b.groupID ?? '');
}

/** A target in words, for error descriptions: "bob", "group team", "bob only, in group team". */
export function describeAddress({ receiver, groupID }: ConversationTarget): string {
  if (receiver && groupID) return `${receiver} only, in group ${groupID}`;
  return groupID ? `group ${groupID}` : `${receiver}`;
}
