import { fileToImageMessageParams, type MessageManager } from '@image-message/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { ImageMessageProvider, useSendState } from '../src';
import { createImageFile } from '../src/testing';
import { nextFrame, setupManager } from './helpers';

async function createDraft(manager: MessageManager): Promise<string> {
  const created = await manager.createImageMessage(await fileToImageMessageParams(createImageFile()));
  if (!created.data) throw new Error(created.desc);
  return created.data.id;
}

describe('useSendState', () => {
  it('follows the manager’s state of one send, started anywhere, and is undefined for unknown ids', async () => {
    const { manager, queryClient } = setupManager({ stalls: [{ afterBytes: 100 }] });
    const id = await createDraft(manager);
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>
        <ImageMessageProvider manager={manager}>{children}</ImageMessageProvider>
      </QueryClientProvider>
    );
    const hook = renderHook(({ of }) => useSendState(of), { wrapper, initialProps: { of: id } });
    expect(hook.result.current?.status).toBe('created');

    const sending = manager.sendMessage({ id, receiver: 'bob' });
    await waitFor(() => expect(hook.result.current?.status).toBe('sending'));
    act(() => {
      manager.cancel(id);
    });
    await sending;
    await nextFrame();
    expect(hook.result.current?.status).toBe('canceled');

    hook.rerender({ of: 'unknown' });
    expect(hook.result.current).toBeUndefined();
  });
});
