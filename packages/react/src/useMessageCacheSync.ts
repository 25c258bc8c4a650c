import type { MessageManager, SendState, V2TimMessage } from '@image-message/core';
import { hashKey, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { applySendState } from './messageCache';
import { scheduleFrame } from './scheduleFrame';
import { type UpdateMessages, writeMessages } from './writeMessages';

export interface MessageCacheBinding {
  /** The app's cached conversation; nothing is written without it. */
  queryKey?: QueryKey;
  updateMessages?: UpdateMessages;
  /** Whether a send of a message not in the list yet belongs in it (a composer's own conversation). */
  belongs?: (message: V2TimMessage) => boolean;
}

type Write = (id: string, state: SendState | undefined, insert: boolean) => void;

/**
 * Writes send states into the cache through `applySendState`: a send's start and end at once, its
 * progress at most once per animation frame (the latest state of each id in the frame wins).
 */
function frameBatched(write: Write): Write {
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

/**
 * Keeps the app's cached conversation at `binding.queryKey` in step with the manager, whoever started the
 * send — the composer, `useSendMessage`, or `manager.sendMessage` directly: while mounted, every change of
 * a message whose row is in the list (or that `belongs` here) goes through `applySendState`. Returns
 * `follow(id)`, which places and follows one send this conversation starts until it ends, mounted or not
 * (a send outlives the component that started it). Call it just before `manager.sendMessage`; it returns
 * a function that stops following (for a send that never started).
 */
export function useMessageCacheSync(
  manager: MessageManager,
  queryClient: QueryClient | undefined,
  binding: MessageCacheBinding,
): (id: string) => () => void {
  const latest = useRef(binding);
  latest.current = binding;
  const write = useCallback<Write>(
    (id, state, insert) => {
      const { queryKey, updateMessages } = latest.current;
      if (!queryKey || !queryClient) return;
      const update = (list: V2TimMessage[] | undefined) => applySendState(list, id, state, { insert });
      writeMessages(queryClient, queryKey, updateMessages, update);
    },
    [queryClient],
  );
  const keyHash = binding.queryKey ? hashKey(binding.queryKey) : undefined;

  useEffect(() => {
    if (keyHash === undefined) return;
    const batched = frameBatched(write);
    return manager.subscribe((id, state) => {
      const message = state?.message;
      batched(id, state, message !== undefined && latest.current.belongs?.(message) === true);
    });
  }, [manager, write, keyHash]);

  return (id) => {
    const batched = frameBatched(write);
    const stop = manager.subscribe((changed, state) => {
      if (changed !== id) return;
      batched(id, state, true);
      // The send is over; what happens to the message next (a composer discarding it) is not this send's.
      if (state?.status !== 'sending') stop();
    });
    return stop;
  };
}
