import type { MessageManager } from '@image-message/core';
import { useContext } from 'react';
import { createNamedContext } from './createNamedContext';

export const ImageMessageContext = /* @__PURE__ */ createNamedContext<MessageManager | null>(
  'ImageMessageContext',
  null,
);

/**
 * The manager from the nearest `<ImageMessageProvider>`. Throws an error that says what to add, naming
 * the hook that needed it, instead of failing later on `undefined`.
 */
export function useImageMessageManager(hookName = 'useImageMessageManager'): MessageManager {
  const manager = useContext(ImageMessageContext);
  if (!manager) {
    throw new Error(
      `${hookName}() must be used inside <ImageMessageProvider>. Wrap your chat UI in <QueryClientProvider client={queryClient}>, then <ImageMessageProvider transport={transport}> (or manager={createMessageManager(…)}).`,
    );
  }
  return manager;
}
