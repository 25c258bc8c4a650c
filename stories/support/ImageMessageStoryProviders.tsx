import {
  createMemoryTransport,
  createMessageManager,
  type MemoryTransportOptions,
} from '@image-message/core';
import { ImageMessageProvider } from '@image-message/react';
import type { Decorator } from '@storybook/react-vite';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';

/** Per-story setup: `parameters: { imageMessage: { transport: { steps: 20, latency: 100 } } }`. */
export interface ImageMessageStoryParameters {
  transport?: MemoryTransportOptions;
}

/** A fresh query client and memory-transport manager per story render, as an app would have. */
export function ImageMessageStoryProviders({
  transport,
  children,
}: {
  transport?: MemoryTransportOptions;
  children: ReactNode;
}) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } }),
  );
  const [manager] = useState(() => createMessageManager({ transport: createMemoryTransport(transport) }));
  return (
    <QueryClientProvider client={queryClient}>
      <ImageMessageProvider manager={manager}>{children}</ImageMessageProvider>
    </QueryClientProvider>
  );
}

export const withImageMessage: Decorator = (Story, context) => (
  <ImageMessageStoryProviders
    transport={(context.parameters.imageMessage as ImageMessageStoryParameters | undefined)?.transport}
  >
    <div className="story-frame">
      <Story />
    </div>
  </ImageMessageStoryProviders>
);
