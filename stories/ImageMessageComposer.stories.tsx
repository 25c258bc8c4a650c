import { ImageMessageComposer } from '@image-message/react';
import { createImageFile, dropFiles } from '@image-message/react/testing';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, fn, waitFor, within } from 'storybook/test';
import { withImageMessage } from './support/ImageMessageStoryProviders';

const meta = {
  title: 'Composer/ImageMessageComposer',
  component: ImageMessageComposer,
  decorators: [withImageMessage],
  args: { receiver: 'bob', onSent: fn(), onError: fn() },
} satisfies Meta<typeof ImageMessageComposer>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {};

export const DropAndSend: Story = {
  parameters: { imageMessage: { transport: { steps: 5, latency: 40 } } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const zone = canvas.getByRole('button', { name: 'Add images' });
    dropFiles(zone, [createImageFile({ name: 'sunset.png', width: 320, height: 200 })]);
    await canvas.findByRole('img', { name: 'sunset.png' });
    await fireEvent.click(canvas.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(args.onSent).toHaveBeenCalledTimes(1));
  },
};
