import 'fake-indexeddb/auto';
import { createMessageManager, type MessageStore } from '@image-message/core';
import { clearPersisted } from '@image-message/core/persist';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ImageMessageComposer, ImageMessageProvider } from '../src';
import {
  createImageFile,
  createMemoryTransport,
  type MemoryTransport,
  renderWithImageMessage,
} from '../src/testing';

afterEach(() => clearPersisted());

/** One page load: a provider that keeps drafts, over a transport shared by every load (the server). */
function load(
  transport: MemoryTransport,
  receiver: string | undefined = 'bob',
  target: { groupID?: string; locale?: string } = {},
) {
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <ImageMessageProvider transport={transport} persist>
        <ImageMessageComposer receiver={receiver} {...target} />
      </ImageMessageProvider>
    </QueryClientProvider>,
  );
}

const fileInput = () =>
  screen.getByLabelText<HTMLInputElement>(/^Add images$|^添加图片$/, { selector: 'input' });

describe('<ImageMessageProvider persist>', () => {
  it('shows the drafts again after a reload, in their own conversation, and sends them once', async () => {
    const transport = createMemoryTransport();
    const user = userEvent.setup();
    const first = load(transport);
    await user.upload(fileInput(), [
      createImageFile({ name: 'kept-1.png' }),
      createImageFile({ name: 'kept-2.png' }),
    ]);
    await screen.findByRole('img', { name: 'kept-2.png' });
    // Writes land in IndexedDB in the background.
    await new Promise((resolve) => setTimeout(resolve, 50));
    first.unmount();

    const other = load(transport, 'carol');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('img', { name: 'kept-1.png' })).toBeNull();
    other.unmount();

    load(transport);
    expect(await screen.findByRole('img', { name: 'kept-1.png' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'kept-2.png' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(transport.messages).toHaveLength(2));
    expect(transport.messages.map(({ message }) => message.userID)).toEqual(['bob', 'bob']);
    await waitFor(() => expect(screen.queryByRole('img', { name: /kept/ })).toBeNull());
  });

  it('a send cut by a reload comes back as failed with Retry; Retry stores the message exactly once', async () => {
    const transport = createMemoryTransport({ stalls: [{ afterBytes: 100 }] });
    const user = userEvent.setup();
    const first = load(transport);
    await user.upload(fileInput(), createImageFile({ name: 'cut.png', size: 5_000 }));
    await screen.findByRole('img', { name: 'cut.png' });
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await screen.findByRole('progressbar', { name: 'Uploading cut.png' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    first.unmount();

    load(transport);
    const image = await screen.findByRole('img', { name: 'cut.png' });
    const draft = image.closest('li') as HTMLElement;
    expect(draft).toHaveAttribute('data-state', 'failed');
    await user.click(within(draft).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(transport.messages).toHaveLength(1));
    expect(transport.attempts.filter((attempt) => attempt.outcome === 'sent')).toHaveLength(1);
  });

  it('a send to one member of a group cut by a reload says where Retry sends it, and goes there, not to the group', async () => {
    const transport = createMemoryTransport({ stalls: [{ afterBytes: 100 }] });
    const user = userEvent.setup();
    const first = load(transport, 'bob', { groupID: 'team' });
    await user.upload(fileInput(), createImageFile({ name: 'for-bob.png', size: 5_000 }));
    await screen.findByRole('img', { name: 'for-bob.png' });
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await screen.findByRole('progressbar', { name: 'Uploading for-bob.png' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    first.unmount();

    // After the reload the group's composer points at everyone in it.
    load(transport, '', { groupID: 'team', locale: 'zh-CN' });
    const draft = (await screen.findByRole('img', { name: 'for-bob.png' })).closest('li') as HTMLElement;
    expect(draft).toHaveAttribute('data-state', 'failed');
    expect(within(draft).getByText('重试将仅发给 bob')).toBeInTheDocument();
    const retry = within(draft).getByRole('button', { name: '重试' });
    expect(retry).toHaveAccessibleDescription(/重试将仅发给 bob/);
    await user.click(retry);
    await waitFor(() => expect(transport.messages).toHaveLength(1));
    expect(transport.messages.map(({ message }) => [message.groupID, message.userID])).toEqual([
      ['team', 'bob'],
    ]);
    await waitFor(() => expect(screen.queryByRole('img', { name: 'for-bob.png' })).toBeNull());
  });

  it('a draft never sent follows the composer: no address note, sent to everyone the composer points at', async () => {
    const transport = createMemoryTransport();
    const user = userEvent.setup();
    const first = load(transport, 'bob', { groupID: 'team' });
    await user.upload(fileInput(), createImageFile({ name: 'draft.png' }));
    await screen.findByRole('img', { name: 'draft.png' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    first.unmount();

    load(transport, '', { groupID: 'team' });
    const draft = (await screen.findByRole('img', { name: 'draft.png' })).closest('li') as HTMLElement;
    expect(within(draft).queryByText(/Retry sends it/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(transport.messages).toHaveLength(1));
    expect(transport.messages[0]?.message).toMatchObject({ groupID: 'team' });
    expect(transport.messages[0]?.message.userID).toBeUndefined();
  });
});

describe('when drafts cannot be kept', () => {
  it('says so in an alert (both locales), and the image still sends from memory', async () => {
    const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    const store: MessageStore = {
      load: async () => [],
      save: () => Promise.reject(quota),
      update: async () => {},
      remove: async () => {},
    };
    const transport = createMemoryTransport();
    const manager = createMessageManager({ transport, store });
    const user = userEvent.setup();
    const view = renderWithImageMessage(<ImageMessageComposer receiver="bob" />, { manager, transport });
    await user.upload(fileInput(), createImageFile({ name: 'big.png' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "1 image isn't saved on this device: there is no room for it. Keep this page open until it's sent.",
    );
    view.rerender(<ImageMessageComposer receiver="bob" locale="zh-CN" />);
    expect(await screen.findByRole('alert')).toHaveTextContent('1 张图片无法保存在此设备上');
    await user.click(screen.getByRole('button', { name: '发送' }));
    await waitFor(() => expect(transport.messages).toHaveLength(1));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });
});
