import { IMAGE_MAX_BYTES } from '@image-message/core';
import { IMAGE_ACCEPT, ImageMessageComposer } from '@image-message/react';
import { createImageFile, dragFilesOver, dropFiles, pasteFiles } from '@image-message/react/testing';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, fn, waitFor, within } from 'storybook/test';
import { composerArgTypes } from './support/composerArgTypes';
import { loadImageMessage, storyTransport, withImageMessage } from './support/ImageMessageStoryProviders';
import { paintImageFile } from './support/paintImageFile';

const USAGE = `
Drop, pick (click, Enter or Space on **Add images**) or paste (Ctrl/⌘+V) images; each becomes a draft
with a preview, its size and dimensions. **Send** uploads every draft with live progress; a draft can be
canceled, retried (same message id, so the server keeps one message) or removed. Files that cannot be
sent never upload: they show as alerts that say what to do.

\`\`\`tsx
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createHttpTransport } from '@image-message/core';
import { ImageMessageComposer, ImageMessageProvider } from '@image-message/react';
import '@image-message/react/styles.css';

const queryClient = new QueryClient();
const transport = createHttpTransport({ baseUrl: '/im', token: () => session.token });

export function ChatInput({ peer }: { peer: string }) {
  return (
    <QueryClientProvider client={queryClient}>
      <ImageMessageProvider transport={transport}>
        <ImageMessageComposer
          receiver={peer}            // or groupID="team" (both: a group message only peer sees)
          locale="zh-CN"             // en-US by default; override any text with messages={…}
          onSent={(message) => console.log('sent', message.msgID)}
          onError={(error) => console.warn(error.code, error.desc)}
        />
      </ImageMessageProvider>
    </QueryClientProvider>
  );
}
\`\`\`

Accessibility: a labelled file input; \`<img alt={fileName}>\` per draft; buttons Send / Cancel / Retry /
Remove; \`role="progressbar"\` with \`aria-valuenow\`; every rejection and failure as \`role="alert"\`; a
polite \`role="status"\` region announcing added, sent and failed images. Theme with the \`--im-*\` custom
properties, \`className="im-theme-dark"\`, or lay the parts out yourself (see *Custom look*).
`;

/**
 * The composer's looks before anything is sent: empty, while a file is dragged over it, with drafts, in
 * Chinese and dark. Sending, rejections and the custom layout have stories of their own.
 */
const meta = {
  title: 'Composer/ImageMessageComposer',
  component: ImageMessageComposer,
  decorators: [withImageMessage],
  loaders: [loadImageMessage],
  args: { receiver: 'bob', onSent: fn(), onError: fn(), onReject: fn() },
  argTypes: composerArgTypes,
  parameters: { docs: { description: { component: USAGE } } },
} satisfies Meta<typeof ImageMessageComposer>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Nothing added yet: the drop zone with its one control, Send disabled. */
export const Empty: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('group', { name: 'Send images' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Add images' })).toHaveAccessibleDescription(
      'Drop images here, paste, or click to choose',
    );
    await expect(canvas.getByLabelText('Add images', { selector: 'input[type=file]' })).toHaveAttribute(
      'accept',
      IMAGE_ACCEPT,
    );
    await expect(canvas.getByRole('button', { name: 'Send' })).toBeDisabled();
  },
};

/** The whole path: drop an image, press Send, `onSent` gets the delivered message. */
export const DropAndSend: Story = {
  parameters: { imageMessage: { transport: { steps: 5, latency: 40 } } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const zone = canvas.getByRole('button', { name: 'Add images' });
    await dropFiles(zone, [createImageFile({ name: 'sunset.png', width: 320, height: 200 })]);
    await canvas.findByRole('img', { name: 'sunset.png' });
    await fireEvent.click(canvas.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(args.onSent).toHaveBeenCalledTimes(1));
    await expect(args.onSent).toHaveBeenCalledWith(expect.objectContaining({ status: 2, userID: 'bob' }));
  },
};

