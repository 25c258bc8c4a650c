import {
  createMessageManager,
  ErrorCode,
  fileToImageMessageParams,
  type MessageManager,
  type V2TimMessage,
} from '@image-message/core';
import type { InfiniteData } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImageMessageComposer, ImageMessageProvider, type UpdateMessages, useSendMessage } from '../src';
import { createImageFile, createMemoryTransport, renderWithImageMessage } from '../src/testing';

interface Page {
  messages: V2TimMessage[];
  cursor: number;
}
type Pages = InfiniteData<Page, number>;

async function createDraft(manager: MessageManager, name = 'direct.png'): Promise<string> {
  const created = await manager.createImageMessage(await fileToImageMessageParams(createImageFile({ name })));
  if (!created.data) throw new Error(created.desc);
  return created.data.id;
}

const fileInput = () => screen.getByLabelText<HTMLInputElement>('Add images', { selector: 'input' });

/** Where an infinite query keeps its newest messages: the last page. */
const updateLastPage: UpdateMessages<Pages> = (data, update) => {
  if (!data) return data as unknown as Pages;
  const last = data.pages.length - 1;
  const messages = update(data.pages[last]?.messages);
  if (!messages || messages === data.pages[last]?.messages) return data;
  return { ...data, pages: data.pages.map((page, i) => (i === last ? { ...page, messages } : page)) };
};

afterEach(() => vi.restoreAllMocks());

// The cache's writer loads with the first composer that has a queryKey, so rows land a moment after the
// change that moves them: the assertions wait for them.
describe('the cached conversation follows every send, whoever started it', () => {
  it('a send started with manager.sendMessage directly joins the composer’s conversation and ends at status 2', async () => {
    const transport = createMemoryTransport({ steps: 5, latency: 10 });
    const { manager, queryClient } = renderWithImageMessage(
      <ImageMessageComposer receiver="bob" queryKey={['c2c', 'bob']} />,
      { transport },
    );
    queryClient.setQueryData(['c2c', 'bob'], []);
    const id = await createDraft(manager);
    const read = () => queryClient.getQueryData<V2TimMessage[]>(['c2c', 'bob']) ?? [];
    let sending: ReturnType<MessageManager['sendMessage']> | undefined;
    act(() => {
      sending = manager.sendMessage({ id, receiver: 'bob' });
    });
    await waitFor(() => expect(read()).toEqual([expect.objectContaining({ id, status: 1 })]));
    await act(async () => {
      await sending;
    });
    await waitFor(() =>
      expect(read()).toEqual([expect.objectContaining({ id, status: 2, msgID: expect.any(String) })]),
    );
  });

  it('a send to another conversation does not join, and a row already in the list follows a retry from anywhere', async () => {
    const transport = createMemoryTransport({ failures: [{ code: ErrorCode.UPLOAD_FAILED }] });
    const { manager, queryClient } = renderWithImageMessage(
      <ImageMessageComposer receiver="bob" queryKey={['c2c', 'bob']} />,
      { transport },
    );
    queryClient.setQueryData(['c2c', 'bob'], []);
    const read = () => queryClient.getQueryData<V2TimMessage[]>(['c2c', 'bob']) ?? [];
    const toBob = await createDraft(manager, 'bob.png');
    await act(() => manager.sendMessage({ id: toBob, receiver: 'bob' }));
    await waitFor(() => expect(read()).toEqual([expect.objectContaining({ id: toBob, status: 3 })]));
    const toCarol = await createDraft(manager, 'carol.png');
    await act(() => manager.sendMessage({ id: toCarol, receiver: 'carol' }));
    await waitFor(() => expect(read()).toEqual([expect.objectContaining({ id: toBob, status: 3 })]));
    await act(() => manager.sendMessage({ id: toBob, receiver: 'bob' }));
    await waitFor(() => expect(read()).toEqual([expect.objectContaining({ id: toBob, status: 2 })]));
    expect(transport.messages).toHaveLength(2);
  });

  it('cancel through the manager takes the unsent row out, whoever started the send', async () => {
    const transport = createMemoryTransport({ stalls: [{ afterBytes: 100 }] });
    const { manager, queryClient } = renderWithImageMessage(
      <ImageMessageComposer receiver="bob" queryKey={['c2c', 'bob']} />,
      { transport },
    );
    const id = await createDraft(manager);
    const read = () => queryClient.getQueryData<V2TimMessage[]>(['c2c', 'bob']);
    let sending: ReturnType<MessageManager['sendMessage']> | undefined;
    act(() => {
      sending = manager.sendMessage({ id, receiver: 'bob' });
    });
    await waitFor(() => expect(read()).toEqual([expect.objectContaining({ id, status: 1 })]));
    act(() => {
      manager.cancel(id);
    });
    expect((await sending)?.code).toBe(ErrorCode.CANCELED);
    await waitFor(() => expect(read()).toEqual([]));
  });
});

