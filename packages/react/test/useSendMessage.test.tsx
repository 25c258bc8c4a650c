import { ErrorCode, ImageMessageError, type MessageManager, type V2TimMessage } from '@image-message/core';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, renderHook, waitFor } from '@testing-library/react';
import { Profiler, type ReactNode, useEffect } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ImageMessageProvider, type UseSendMessageOptions, useSendMessage } from '../src';
import { createImageFile } from '../src/testing';
import { setupManager } from './helpers';

async function createDraft(manager: MessageManager, name = 'photo.png'): Promise<string> {
  const { fileToImageMessageParams } = await import('@image-message/core');
  const created = await manager.createImageMessage(await fileToImageMessageParams(createImageFile({ name })));
  if (!created.data) throw new Error(created.desc);
  return created.data.id;
}

function wrapperFor(manager: MessageManager, queryClient: QueryClient) {
  return ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <ImageMessageProvider manager={manager}>{children}</ImageMessageProvider>
    </QueryClientProvider>
  );
}

function renderSend(
  options: UseSendMessageOptions = {},
  transportOptions: Parameters<typeof setupManager>[0] = {},
) {
  const setup = setupManager(transportOptions);
  const hook = renderHook(() => useSendMessage(options), {
    wrapper: wrapperFor(setup.manager, setup.queryClient),
  });
  return { ...setup, ...hook };
}