/** An image is dragged over the zone: the accepting look and hint. Nothing is dropped. */
export const DragOverAccept: Story = {
  play: async ({ canvas }) => {
    const button = canvas.getByRole('button', { name: 'Add images' });
    dragFilesOver(button, [createImageFile({ name: 'holiday.png' })]);
    const zone = button.closest('[data-im-part="dropzone"]') as HTMLElement;
    await waitFor(() => expect(zone).toHaveAttribute('data-state', 'accept'));
    await expect(button).toHaveAccessibleDescription('Drop to add');
  },
};

/** A PDF is dragged over the zone: the refusing look tells the user before they let go. */
export const DragOverReject: Story = {
  play: async ({ canvas }) => {
    const button = canvas.getByRole('button', { name: 'Add images' });
    dragFilesOver(button, [new File(['%PDF-1.7'], 'invoice.pdf', { type: 'application/pdf' })]);
    const zone = button.closest('[data-im-part="dropzone"]') as HTMLElement;
    await waitFor(() => expect(zone).toHaveAttribute('data-state', 'reject'));
    await expect(button).toHaveAccessibleDescription('Only images can be sent');
  },
};

/** One photo added: its preview, name, size and dimensions, Remove, and Send enabled. */
export const OneDraft: Story = {
  play: async ({ canvas, args }) => {
    await dropFiles(canvas.getByRole('button', { name: 'Add images' }), [
      await paintImageFile({ name: 'beach.jpg', width: 1600, height: 1200, type: 'image/jpeg', hue: 190 }),
    ]);
    const image = await canvas.findByRole('img', { name: 'beach.jpg' });
    const draft = within(image.closest('li') as HTMLElement);
    await expect(draft.getByText(/1600 × 1200/)).toBeVisible();
    await expect(draft.getByRole('button', { name: 'Remove' })).toHaveAccessibleDescription('beach.jpg');
    // The drag is over: the zone is back to its resting look and hint.
    const addImages = canvas.getByRole('button', { name: 'Add images' });
    await expect(addImages.closest('[data-im-part="dropzone"]')).toHaveAttribute('data-state', 'idle');
    await expect(addImages).toHaveAccessibleDescription('Drop images here, paste, or click to choose');
    await expect(canvas.getByRole('button', { name: 'Send' })).toBeEnabled();
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('1 image added'));
    await expect(args.onSent).not.toHaveBeenCalled();
  },
};

/** Ctrl/⌘+V with two screenshots on the clipboard: both become drafts through the same pipeline as a drop. */
export const PasteImages: Story = {
  play: async ({ canvas }) => {
    pasteFiles(canvas.getByRole('group', { name: 'Send images' }), [
      await paintImageFile({ name: 'screenshot-1.png', width: 1440, height: 900, hue: 200 }),
      await paintImageFile({ name: 'screenshot-2.png', width: 390, height: 844, hue: 330 }),
    ]);
    await canvas.findByRole('img', { name: 'screenshot-1.png' });
    await canvas.findByRole('img', { name: 'screenshot-2.png' });
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('2 images added'));
    await expect(canvas.getByRole('button', { name: 'Send' })).toBeEnabled();
  },
};

/**
 * Six different drafts at once — every accepted format, a tall and a wide image, a very long file name,
 * a 9 MB 12 MP photo — to check thumbnails crop (`object-fit: cover`) and long names ellipsize. Each draft
 * shows what will be sent: the 12 MP photo downscaled to 2560 × 1920, at its prepared size.
 */