describe('cached data that is not a message list', () => {
  const pages = (): Pages => ({
    pages: [
      { messages: [{ msgID: 'm0', elemType: 3, status: 2 }], cursor: 0 },
      { messages: [], cursor: 1 },
    ],
    pageParams: [0, 1],
  });

  it('without updateMessages: the image is still sent, the data is left as it is, and a warning names updateMessages', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const transport = createMemoryTransport();
    const user = userEvent.setup();
    const { queryClient } = renderWithImageMessage(
      <ImageMessageComposer receiver="bob" queryKey={['infinite', 'bob']} />,
      { transport },
    );
    const before = pages();
    queryClient.setQueryData(['infinite', 'bob'], before);
    await user.upload(fileInput(), createImageFile({ name: 'shape.png' }));
    await screen.findByRole('img', { name: 'shape.png' });
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(transport.messages).toHaveLength(1));
    expect(queryClient.getQueryData(['infinite', 'bob'])).toBe(before);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/updateMessages/);
  });

  it('with updateMessages on the composer: the row goes into the last page, and reaches status 2', async () => {
    const transport = createMemoryTransport({ steps: 4, latency: 5 });
    const user = userEvent.setup();
    const { queryClient } = renderWithImageMessage(
      <ImageMessageComposer receiver="bob" queryKey={['infinite', 'bob']} updateMessages={updateLastPage} />,
      { transport },
    );
    queryClient.setQueryData(['infinite', 'bob'], pages());
    const read = () => queryClient.getQueryData<Pages>(['infinite', 'bob']);
    await user.upload(fileInput(), createImageFile({ name: 'paged.png' }));
    await screen.findByRole('img', { name: 'paged.png' });
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(read()?.pages[1]?.messages).toEqual([expect.objectContaining({ status: 2 })]));
    expect(read()?.pages[0]?.messages).toHaveLength(1);
    expect(read()?.pageParams).toEqual([0, 1]);
  });

  it('with updateMessages on useSendMessage: a failure marks the row 3 in its page', async () => {
    const transport = createMemoryTransport({ failures: [{ code: ErrorCode.NETWORK_DISCONNECT }] });
    let send: ReturnType<typeof useSendMessage> | undefined;
    function Sender() {
      send = useSendMessage({ queryKey: ['infinite', 'bob'], updateMessages: updateLastPage });
      return null;
    }
    const { manager, queryClient } = renderWithImageMessage(<Sender />, { transport });
    queryClient.setQueryData(['infinite', 'bob'], pages());
    const id = await createDraft(manager);
    act(() => send?.mutate({ id, receiver: 'bob' }));
    await waitFor(() => expect(send?.isError).toBe(true));
    expect(queryClient.getQueryData<Pages>(['infinite', 'bob'])?.pages[1]?.messages).toEqual([
      expect.objectContaining({ id, status: 3 }),
    ]);
  });
});

describe('the composer without react-query', () => {
  it('sends without a QueryClientProvider when it has no queryKey, and says what to add when it has one', async () => {
    const transport = createMemoryTransport();
    const manager = createMessageManager({ transport });
    const user = userEvent.setup();
    const view = render(
      <ImageMessageProvider manager={manager}>
        <ImageMessageComposer receiver="bob" />
      </ImageMessageProvider>,
    );
    await user.upload(fileInput(), createImageFile({ name: 'plain.png' }));
    await screen.findByRole('img', { name: 'plain.png' });
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(transport.messages).toHaveLength(1));
    view.unmount();

    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() =>
      render(
        <ImageMessageProvider manager={manager}>
          <ImageMessageComposer receiver="bob" queryKey={['c2c', 'bob']} />
        </ImageMessageProvider>,
      ),
    ).toThrow(/queryKey.*<QueryClientProvider client=\{queryClient\}>/);
  });
});
