import {
  ErrorCode,
  fileToImageMessageParams,
  type MessageManager,
  type V2TimMessage,
} from '@image-message/core';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ImageMessageView, useSendState } from '../src';
import { createImageFile, renderWithImageMessage } from '../src/testing';
import { setupManager } from './helpers';

const FILE_BYTES = 10_000;

async function createMessage(manager: MessageManager): Promise<V2TimMessage> {
  const file = createImageFile({ name: 'harbour.png', width: 640, height: 480, size: FILE_BYTES });
  const created = await manager.createImageMessage(await fileToImageMessageParams(file));
  if (!created.data) throw new Error(created.desc);
  return created.data.messageInfo;
}

/** The app's view of its own message: the manager's copy, as a cache kept in step would hold it. */
function OwnMessage({
  id,
  ...props
}: { id: string } & Omit<Parameters<typeof ImageMessageView>[0], 'message'>) {
  const send = useSendState(id);
  return send ? <ImageMessageView message={send.message} {...props} /> : null;
}

function setup(options: Parameters<typeof setupManager>[0]) {
  const { manager, transport, queryClient } = setupManager(options);
  return { manager, transport, queryClient };
}

describe('ImageMessageView: the sender’s own message, inside a provider', () => {
  it('shows the local preview and the upload’s progress, and Cancel stops the send in the manager', async () => {
    const { manager, transport, queryClient } = setup({
      steps: 10,
      stalls: [{ afterBytes: 0.4 * FILE_BYTES }],
    });
    const message = await createMessage(manager);
    const id = message.id as string;
    renderWithImageMessage(<OwnMessage id={id} />, { manager, transport, queryClient });
    const sent = manager.sendMessage({ id, receiver: 'bob' });

    // The manager keeps the name of every image it sends: the controls use it.
    const bar = await screen.findByRole('progressbar', { name: 'Uploading image harbour.png' });
    expect(screen.getByRole('button', { name: 'Open image harbour.png' })).toBeInTheDocument();
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '40'));
    expect(screen.getByRole('img')).toHaveAttribute('src', message.imageElem?.imageList?.[0]?.localUrl);
    expect(bar.closest('.im-view')).toHaveAttribute('data-state', 'sending');

    await userEvent.click(screen.getByRole('button', { name: 'Cancel upload' }));
    expect((await sent).code).toBe(ErrorCode.CANCELED);
    expect(await screen.findByText('Upload canceled')).toBeVisible();
    expect(manager.getSendState(id)?.status).toBe('canceled');
  });

  it('offers Retry after a failure, which sends the same id once more and ends sent', async () => {
    const { manager, transport, queryClient } = setup({
      steps: 4,
      failures: [{ code: ErrorCode.UPLOAD_FAILED, afterBytes: FILE_BYTES / 2 }],
    });
    const message = await createMessage(manager);
    const id = message.id as string;
    renderWithImageMessage(<OwnMessage id={id} />, { manager, transport, queryClient });
    await act(() => manager.sendMessage({ id, receiver: 'bob' }));

    const retry = await screen.findByRole('button', { name: 'Retry sending' });
    expect(retry).toHaveAccessibleDescription('Not sent');
    expect(retry.closest('.im-view')).toHaveAttribute('data-state', 'failed');
    await userEvent.click(retry);

    await waitFor(() => expect(manager.getSendState(id)?.status).toBe('sent'));
    expect(transport.attempts.map((attempt) => [attempt.id, attempt.receiver, attempt.outcome])).toEqual([
      [id, 'bob', 'failed'],
      [id, 'bob', 'sent'],
    ]);
    expect(transport.messages).toHaveLength(1);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Retry sending' })).toBeNull());
    // Delivered: the box now loads the delivered image (not the local preview), and the progress bar is gone.
    const delivered = transport.messages[0]?.message.imageElem?.imageList?.map((image) => image.url);
    await waitFor(() => expect(delivered).toContain(screen.getByRole('img').getAttribute('src')));
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('lets the app decide: onCancel and onRetry replace the manager’s actions', async () => {
    const { manager, transport, queryClient } = setup({ stalls: [{ afterBytes: 0 }] });
    const message = await createMessage(manager);
    const id = message.id as string;
    const onCancel = vi.fn();
    renderWithImageMessage(<OwnMessage id={id} onCancel={onCancel} locale="zh-CN" />, {
      manager,
      transport,
      queryClient,
    });
    void manager.sendMessage({ id, receiver: 'bob' });
    await userEvent.click(await screen.findByRole('button', { name: '取消上传' }));
    expect(onCancel).toHaveBeenCalledWith(expect.objectContaining({ id }));
    expect(manager.getSendState(id)?.status).toBe('sending');
    manager.cancel(id);
  });
});
