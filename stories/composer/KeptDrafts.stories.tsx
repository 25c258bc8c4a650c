import type { StoredImageMessage } from '@image-message/core';
import { ImageMessageComposer } from '@image-message/react';
import { dropFiles } from '@image-message/react/testing';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { composerArgTypes } from '../support/composerArgTypes';
import { loadImageMessage, storyTransport, withImageMessage } from '../support/ImageMessageStoryProviders';
import { paintImageFile } from '../support/paintImageFile';
import { fullStore, keptStore } from '../support/storyStores';
import { enUSDark, textsFor, zhCNDark, zhCNLight } from '../support/storyVariants';

const DOCS = `
With \`<ImageMessageProvider transport={…} persist>\` drafts and unsent messages are kept in IndexedDB (the
store's code loads only then): after a reload each composer shows its drafts again, and a send the reload
interrupted comes back failed, with Retry — the same message id, so the server stores it once. Entries
leave when sent or removed. When the device cannot keep a draft (storage full, over a cap),
\`<ImageMessageComposer.StorageAlert>\` says so; sending still works. Call \`clearPersisted()\` from
\`@image-message/core/persist\` on sign-out.

These stories give the manager an in-memory stand-in for the IndexedDB store
(\`createMessageManager({ transport, store })\`).
`;

/**
 * Drafts that survive a reload (`persist`), and what the user sees when the device cannot keep them.
 */
const meta = {
  title: 'Composer/Kept across reloads',
  component: ImageMessageComposer,
  argTypes: composerArgTypes,
  decorators: [withImageMessage],
  loaders: [loadImageMessage],
  args: { receiver: 'bob', onSent: fn() },
  parameters: { docs: { description: { component: DOCS } } },
} satisfies Meta<typeof ImageMessageComposer>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Storage is full (the store's `save` rejects with `STORAGE_FULL`): an alert says the drafts are not kept
 * on this device and to keep the page open. Nothing else changes: they can be sent as ever.
 */
export const StorageFull: Story = {
  name: 'Storage full',
  parameters: { imageMessage: { store: fullStore } },
  play: async ({ canvas, args }) => {
    const text = textsFor(args.locale);
    await dropFiles(canvas.getByRole('button', { name: text.addImages }), [
      await paintImageFile({
        name: 'whiteboard.jpg',
        width: 1600,
        height: 1200,
        type: 'image/jpeg',
        hue: 60,
      }),
      await paintImageFile({ name: 'menu.png', width: 800, height: 1100, hue: 320 }),
    ]);
    await canvas.findByRole('img', { name: 'whiteboard.jpg' });
    await canvas.findByRole('img', { name: 'menu.png' });
    await expect(await canvas.findByRole('alert')).toHaveTextContent(text.unsaved(2));
    await expect(canvas.getByRole('button', { name: text.send })).toBeEnabled();
  },
};

export const StorageFullDark: Story = { ...StorageFull, ...enUSDark, name: 'Storage full (dark)' };
export const StorageFullZhCN: Story = { ...StorageFull, ...zhCNLight, name: 'Storage full (zh-CN)' };
export const StorageFullZhCNDark: Story = { ...StorageFull, ...zhCNDark, name: 'Storage full (zh-CN, dark)' };

/** With storage full the drafts live in memory and still send; the alert leaves with them. */
export const StorageFullStillSends: Story = {
  name: 'Storage full, still sends',
  parameters: { imageMessage: { store: fullStore, transport: { steps: 4, latency: 20 } } },
  play: async (context) => {
    await StorageFull.play?.(context);
    const { canvas, args } = context;
    await userEvent.click(canvas.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(args.onSent).toHaveBeenCalledTimes(2));
    await expect(storyTransport(context).messages).toHaveLength(2);
    await waitFor(() => expect(canvas.queryByRole('alert')).toBeNull());
  },
};

/** What the store kept before "the reload": a draft, and a send the reload interrupted. */
async function keptBeforeReload(): Promise<StoredImageMessage[]> {
  const entry = async (
    id: string,
    status: StoredImageMessage['status'],
    painted: { name: string; width: number; height: number; hue: number },
  ): Promise<StoredImageMessage> => {
    const file = await paintImageFile({ ...painted, type: 'image/jpeg' });
    return {
      id,
      bytes: new Uint8Array(await file.arrayBuffer()),
      mimeType: 'image/jpeg',
      fileName: painted.name,
      width: painted.width,
      height: painted.height,
      conversation: { receiver: 'bob' },
      status,
      savedAt: Date.now(),
    };
  };
  return [
    await entry('img_kept_draft', 'created', { name: 'garden.jpg', width: 1200, height: 900, hue: 110 }),
    await entry('img_kept_sending', 'sending', { name: 'tickets.jpg', width: 900, height: 1200, hue: 20 }),
  ];
}

/** The store of the story being played (each render makes its own). */
let kept: ReturnType<typeof keptStore> | undefined;

/**
 * After a reload: the draft is back, and the send the reload interrupted is back as failed with an alert
 * and Retry. Retry sends it under its kept id; Send sends the draft. Both leave the store once sent.
 */
export const RestoredAfterReload: Story = {
  name: 'Restored after a reload',
  parameters: {
    imageMessage: {
      store: () => {
        kept = keptStore(keptBeforeReload);
        return kept;
      },
      transport: { steps: 4, latency: 20 },
    },
  },
  play: async (context) => {
    const { canvas, args } = context;
    const text = textsFor(args.locale);
    const garden = (await canvas.findByRole('img', { name: 'garden.jpg' })).closest('li') as HTMLElement;
    const tickets = (await canvas.findByRole('img', { name: 'tickets.jpg' })).closest('li') as HTMLElement;
    await expect(garden).toHaveAttribute('data-state', 'created');
    await expect(tickets).toHaveAttribute('data-state', 'failed');
    await expect(within(tickets).getByRole('alert')).toHaveTextContent(text.interrupted('tickets.jpg'));

    await userEvent.click(within(tickets).getByRole('button', { name: text.retry }));
    await waitFor(() => expect(args.onSent).toHaveBeenCalledTimes(1));
    await userEvent.click(canvas.getByRole('button', { name: text.send }));
    await waitFor(() => expect(args.onSent).toHaveBeenCalledTimes(2));
    const transport = storyTransport(context);
    await expect(transport.messages.map(({ message }) => message.id).sort()).toEqual([
      'img_kept_draft',
      'img_kept_sending',
    ]);
    await expect(transport.attempts).toHaveLength(2);
    await waitFor(() => expect([...(kept?.saved.keys() ?? ['no store'])]).toEqual([]));
  },
};

export const RestoredAfterReloadZhCNDark: Story = {
  ...RestoredAfterReload,
  ...zhCNDark,
  name: 'Restored after a reload (zh-CN, dark)',
};
