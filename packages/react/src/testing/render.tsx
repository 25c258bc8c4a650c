import {
  createMemoryTransport,
  createMessageManager,
  type ImageTransport,
  type MessageManager,
} from '@image-message/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type RenderOptions, type RenderResult, render } from '@testing-library/react';
import { type ReactElement, type ReactNode, StrictMode } from 'react';
import { ImageMessageProvider } from '../ImageMessageProvider';

export interface RenderWithImageMessageOptions extends Omit<RenderOptions, 'wrapper'> {
  /** Default: a fresh memory transport. */
  transport?: ImageTransport;
  /** Default: a manager over `transport`. */
  manager?: MessageManager;
  /** Default: a client with retries off, so failures show at once. */
  queryClient?: QueryClient;
  /** Wrap in `<StrictMode>` (default true), as apps do in development. */
  strict?: boolean;
}

export interface RenderWithImageMessageResult<T extends ImageTransport> extends RenderResult {
  transport: T;
  manager: MessageManager;
  queryClient: QueryClient;
}

/**
 * Testing Library's `render` inside the providers the library needs: a `QueryClientProvider` and an
 * `ImageMessageProvider` over a memory transport (or yours).
 *
 * @example
 * const { transport } = renderWithImageMessage(<ImageMessageComposer receiver="bob" />);
 */
export function renderWithImageMessage<T extends ImageTransport = ReturnType<typeof createMemoryTransport>>(
  ui: ReactElement,
  options: RenderWithImageMessageOptions & { transport?: T } = {},
): RenderWithImageMessageResult<T> {
  const {
    strict = true,
    transport: givenTransport,
    manager: givenManager,
    queryClient: givenClient,
    ...renderOptions
  } = options;
  const transport = (givenTransport ?? createMemoryTransport()) as T;
  const manager = givenManager ?? createMessageManager({ transport });
  const queryClient =
    givenClient ??
    new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const Wrapper = ({ children }: { children: ReactNode }) => {
    const tree = (
      <QueryClientProvider client={queryClient}>
        <ImageMessageProvider manager={manager}>{children}</ImageMessageProvider>
      </QueryClientProvider>
    );
    return strict ? <StrictMode>{tree}</StrictMode> : tree;
  };
  const result = render(ui, { ...renderOptions, wrapper: Wrapper });
  return { ...result, transport, manager, queryClient };
}
