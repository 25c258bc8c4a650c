import type { V2TimMessage } from '@image-message/core';
import { upsertMessage } from '@image-message/react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { conversationOf, messagesKey } from './conversations';

/**
 * New messages arrive by Server-Sent Events and are merged into the cached conversation they belong to,
 * matching by message id and msgID, so the sender's optimistic copy and the pushed one stay one row.
 */
export function useMessageEvents(viewer: string, token: string) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const events = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    events.addEventListener('message', (event) => {
      const message = JSON.parse((event as MessageEvent<string>).data) as V2TimMessage;
      const conversationID = conversationOf(message, viewer);
      if (!conversationID) return;
      queryClient.setQueryData<V2TimMessage[]>(messagesKey(viewer, conversationID), (list) =>
        list ? upsertMessage(list, message) : list,
      );
    });
    return () => events.close();
  }, [viewer, token, queryClient]);
}