export const SixDrafts: Story = {
  play: async ({ canvas }) => {
    const files = [
      await paintImageFile({ name: 'tall-receipt.png', width: 360, height: 1400, hue: 30 }),
      await paintImageFile({ name: 'panorama.jpg', width: 2400, height: 500, type: 'image/jpeg', hue: 150 }),
      await paintImageFile({
        name: 'IMG_20240518_173455_HDR_edited_final_v3_really_final_for_the_group_chat.webp',
        width: 800,
        height: 800,
        type: 'image/webp',
        hue: 280,
      }),
      createImageFile({ format: 'gif', name: 'wave.gif', width: 480, height: 270 }),
      createImageFile({ format: 'bmp', name: 'scan.bmp', width: 300, height: 420 }),
      createImageFile({ format: 'jpeg', name: 'camera.jpg', width: 4032, height: 3024, size: 9_400_000 }),
    ];
    await dropFiles(canvas.getByRole('button', { name: 'Add images' }), files);
    await waitFor(() => expect(canvas.getAllByRole('img')).toHaveLength(6), { timeout: 5000 });
    // Drafts keep the order the files came in, whatever finished reading first.
    await expect(canvas.getAllByRole('img').map((image) => image.getAttribute('alt'))).toEqual(
      files.map((file) => file.name),
    );
    const camera = within(canvas.getByRole('img', { name: 'camera.jpg' }).closest('li') as HTMLElement);
    await expect(camera.getByText(/2560 × 1920/)).toBeVisible();
    await expect(camera.queryByText(/9 MB/)).toBeNull();
    await expect(canvas.getAllByRole('button', { name: 'Remove' })).toHaveLength(6);
  },
};

/**
 * Every visible and announced text in Chinese: a draft uploading (held at 40 %) and a too-large file.
 * The memory transport holds the upload so 取消 stays on screen.
 */
export const ChineseZhCN: Story = {
  name: 'zh-CN',
  args: { locale: 'zh-CN' },
  parameters: { imageMessage: { transport: { steps: 10, stalls: [{ afterBytes: 400_000 }] } } },
  play: async ({ canvas }) => {
    await dropFiles(canvas.getByRole('button', { name: '添加图片' }), [
      createImageFile({ name: '猫.png', width: 640, height: 480, size: 1_000_000 }),
      createImageFile({ name: 'huge.png', size: IMAGE_MAX_BYTES + 1 }),
    ]);
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'huge.png 大小为 28.1 MB，图片须小于 28 MB。请选择更小的图片或先压缩。',
    );
    await canvas.findByRole('img', { name: '猫.png' });
    await fireEvent.click(canvas.getByRole('button', { name: '发送' }));
    const bar = await canvas.findByRole('progressbar', { name: '正在上传 猫.png' });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '40'));
    await expect(bar).toHaveAttribute('aria-valuetext', '已上传 40%');
    await expect(canvas.getByRole('button', { name: '取消' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: '关闭' })).toBeVisible();
  },
};

/**
 * `className="im-theme-dark"` on a dark page, with two drafts uploading, a rejection and the drop zone: every colour pair must still pass axe's contrast check.
 */
export const Dark: Story = {
  args: { className: 'im-theme-dark' },
  decorators: [
    (Story) => (
      <div className="story-dark">
        <Story />
      </div>
    ),
  ],
  parameters: { imageMessage: { transport: { steps: 10 } } },
  play: async (context) => {
    const { canvas } = context;
    const night = await paintImageFile({ name: 'night-sky.png', width: 900, height: 600, hue: 240 });
    const city = await paintImageFile({
      name: 'city.jpg',
      width: 600,
      height: 900,
      type: 'image/jpeg',
      hue: 10,
    });
    // Painted files have no fixed size, so hold each upload part-way from here rather than in parameters.
    const transport = storyTransport(context);
    transport.stallNext({ afterBytes: Math.round(night.size * 0.6) });
    transport.stallNext({ afterBytes: Math.round(city.size * 0.3) });
    await dropFiles(canvas.getByRole('button', { name: 'Add images' }), [
      night,
      city,
      new File([], 'empty.png', { type: 'image/png' }),
    ]);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('empty.png is empty.');
    await canvas.findByRole('img', { name: 'night-sky.png' });
    await canvas.findByRole('img', { name: 'city.jpg' });
    await fireEvent.click(canvas.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(canvas.getAllByRole('progressbar')).toHaveLength(2));
    await expect(canvas.getByRole('group', { name: 'Send images' })).toHaveClass('im-theme-dark');
  },
};
