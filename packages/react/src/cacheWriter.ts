// Loaded by `useMessageCacheSync` only for a `queryKey`: an app that keeps no react-query cache of its
// conversation never downloads how one is kept in step.
import type { SendState, V2TimMessage } from '@image-message/core';
import type { QueryClient } from '@tanstack/react-query';
import { applySendState } from './messageCache';
import { scheduleFrame } from './scheduleFrame';
import type { MessageCacheBinding } from './useMessageCacheSync';
import { writeMessages } from './writeMessages';

export type Write = (id: string, state: SendState | undefined, insert: boolean) => void;

/**
 * Writes send states into the cache at `binding().queryKey` through `applySendState`: a send's start and
 * end at once, its progress at most once per animation frame (the latest state of each id in the frame
 * wins).
 */
export function createCacheWriter(queryClient: QueryClient, binding: () => MessageCacheBinding): Write {
  const write: Write = (id, state, insert) => {
    const { queryKey, updateMessages } = binding();
    if (!queryKey) return;
    const update = (list: V2TimMessage[] | undefined) => applySendState(list, id, state, { insert });
    writeMessages(queryClient, queryKey, updateMessages, update);
  };
  let batch = new Map<string, { state: SendState | undefined; insert: boolean }>();
  let cancelFrame: (() => void) | undefined;
  const flush = () => {
    cancelFrame?.();
    cancelFrame = undefined;
    const writes = batch;
    batch = new Map();
    for (const [id, { state, insert }] of writes) write(id, state, insert);
  };
  return (id, state, insert) => {
    batch.set(id, { state, insert });
    const midway = state?.status === 'sending' && state.progress > 0;
    if (midway) cancelFrame ??= scheduleFrame(flush);
    else flush();
  };
}