describe('useSendMessage', () => {
  it('sends with mutate and resolves to the delivered message', async () => {
    const hook = renderSend();
    const id = await createDraft(hook.manager);
    act(() => hook.result.current.mutate({ id, receiver: 'bob' }));
    await waitFor(() => expect(hook.result.current.isSuccess).toBe(true));
    expect(hook.result.current.data).toMatchObject({ id, status: 2, userID: 'bob' });
    expect(hook.result.current.data?.msgID).toBeTruthy();
    expect(hook.result.current.progress).toBe(100);
  });

  it('turns a non-zero code into a thrown ImageMessageError carrying code, desc and the message', async () => {
    const hook = renderSend({}, { failures: [{ code: ErrorCode.NETWORK_DISCONNECT, desc: 'offline' }] });
    const id = await createDraft(hook.manager);
    act(() => hook.result.current.mutate({ id, groupID: 'team' }));
    await waitFor(() => expect(hook.result.current.isError).toBe(true));
    const { error } = hook.result.current;
    expect(error).toBeInstanceOf(ImageMessageError);
    expect(error).toMatchObject({
      code: ErrorCode.NETWORK_DISCONNECT,
      desc: 'offline',
      messageInfo: { id, status: 3 },
    });
  });

  it('refuses to re-send a failed message to another address (a clear error), and mutate({ id }) re-sends it where it went', async () => {
    const hook = renderSend({}, { failures: [{ code: ErrorCode.NETWORK_DISCONNECT, desc: 'offline' }] });
    const id = await createDraft(hook.manager);
    act(() => hook.result.current.mutate({ id, groupID: 'team', receiver: 'bob' }));
    await waitFor(() => expect(hook.result.current.isError).toBe(true));
    act(() => hook.result.current.mutate({ id, groupID: 'team' }));
    await waitFor(() => expect(hook.result.current.error?.code).toBe(ErrorCode.INVALID_PARAMETERS));
    expect(hook.result.current.error?.desc).toContain('bob only, in group team');
    expect(hook.transport.messages).toHaveLength(0);

    act(() => hook.result.current.mutate({ id }));
    await waitFor(() => expect(hook.result.current.isSuccess).toBe(true));
    expect(hook.transport.messages.map(({ message }) => [message.groupID, message.userID])).toEqual([
      ['team', 'bob'],
    ]);
  });

  it("lets react-query's retry resend the same id, storing one message", async () => {
    const hook = renderSend(
      { retry: 2, retryDelay: 0 },
      { failures: [{ code: ErrorCode.UPLOAD_FAILED, times: 2 }] },
    );
    const id = await createDraft(hook.manager);
    act(() => hook.result.current.mutate({ id, receiver: 'bob' }));
    await waitFor(() => expect(hook.result.current.isSuccess).toBe(true));
    expect(hook.transport.attempts.map((a) => a.outcome)).toEqual(['failed', 'failed', 'sent']);
    expect(hook.transport.messages).toHaveLength(1);
  });

  it('cancels a send in flight (CANCELED), then a retry of the same id stores exactly one message', async () => {
    const hook = renderSend({}, { stalls: [{ afterBytes: 100 }] });
    const id = await createDraft(hook.manager);
    act(() => hook.result.current.mutate({ id, receiver: 'bob' }));
    await waitFor(() => expect(hook.result.current.progress).toBeGreaterThan(0));
    act(() => hook.result.current.cancel(id));
    await waitFor(() => expect(hook.result.current.error?.code).toBe(ErrorCode.CANCELED));
    expect(hook.manager.getSendState(id)?.status).toBe('canceled');
    act(() => hook.result.current.mutate({ id, receiver: 'bob' }));
    await waitFor(() => expect(hook.result.current.isSuccess).toBe(true));
    expect(hook.transport.attempts.map((a) => a.outcome)).toEqual(['aborted', 'sent']);
    expect(hook.transport.messages).toHaveLength(1);
  });

  it('reports the latest send’s progress; cancel() stops the latest, cancel(id) any other', async () => {
    const hook = renderSend({}, { stalls: [{ afterBytes: 100, times: 2 }] });
    const first = await createDraft(hook.manager, 'a.png');
    const second = await createDraft(hook.manager, 'b.png');
    act(() => {
      hook.result.current.mutate({ id: first, receiver: 'bob' });
      hook.result.current.mutate({ id: second, receiver: 'bob' });
    });
    await waitFor(() => {
      expect(hook.manager.getSendState(first)?.progress).toBeGreaterThan(0);
      expect(hook.manager.getSendState(second)?.progress).toBeGreaterThan(0);
    });
    await waitFor(() =>
      expect(hook.result.current.progress).toBe(hook.manager.getSendState(second)?.progress),
    );
    act(() => hook.result.current.cancel());
    await waitFor(() => expect(hook.manager.getSendState(second)?.status).toBe('canceled'));
    expect(hook.manager.getSendState(first)?.status).toBe('sending');
    act(() => hook.result.current.cancel(first));
    await waitFor(() => expect(hook.manager.getSendState(first)?.status).toBe('canceled'));
  });

  it('keeps uploading after unmount but never renders again', async () => {
    const setup = setupManager({ steps: 20, latency: 2 });
    const id = await createDraft(setup.manager);
    const commits: string[] = [];
    function Sender() {
      const { mutate, progress } = useSendMessage();
      useEffect(() => mutate({ id, receiver: 'bob' }), [mutate]);
      return <span>{progress}</span>;
    }
    const errors = vi.spyOn(console, 'error');
    const view = render(
      <Profiler id="sender" onRender={(_, phase) => commits.push(phase)}>
        {wrapperFor(setup.manager, setup.queryClient)({ children: <Sender /> })}
      </Profiler>,
    );
    await waitFor(() => expect(setup.manager.getSendState(id)?.progress).toBeGreaterThan(0));
    view.unmount();
    const commitsAtUnmount = commits.length;
    await waitFor(() => expect(setup.transport.messages).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(commits.length).toBe(commitsAtUnmount);
    expect(setup.manager.getSendState(id)?.status).toBe('sent');
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it.each([
    ['spread over many frames', 1],
    ['all within one frame', 0],
  ])(
    're-renders at most once per animation frame, not once per progress event (500 steps %s)',
    async (_, latency) => {
      const setup = setupManager({ steps: 500, latency });
      const id = await createDraft(setup.manager);
      let commits = 0;
      let frames = 0;
      let counting = true;
      const countFrames = () => {
        frames++;
        if (counting) requestAnimationFrame(countFrames);
      };
      const progressEvents: number[] = [];
      function Sender() {
        const { mutate, progress } = useSendMessage();
        useEffect(() => mutate({ id, receiver: 'bob' }), [mutate]);
        return <output>{progress}</output>;
      }
      const unsubscribe = setup.manager.addAdvancedMsgListener({
        onSendMessageProgress: (_, p) => progressEvents.push(p),
      });
      render(
        <Profiler id="sender" onRender={() => commits++}>
          {wrapperFor(setup.manager, setup.queryClient)({ children: <Sender /> })}
        </Profiler>,
      );
      requestAnimationFrame(countFrames);
      await waitFor(() => expect(setup.manager.getSendState(id)?.status).toBe('sent'), { timeout: 10_000 });
      counting = false;
      unsubscribe();
      // 500 byte-level events collapse to ≤ 101 distinct percents; commits must follow frames, not events.
      expect(progressEvents.length).toBeGreaterThan(90);
      // A handful of commits come from the mutation's own state (idle → pending → success), not progress.
      expect(commits).toBeLessThanOrEqual(frames + 4);
      if (latency === 0) expect(commits).toBeLessThan(10);
    },
  );

  it('inserts the message optimistically at status 1, follows progress, then replaces it with the sent one', async () => {
    const hook = renderSend({ queryKey: ['messages', 'c2c_bob'] }, { steps: 10, latency: 25 });
    const existing: V2TimMessage = { msgID: 'old', elemType: 1, status: 2 };
    hook.queryClient.setQueryData(['messages', 'c2c_bob'], [existing]);
    const id = await createDraft(hook.manager);
    const read = () => hook.queryClient.getQueryData<V2TimMessage[]>(['messages', 'c2c_bob']) ?? [];
    act(() => hook.result.current.mutate({ id, receiver: 'bob' }));
    await waitFor(() => expect(read().find((m) => m.id === id)).toMatchObject({ status: 1, userID: 'bob' }));
    await waitFor(() => expect(read().find((m) => m.id === id)?.progress).toBeGreaterThan(0));
    await waitFor(() => expect(hook.result.current.isSuccess).toBe(true));
    expect(read()).toHaveLength(2);
    expect(read()[0]).toBe(existing);
    expect(read()[1]).toMatchObject({ id, status: 2, progress: 100, msgID: expect.any(String) });
  });

  it('marks the optimistic message 3 on failure, keeps it, and a retry leaves exactly one row', async () => {
    const hook = renderSend(
      { queryKey: ['messages'] },
      { failures: [{ code: ErrorCode.UPLOAD_FAILED, afterBytes: 10 }] },
    );
    const id = await createDraft(hook.manager);
    const read = () => hook.queryClient.getQueryData<V2TimMessage[]>(['messages']) ?? [];
    act(() => hook.result.current.mutate({ id, receiver: 'bob' }));
    await waitFor(() => expect(hook.result.current.isError).toBe(true));
    expect(read()).toEqual([expect.objectContaining({ id, status: 3 })]);
    act(() => hook.result.current.mutate({ id, receiver: 'bob' }));
    await waitFor(() => expect(hook.result.current.isSuccess).toBe(true));
    expect(read()).toEqual([expect.objectContaining({ id, status: 2 })]);
  });

  it('takes a canceled send out of the cached list (not a failure to show); a retry puts back one row', async () => {
    const hook = renderSend({ queryKey: ['messages'] }, { steps: 10, latency: 30 });
    const id = await createDraft(hook.manager);
    const read = () => hook.queryClient.getQueryData<V2TimMessage[]>(['messages']) ?? [];
    act(() => hook.result.current.mutate({ id, receiver: 'bob' }));
    await waitFor(() => expect(read()).toEqual([expect.objectContaining({ id, status: 1 })]));
    act(() => hook.result.current.cancel(id));
    await waitFor(() => expect(hook.result.current.error?.code).toBe(ErrorCode.CANCELED));
    expect(read()).toEqual([]);
    act(() => hook.result.current.mutate({ id, receiver: 'bob' }));
    await waitFor(() => expect(hook.result.current.isSuccess).toBe(true));
    expect(read()).toEqual([expect.objectContaining({ id, status: 2 })]);
  });

  it('merges a server push of the same message that lands before the send resolves: one row', async () => {
    const hook = renderSend({ queryKey: ['messages'] }, { steps: 5, latency: 20 });
    const id = await createDraft(hook.manager);
    const read = () => hook.queryClient.getQueryData<V2TimMessage[]>(['messages']) ?? [];
    act(() => hook.result.current.mutate({ id, receiver: 'bob' }));
    await waitFor(() => expect(read()).toHaveLength(1));
    // The memory transport numbers its messages memory-1, memory-2…; the push knows only the msgID.
    hook.queryClient.setQueryData<V2TimMessage[]>(['messages'], (list) => [
      ...(list ?? []),
      { msgID: 'memory-1', elemType: 3, status: 2, sender: 'me' },
    ]);
    expect(read()).toHaveLength(2);
    await waitFor(() => expect(hook.result.current.isSuccess).toBe(true));
    expect(read()).toEqual([expect.objectContaining({ id, msgID: 'memory-1', status: 2 })]);
  });
});

describe('setup errors', () => {
  it('says to add <ImageMessageProvider> when a hook is used outside it', () => {
    const setup = setupManager();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() =>
      renderHook(() => useSendMessage(), {
        wrapper: ({ children }) => (
          <QueryClientProvider client={setup.queryClient}>{children}</QueryClientProvider>
        ),
      }),
    ).toThrow(/useSendMessage\(\) must be used inside <ImageMessageProvider>/);
  });

  it("says to add the app's QueryClientProvider when it is missing", () => {
    const setup = setupManager();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() =>
      renderHook(() => useSendMessage(), {
        wrapper: ({ children }) => (
          <ImageMessageProvider manager={setup.manager}>{children}</ImageMessageProvider>
        ),
      }),
    ).toThrow(/<QueryClientProvider client=\{queryClient\}>/);
  });

  it('says what the provider needs when given neither manager nor transport', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    // @ts-expect-error deliberately missing both props
    expect(() => render(<ImageMessageProvider>x</ImageMessageProvider>)).toThrow(/needs a transport=\{…\}/);
  });
});
