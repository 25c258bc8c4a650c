import { ErrorCode } from '@image-message/core';
import { createImageFile, dropFiles } from '@image-message/react/testing';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, fn, waitFor, within } from 'storybook/test';
import { composerArgTypes } from '../support/composerArgTypes';
import { loadImageMessage, storyTransport, withImageMessage } from '../support/ImageMessageStoryProviders';
import { paintImageFile } from '../support/paintImageFile';
import { ChatInputBar } from './ChatInputBar';

const SOURCE = `
The stock \`<ImageMessageComposer>\` is these parts in one order; rearrange them for your own look.
Every part renders one element, forwards its ref and passes other props through; the behaviour lives in
\`Root\`. Keep the accessibility contract when you replace content: an icon button still needs its text
(here visually hidden), and render \`PreviewInfo\` (visible or not) — the draft buttons are described by it.

\`\`\`tsx
<ImageMessageComposer.Root receiver="bob" className="chat-bar">
  <ImageMessageComposer.DropzoneInput />
  <ImageMessageComposer.Rejections />
  <ImageMessageComposer.Previews className="chat-bar__strip">
    {(draft) => (
      <ImageMessageComposer.Preview key={draft.id} draft={draft} className="chat-thumb">
        <ImageMessageComposer.PreviewImage />
        <ImageMessageComposer.PreviewInfo />
        <ImageMessageComposer.Progress />
        <ImageMessageComposer.CancelButton>…</ImageMessageComposer.CancelButton>
        <ImageMessageComposer.RetryButton>…</ImageMessageComposer.RetryButton>
        <ImageMessageComposer.RemoveButton>…</ImageMessageComposer.RemoveButton>
      </ImageMessageComposer.Preview>
    )}
  </ImageMessageComposer.Previews>
  {/* failed drafts: <ImageMessageComposer.DraftError draft={draft} /> */}
  <div className="chat-bar__row">
    <ImageMessageComposer.Dropzone>
      <ImageMessageComposer.DropzoneButton>📎 <span className="im-visually-hidden">Add images</span></ImageMessageComposer.DropzoneButton>
      {/* const { ids } = useComposer('Hint'): the id that describes the Add images button */}
      <span id={ids.hint}>Drop images here, paste, or click to choose</span>
    </ImageMessageComposer.Dropzone>
    <ImageMessageComposer.SendButton />
  </div>
  <ImageMessageComposer.Status />
</ImageMessageComposer.Root>
\`\`\`

The full source is \`stories/custom/ChatInputBar.tsx\` with its plain CSS in \`ChatInputBar.css\`.
`;

/** A messenger-style input bar assembled from `ImageMessageComposer.Root`, `.Dropzone`, `.Previews` and the other parts. */
const meta = {
  title: 'Composer/Custom look from the parts',
  component: ChatInputBar,
  argTypes: composerArgTypes,
  decorators: [withImageMessage],
  loaders: [loadImageMessage],
  args: { receiver: 'bob', onSent: fn(), onError: fn() },
  parameters: { docs: { description: { component: SOURCE } } },
} satisfies Meta<typeof ChatInputBar>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Nothing attached: just the bar, paperclip and a disabled Send. */
export const Empty: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button', { name: 'Add images' })).toHaveAccessibleDescription(
      'Drop images here, paste, or click to choose',
    );
    await expect(canvas.getByLabelText('Add images', { selector: 'input[type=file]' })).toBeInTheDocument();
    await expect(canvas.getByRole('button', { name: 'Send' })).toBeDisabled();
  },
};

/**
 * Every draft state at once in the custom layout: one uploading (held at half), one failed with Retry,
 * one ready to send. Each is reached the way a user would — drop, then Send — with the memory transport
 * told to hold or fail that particular send.
 */
export const DraftStates: Story = {
  play: async (context) => {
    const { canvas, args } = context;
    const transport = storyTransport(context);
    const addImages = canvas.getByRole('button', { name: 'Add images' });
    const [uploading, failing, ready] = await Promise.all([
      paintImageFile({ name: 'kayak.png', width: 1200, height: 800, hue: 180 }),
      paintImageFile({ name: 'menu-board.jpg', width: 700, height: 1100, type: 'image/jpeg', hue: 20 }),
      paintImageFile({ name: 'sunrise.webp', width: 1000, height: 1000, type: 'image/webp', hue: 45 }),
    ]);

    transport.stallNext({ afterBytes: Math.round(uploading.size * 0.5) });
    await dropFiles(addImages, [uploading]);
    await canvas.findByRole('img', { name: 'kayak.png' });
    await fireEvent.click(canvas.getByRole('button', { name: 'Send' }));
    await canvas.findByRole('progressbar', { name: 'Uploading kayak.png' });

    transport.failNext({ code: ErrorCode.UPLOAD_FAILED, afterBytes: Math.round(failing.size * 0.3) });
    await dropFiles(addImages, [failing]);
    await canvas.findByRole('img', { name: 'menu-board.jpg' });
    await fireEvent.click(canvas.getByRole('button', { name: 'Send' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      "menu-board.jpg couldn't be uploaded. Press Retry to try again.",
    );

    await dropFiles(addImages, [ready]);
    await canvas.findByRole('img', { name: 'sunrise.webp' });

    const bar = canvas.getByRole('progressbar', { name: 'Uploading kayak.png' });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '50'));
    const strip = canvas.getByRole('list', { name: 'Images to send' });
    const [first, second, third] = within(strip).getAllByRole('listitem');
    await expect(within(first as HTMLElement).getByRole('button', { name: 'Cancel' })).toBeVisible();
    await expect(within(second as HTMLElement).getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(
      within(third as HTMLElement).getByRole('button', { name: 'Remove' }),
    ).toHaveAccessibleDescription('sunrise.webp');
    await expect(canvas.getByRole('button', { name: 'Send' })).toBeEnabled();
    await expect(args.onError).toHaveBeenCalledWith(
      expect.objectContaining({ code: ErrorCode.UPLOAD_FAILED }),
    );
  },
};

/**
 * The same parts in Chinese and dark: only the root's props change. Dark comes from the toolbar's theme
 * global here, which adds `im-theme-dark` to the `className` arg.
 */
export const DarkZhCN: Story = {
  name: 'Dark, zh-CN',
  args: { locale: 'zh-CN' },
  globals: { theme: 'dark' },
  play: async ({ canvas }) => {
    await dropFiles(canvas.getByRole('button', { name: '添加图片' }), [
      createImageFile({ name: '照片.png', width: 400, height: 300 }),
      new File([], '空.png', { type: 'image/png' }),
    ]);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('空.png 是空文件，请选择其他图片。');
    await canvas.findByRole('img', { name: '照片.png' });
    await expect(canvas.getByRole('button', { name: '移除' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: '发送' })).toBeEnabled();
    await expect(canvas.getByRole('group', { name: '发送图片' })).toHaveClass('chat-bar', 'im-theme-dark');
  },
};
