import type { V2TimMessage } from '@image-message/core';

/**
 * Inserts or replaces `message` in a cached message list, matching by local `id` first and then by
 * `msgID`, so an optimistic entry, its retry and the server's copy (from a refetch or a push) are
 * always one row. New messages go at the end (newest last).
 */
export function upsertMessage(
  list: readonly V2TimMessage[] | undefined,
  message: V2TimMessage,
): V2TimMessage[] {
  const current = list ?? [];
  const same = (item: V2TimMessage) => isSameMessage(item, message);
  const index = current.findIndex(same);
  if (index === -1) return [...current, message];
  const merged = { ...current[index], ...message };
  // Keep the first copy's place; drop any other copy of the same message.
  return current.flatMap((item, i) => (i === index ? [merged] : same(item) ? [] : [item]));
}

/** Changes the cached message with local id `id`, if it is there. */
export function patchMessage(
  list: readonly V2TimMessage[] | undefined,
  id: string,
  patch: Partial<V2TimMessage>,
): V2TimMessage[] | undefined {
  // The same list when the message is not there, so react-query sees no change.
  if (!list?.some((item) => item.id === id)) return list as V2TimMessage[] | undefined;
  return list.map((item) => (item.id === id ? { ...item, ...patch } : item));
}

/** Takes the message with local id `id` out of the list unless it was delivered (status 2). */
export function removeUnsent(
  list: readonly V2TimMessage[] | undefined,
  id: string,
): V2TimMessage[] | undefined {
  return list?.some((item) => item.id === id && item.status !== 2)
    ? list.filter((item) => item.id !== id)
    : (list as V2TimMessage[] | undefined);
}

function isSameMessage(a: V2TimMessage, b: V2TimMessage): boolean {
  return (a.id !== undefined && a.id === b.id) || (a.msgID !== undefined && a.msgID === b.msgID);
}
