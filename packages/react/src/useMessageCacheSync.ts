import type { MessageManager, V2TimMessage } from '@image-message/core';
import { hashKey, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { Write } from './cacheWriter';
import type { UpdateMessages } from './writeMessages';

export interface MessageCacheBinding {
  /** The app's cached conversation; nothing is written without it. */
  queryKey?: QueryKey;
  updateMessages?: UpdateMessages;
  /** Whether a send of a message not in the list yet belongs in it (a composer's own conversation). */
  belongs?: (message: V2TimMessage) => boolean;
}

type CacheWriterModule = typeof import('./cacheWriter');
let loading: Promise<CacheWriterModule> | undefined;
let loaded: CacheWriterModule | undefined;

/**
 * A writer whose code loads on first use: changes heard before it has loaded wait for it, in order, so
 * nothing a send does is missed (the manager is listened to at once; only the writing waits). Once the
 * code is there, writes happen as the changes do.
 */
function loadWriter(queryClient: QueryClient, binding: () => MessageCacheBinding): Write {
  if (loaded) return loaded.createCacheWriter(queryClient, binding);
  let ready: Write | undefined;
  const waiting: Parameters<Write>[] = [];
  loading ??= import('./cacheWriter').then((module) => (loaded = module));
  void loading.then(({ createCacheWriter }) => {
    ready = createCacheWriter(queryClient, binding);
    for (const args of waiting.splice(0)) ready(...args);
  });
  return (...args) => (ready ? ready(...args) : void waiting.push(args));
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
  const keyHash = binding.queryKey ? hashKey(binding.queryKey) : undefined;

  useEffect(() => {
    if (keyHash === undefined || !queryClient) return;
    const write = loadWriter(queryClient, () => latest.current);
    return manager.subscribe((id, state) => {
      const message = state?.message;
      write(id, state, message !== undefined && latest.current.belongs?.(message) === true);
    });
  }, [manager, queryClient, keyHash]);

  return (id) => {
    if (!latest.current.queryKey || !queryClient) return () => {};
    const write = loadWriter(queryClient, () => latest.current);
    const stop = manager.subscribe((changed, state) => {
      if (changed !== id) return;
      write(id, state, true);
      // The send is over; what happens to the message next (a composer discarding it) is not this send's.
      if (state?.status !== 'sending') stop();
    });
    return stop;
  };
}
