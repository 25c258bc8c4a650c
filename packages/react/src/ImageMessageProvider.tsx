import { createMessageManager, type ImageTransport, type MessageManager } from '@image-message/core';
import { type ReactNode, useMemo } from 'react';
import { ImageMessageContext } from './ImageMessageContext';

export type ImageMessageProviderProps = {
  children?: ReactNode;
} & (
  | {
      /** A manager you made (share one across providers to share send state). */
      manager: MessageManager;
      transport?: never;
      maxBytes?: never;
    }
  | {
      /** A transport; the provider makes the manager. */
      transport: ImageTransport;
      /** A limit below 28 MiB and below the transport's own. */
      maxBytes?: number;
      manager?: never;
    }
);

/**
 * Gives the hooks and the composer their message manager. Goes inside the app's own
 * `QueryClientProvider` (the send hook is a react-query mutation).
 *
 * @example
 * <QueryClientProvider client={queryClient}>
 *   <ImageMessageProvider transport={createHttpTransport({ baseUrl, token })}>
 *     <ImageMessageComposer receiver="bob" />
 *   </ImageMessageProvider>
 * </QueryClientProvider>
 */
export function ImageMessageProvider(props: ImageMessageProviderProps) {
  const { manager, transport, maxBytes, children } = props;
  // A manager holds no subscriptions of its own, so one React makes and drops (StrictMode) costs nothing.
  const value = useMemo(
    () => manager ?? (transport ? createMessageManager({ transport, maxBytes }) : null),
    [manager, transport, maxBytes],
  );
  if (!value) {
    throw new Error(
      '<ImageMessageProvider> needs a transport={…} (e.g. createHttpTransport({ baseUrl, token })) or a manager={createMessageManager({ transport })} prop.',
    );
  }
  return <ImageMessageContext.Provider value={value}>{children}</ImageMessageContext.Provider>;
}
