import { ErrorCode, type V2TimMessage } from '@image-message/core';
import { ImageMessageView } from '@image-message/react';
import { createImageFile } from '@image-message/react/testing';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { withImageMessage } from '../support/ImageMessageStoryProviders';
import { OwnImageMessage } from '../support/OwnImageMessage';
import { MIXED_SHAPES, paintedConversation, paintedMessage } from '../support/paintedMessages';

interface ViewStoryArgs {
  locale?: 'en-US' | 'zh-CN';
  /** The dark theme (toolbar) adds `im-theme-dark` here; it reaches the views from this ancestor. */
  className?: string;
}

/** The conversation as a chat list: each image message in a bubble, paging through all of them. */
function Conversation({ messages, locale, className }: ViewStoryArgs & { messages: V2TimMessage[] }) {
  return (
    <ul className={`story-view-list ${className ?? ''}`.trim()}>
      {messages.map((message) => (
        <li key={message.id} className={message.isSelf ? 'story-view-list__mine' : undefined}>
          <ImageMessageView message={message} conversation={messages} locale={locale} />
        </li>
      ))}
    </ul>
  );
}

const conversationOf = (loaded: Record<string, unknown>) => loaded.conversation as V2TimMessage[];
const boxes = (canvasElement: HTMLElement) => [...canvasElement.querySelectorAll<HTMLElement>('.im-view')];

/**
 * `<ImageMessageView>` shows one image message in a conversation. Each box has its image's shape
 * before any byte arrives (from the ORIGIN's width and height), loads the smallest variant that covers
 * it on this screen, and paints the message's ThumbHash until the image is in.
 */
const meta = {
  title: 'View/ImageMessageView',
  decorators: [withImageMessage],
  loaders: [async () => ({ conversation: await paintedConversation() })],
  args: { locale: 'en-US' },
  argTypes: { locale: { control: 'inline-radio', options: ['en-US', 'zh-CN'] } },
  render: (args, { loaded }) => <Conversation {...args} messages={conversationOf(loaded)} />,
} satisfies Meta<ViewStoryArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Landscape, portrait, a 4.4:1 panorama (cover-cropped at 4:1), a tall screenshot and a 48 px sticker. */
export const Loaded: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => {
      for (const box of boxes(canvasElement)) expect(box).toHaveAttribute('data-state', 'loaded');
    });
    const [landscape, portrait, , , tiny] = boxes(canvasElement) as HTMLElement[];
    const ratio = (box: HTMLElement | undefined) => {
      const rect = (box as HTMLElement).getBoundingClientRect();
      return rect.width / rect.height;
    };
    await expect(ratio(landscape)).toBeCloseTo(1600 / 1200, 1);
    await expect(ratio(portrait)).toBeCloseTo(1080 / 1920, 1);
    // At 1× a 280 px landscape box needs a 210 px shorter side: the LARGE, never the ORIGIN.
    const image = (landscape as HTMLElement).querySelector('img') as HTMLImageElement;
    await expect(image.naturalWidth).toBeLessThan(1600);
    await expect((tiny as HTMLElement).getBoundingClientRect().width).toBe(64);
  },
};

/** Before the first byte: the box in the image's shape with its ThumbHash painted (no `<img>` yet). */
export const LoadingWithPlaceholder: Story = {
  render: (args, { loaded }) => (
    <ul className={`story-view-list ${args.className ?? ''}`.trim()}>
      {conversationOf(loaded).map((message) => (
        <li key={message.id}>
          <ImageMessageView.Root message={message} locale={args.locale}>
            <ImageMessageView.OpenButton />
          </ImageMessageView.Root>
        </li>
      ))}
    </ul>
  ),
  play: async ({ canvasElement }) => {
    const [first] = boxes(canvasElement);
    await expect(first).toHaveAttribute('data-state', 'loading');
    await expect(first).toHaveAttribute('data-placeholder', 'thumbhash');
    await expect(getComputedStyle(first as HTMLElement, '::before').backgroundImage).toMatch(
      /^url\("data:image\/png/,
    );
  },
};

/** One's own image while it uploads, held at 40 %: the local preview, a progress bar and Cancel. */
export const Sending40Percent: Story = {
  name: 'Sending 40 %',
  parameters: { imageMessage: { transport: { steps: 10, stalls: [{ afterBytes: 400_000 }] } } },
  render: (args) => (
    <OwnImageMessage
      locale={args.locale}
      className={args.className}
      file={createImageFile({ name: 'harbour.png', width: 1280, height: 960, size: 1_000_000 })}
    />
  ),
  play: async ({ canvas }) => {
    const bar = await canvas.findByRole('progressbar', { name: /^Uploading image/ });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '40'));
    await expect(canvas.getByRole('button', { name: 'Cancel upload' })).toBeVisible();
  },
};

/** The upload failed: "Not sent" and Retry, which sends the same message again through the manager. */
export const Failed: Story = {
  parameters: {
    imageMessage: {
      transport: { steps: 4, failures: [{ code: ErrorCode.UPLOAD_FAILED, afterBytes: 300_000 }] },
    },
  },
  render: (args) => (
    <OwnImageMessage
      locale={args.locale}
      className={args.className}
      file={createImageFile({ name: 'receipt.png', width: 900, height: 1200, size: 600_000 })}
    />
  ),
  play: async ({ canvas }) => {
    const retry = await canvas.findByRole('button', { name: 'Retry sending' });
    await expect(retry).toHaveAccessibleDescription('Not sent');
  },
};

/** An expired or deleted link: the box keeps its shape, says so, and offers a new request. */
export const BrokenLink: Story = {
  loaders: [
    async () => {
      const message = await paintedMessage({ id: 'expired', width: 1200, height: 800 });
      for (const image of message.imageElem?.imageList ?? []) image.url = '/__missing__/expired.jpg';
      return { conversation: [message] };
    },
  ],
  play: async ({ canvas, canvasElement }) => {
    // A hang guard, not a timing goal: the 404 arrives when the dev server gets to it.
    const reload = await canvas.findByRole('button', { name: 'Load again' }, { timeout: 10_000 });
    await expect(reload).toHaveAccessibleDescription(
      "The image couldn't be loaded. Its link may have expired.",
    );
    await expect(canvasElement.querySelector('img')).toBeNull();
    await expect(boxes(canvasElement)[0]).toHaveAttribute('data-state', 'error');
  },
};

/** The viewer over the second image: a modal dialog with the counter, zoom, Download and Close. */
export const ViewerOpen: Story = {
  play: async ({ canvasElement }) => {
    const [, second] = boxes(canvasElement);
    await userEvent.click(within(second as HTMLElement).getByRole('button'));
    const dialog = await within(document.body).findByRole('dialog');
    await expect(within(dialog).getByText('2 / 5')).toBeVisible();
    await expect(within(dialog).getByRole('link', { name: 'Download original' })).toHaveAttribute('download');
    await waitFor(() => expect(dialog).toHaveAttribute('data-state', 'loaded'));
  },
};

/** Every name and text in Simplified Chinese. */
export const ZhCN: Story = {
  name: 'zh-CN',
  args: { locale: 'zh-CN' },
  play: async ({ canvas }) => {
    await expect(canvas.getAllByRole('button', { name: /^查看图片 / })).toHaveLength(MIXED_SHAPES.length);
  },
};

/** The dark theme: the surfaces, the placeholder tile and the overlays follow `.im-theme-dark`. */
export const Dark: Story = {
  globals: { theme: 'dark' },
};
