import {
  createMemoryTransport,
  createMessageManager,
  type MemoryTransport,
  type MemoryTransportOptions,
  type MessageManager,
  type MessageStore,
} from '@image-message/core';
import { ImageMessageProvider } from '@image-message/react';
import type { Decorator } from '@storybook/react-vite';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';

/** Per-story setup: `parameters: { imageMessage: { transport: { steps: 20, latency: 100 } } }`. */
export interface ImageMessageStoryParameters {
  transport?: MemoryTransportOptions;
  /** Makes the manager's store (as `<ImageMessageProvider persist>` would have one), fresh per render. */
  store?: () => MessageStore;
}

/** What `loadImageMessage` puts in `context.loaded.imageMessage`. */
export interface ImageMessageStorySetup {
  transport: MemoryTransport;
  manager: MessageManager;
}

function createSetup(parameters: ImageMessageStoryParameters | undefined): ImageMessageStorySetup {
  const transport = createMemoryTransport(parameters?.transport);
  return { transport, manager: createMessageManager({ transport, store: parameters?.store?.() }) };
}

/**
 * Makes the story's memory transport before it renders, so the play function can read what reached the
 * "server" (`transport.attempts`, `transport.messages`) or inject a failure or stall for one send.
 * Loaders run again on every render and remount, so each gets a fresh transport.
 */
export const loadImageMessage = (context: { parameters: Record<string, unknown> }) => ({
  imageMessage: createSetup(context.parameters.imageMessage as ImageMessageStoryParameters | undefined),
});

/** The story's transport, from a play function's context (`loadImageMessage` must be among the loaders). */
export function storyTransport(context: { loaded: Record<string, unknown> }): MemoryTransport {
  const setup = context.loaded.imageMessage as ImageMessageStorySetup | undefined;
  if (!setup) throw new Error('This story needs `loaders: [loadImageMessage]` to reach its transport.');
  return setup.transport;
}

/** A fresh query client and memory-transport manager per story render, as an app would have. */
export function ImageMessageStoryProviders({
  transport,
  setup,
  children,
}: {
  transport?: MemoryTransportOptions;
  /** A manager made by `loadImageMessage`; without it one is made here from `transport`. */
  setup?: ImageMessageStorySetup;
  children: ReactNode;
}) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } }),
  );
  const [ownManager] = useState(() => (setup ? undefined : createSetup({ transport }).manager));
  const manager = setup?.manager ?? (ownManager as MessageManager);
  return (
    <QueryClientProvider client={queryClient}>
      <ImageMessageProvider manager={manager}>{children}</ImageMessageProvider>
    </QueryClientProvider>
  );
}

export const withImageMessage: Decorator = (Story, context) => (
  <ImageMessageStoryProviders
    transport={(context.parameters.imageMessage as ImageMessageStoryParameters | undefined)?.transport}
    setup={context.loaded.imageMessage as ImageMessageStorySetup | undefined}
  >
    <div className="story-frame">
      <Story />
    </div>
  </ImageMessageStoryProviders>
);
