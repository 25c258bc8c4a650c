import type { MessageManager, SendState } from '@image-message/core';
import { useMemo } from 'react';
import { useImageMessageManager } from './ImageMessageContext';
import { useFrameThrottled } from './useFrameThrottled';

/**
 * The manager's state of one message's send (`created | sending | sent | failed | canceled`, progress,
 * error), re-rendering at most once per animation frame. `undefined` when the manager does not know the
 * id (never created here, or sent and released). The manager owns the state; this only reads it.
 *
 * @example
 * const send = useSendState(message.id);
 * if (send?.status === 'sending') return <progress value={send.progress} max={100} />;
 */
export function useSendState(id: string | undefined): SendState | undefined {
  return useManagerSendState(useImageMessageManager('useSendState'), id);
}

/** `useSendState` for a manager that may be missing (a view rendered outside any provider): then `undefined`. */
export function useManagerSendState(
  manager: MessageManager | null,
  id: string | undefined,
): SendState | undefined {
  // What the store observes: a new store when either changes.
  const source = useMemo(() => ({ manager, id }), [manager, id]);
  return useFrameThrottled(
    source,
    (onChange) => (manager ? manager.subscribe((changed) => changed === id && onChange()) : () => {}),
    () => (id === undefined ? undefined : manager?.getSendState(id)),
  );
}
