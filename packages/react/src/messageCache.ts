import { MessageStatus, type SendState, type V2TimMessage } from '@image-message/core';

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

/** Takes the message with local id `id` out of the list unless it was delivered. */
export function removeUnsent(
  list: readonly V2TimMessage[] | undefined,
  id: string,
): V2TimMessage[] | undefined {
  return list?.some((item) => item.id === id && item.status !== MessageStatus.SEND_SUCC)
    ? list.filter((item) => item.id !== id)
    : (list as V2TimMessage[] | undefined);
}

/**
 * The one rule that keeps a cached conversation in step with a send: where the manager's state of message
 * `id` puts its row. Sending → the row at status 1 with its progress; sent → the server's message at
 * status 2; failed → status 3 (the row stays, for Retry); canceled or discarded (`state` undefined) → an
 * unsent row leaves, since a cancel is the user's choice, not a failure to show (the draft stays in the
 * composer). A message not in the list is added only when `insert` is true (a send this conversation
 * started). Pure: returns `list` itself when nothing changes, so react-query sees no update.
 *
 * @example queryClient.setQueryData(key, (list) => applySendState(list, id, manager.getSendState(id)))
 */
export function applySendState(
  list: readonly V2TimMessage[] | undefined,
  id: string,
  state: SendState | undefined,
  { insert = false }: { insert?: boolean } = {},
): V2TimMessage[] | undefined {
  const unchanged = list as V2TimMessage[] | undefined;
  if (!state || state.status === 'canceled') return removeUnsent(list, id);
  if (state.status === 'created') return unchanged;
  const row = list?.find((item) => item.id === id);
  if (!row && !insert) return unchanged;
  // A refetch may have brought the delivered copy already; an older attempt never overwrites it.
  if (row?.status === MessageStatus.SEND_SUCC && state.status !== 'sent') return unchanged;
  const { message } = state;
  if (row && (Object.keys(message) as (keyof V2TimMessage)[]).every((key) => row[key] === message[key])) {
    return unchanged;
  }
  return upsertMessage(list, message);
}

function isSameMessage(a: V2TimMessage, b: V2TimMessage): boolean {
  return (a.id !== undefined && a.id === b.id) || (a.msgID !== undefined && a.msgID === b.msgID);
}
