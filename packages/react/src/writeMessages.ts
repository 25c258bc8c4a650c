import type { V2TimMessage } from '@image-message/core';
import type { QueryClient, QueryKey } from '@tanstack/react-query';

/** A change to a message list: pure, and returns the same list when nothing changes. */
export type MessageListUpdate = (list: V2TimMessage[] | undefined) => V2TimMessage[] | undefined;

/**
 * Applies `update` where your cached data keeps its message list, for data that is not a plain
 * `V2TimMessage[]` (an infinite query's `{ pages, pageParams }`, a page object). Return the new data, or
 * `data` itself when nothing changed.
 *
 * @example
 * // useInfiniteQuery whose pages are { messages: V2TimMessage[] }, newest page last:
 * const updateMessages: UpdateMessages<InfiniteData<Page>> = (data, update) => {
 *   if (!data) return data;
 *   const last = data.pages.length - 1;
 *   const messages = update(data.pages[last]?.messages);
 *   if (!messages || messages === data.pages[last]?.messages) return data;
 *   return { ...data, pages: data.pages.map((page, i) => (i === last ? { ...page, messages } : page)) };
 * };
 */
// biome-ignore lint/suspicious/noExplicitAny: the app's own data shape, which only its function reads.
export type UpdateMessages<TData = any> = (data: TData | undefined, update: MessageListUpdate) => TData;

const warned = new Set<string>();

/**
 * Writes `update` into the data at `queryKey`: directly when it is a message list (or empty), through the
 * app's `updateMessages` otherwise. Data of another shape without `updateMessages` is left untouched —
 * the send still happens — and a warning says what to add, once per key.
 */
export function writeMessages(
  queryClient: QueryClient,
  queryKey: QueryKey,
  updateMessages: UpdateMessages | undefined,
  update: MessageListUpdate,
): void {
  queryClient.setQueryData(queryKey, (data: unknown) => {
    if (updateMessages) return updateMessages(data, update);
    if (data === undefined || Array.isArray(data)) return update(data as V2TimMessage[] | undefined);
    const key = JSON.stringify(queryKey);
    if (!warned.has(key)) {
      warned.add(key);
      console.warn(
        `image-message: the data at queryKey ${key} is not a V2TimMessage[], so sent images are not added to it. Pass updateMessages(data, update) to useSendMessage or <ImageMessageComposer> to say where your messages live.`,
      );
    }
    return data;
  });
}
