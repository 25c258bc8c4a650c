import { createMessageManager, type ImageTransport, type MessageManager } from '@image-message/core';
import type { IndexedDbStoreOptions } from '@image-message/core/persist';
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
      persist?: never;
    }
  | {
      /** A transport; the provider makes the manager. */
      transport: ImageTransport;
      /** A limit below 28 MiB and below the transport's own. */
      maxBytes?: number;
      /**
       * Keep drafts and unsent messages across reloads, in IndexedDB (its code loads only when this is
       * set): after a reload each composer shows its drafts again, and an interrupted send comes back
       * ready for Retry. `true`, or the store's options (caps, expiry, a database name per user). Call
       * `clearPersisted()` from `@image-message/core/persist` on sign-out.
       */
      persist?: boolean | IndexedDbStoreOptions;
      manager?: never;
    }
);

/**
 * Gives the hooks and the composer their message manager. Goes inside the app's own
 * `QueryClientProvider` when you use `useSendMessage` or a composer `queryKey`.
 *
 * @example
 * <QueryClientProvider client={queryClient}>
 *   <ImageMessageProvider transport={createHttpTransport({ baseUrl, token })} persist>
 *     <ImageMessageComposer receiver="bob" />
 *   </ImageMessageProvider>
 * </QueryClientProvider>
 */
export function ImageMessageProvider(props: ImageMessageProviderProps) {
  const { manager, transport, maxBytes, persist, children } = props;
  // Options are compared by value: an inline `persist={{ … }}` must not make a new manager each render.
  const persistKey = persist ? JSON.stringify(persist) : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: persist is read through its key.
  const value = useMemo(() => {
    if (manager || !transport) return manager ?? null;
    const store =
      persist &&
      import('@image-message/core/persist').then(({ createIndexedDbStore }) =>
        createIndexedDbStore(persist === true ? {} : persist),
      );
    return createMessageManager({ transport, maxBytes, store: store || undefined });
  }, [manager, transport, maxBytes, persistKey]);
  if (!value) {
    throw new Error(
      '<ImageMessageProvider> needs a transport={…} (e.g. createHttpTransport({ baseUrl, token })) or a manager={createMessageManager({ transport })} prop.',
    );
  }
  return <ImageMessageContext.Provider value={value}>{children}</ImageMessageContext.Provider>;
}
