import { ErrorCode } from '@image-message/core';
import { ImageMessageComposer } from '@image-message/react';
import { createImageFile, dropFiles } from '@image-message/react/testing';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, fn, waitFor, within } from 'storybook/test';
import { ComposerWithConversation } from '../support/ComposerWithConversation';
import { composerArgTypes } from '../support/composerArgTypes';
import { loadImageMessage, storyTransport, withImageMessage } from '../support/ImageMessageStoryProviders';
import { paintImageFile } from '../support/paintImageFile';

// One megabyte exactly, so "40 % of the bytes" is a round number the transport options can name.
const FILE_BYTES = 1_000_000;
const photo = (name: string) => createImageFile({ name, width: 1280, height: 960, size: FILE_BYTES });

/** Drops one image, waits for its preview and presses Send. */
async function dropAndSend(canvasElement: HTMLElement, file: File) {
  const canvas = within(canvasElement);
  await dropFiles(canvas.getByRole('button', { name: 'Add images' }), [file]);
  await canvas.findByRole('img', { name: file.name });
  await fireEvent.click(canvas.getByRole('button', { name: 'Send' }));
}

/**
 * After Send: uploading, failed, canceled and sent. The memory transport stands in for the server; its
 * `steps`, `latency`, `stalls` and `failures` options (in `parameters.imageMessage.transport`) hold an
 * upload at a given byte or make it fail there, so each state stays on screen.
 */
const meta = {
  title: 'Composer/Sending',
  component: ImageMessageComposer,
  argTypes: composerArgTypes,
  decorators: [withImageMessage],
  loaders: [loadImageMessage],
  args: { receiver: 'bob', onSent: fn(), onError: fn() },
} satisfies Meta<typeof ImageMessageComposer>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Held at 40 %: the progress bar, its readable value, and Cancel instead of Remove. */
export const UploadingAt40Percent: Story = {
  name: 'Uploading at 40 %',
  // Ten steps of 100,000 bytes; the stall stops the fifth (past 400,000) from being reported.
  parameters: { imageMessage: { transport: { steps: 10, stalls: [{ afterBytes: 0.4 * FILE_BYTES }] } } },
  play: async ({ canvas, canvasElement }) => {
    await dropAndSend(canvasElement, photo('harbour.png'));
    const bar = await canvas.findByRole('progressbar', { name: 'Uploading harbour.png' });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '40'));
    await expect(bar).toHaveAttribute('aria-valuetext', '40% uploaded');
    await expect(canvas.getByRole('button', { name: 'Cancel' })).toHaveAccessibleDescription('harbour.png');
    await expect(canvas.queryByRole('button', { name: 'Remove' })).toBeNull();
    await expect(canvas.getByRole('button', { name: 'Send' })).toBeDisabled();
  },
};

/** The upload failed at 60 % (6008): an alert saying what to do, Retry and Remove, and `onError`. */
export const FailedWithRetry: Story = {
  parameters: {
    imageMessage: {
      transport: { steps: 10, failures: [{ code: ErrorCode.UPLOAD_FAILED, afterBytes: 0.6 * FILE_BYTES }] },
    },
  },
  play: async ({ canvas, canvasElement, args }) => {
    await dropAndSend(canvasElement, photo('receipt.png'));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      "receipt.png couldn't be uploaded. Press Retry to try again.",
    );
    await expect(canvas.getByRole('button', { name: 'Retry' })).toBeEnabled();
    await expect(canvas.getByRole('button', { name: 'Remove' })).toBeVisible();
    await expect(canvas.queryByRole('progressbar')).toBeNull();
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('receipt.png failed to send'));
    await expect(args.onError).toHaveBeenCalledWith(
      expect.objectContaining({ code: ErrorCode.UPLOAD_FAILED }),
    );
  },
};

/** Retry after a failure sends the same message id again: the server ends up with exactly one message. */
export const RetryAfterFailure: Story = {
  parameters: {
    imageMessage: {
      transport: { steps: 4, failures: [{ code: ErrorCode.NETWORK_DISCONNECT, afterBytes: 1 }] },
    },
  },
  play: async (context) => {
    const { canvas, canvasElement, args } = context;
    await dropAndSend(canvasElement, photo('offline.png'));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      "you're offline. Reconnect, then press Retry.",
    );
    await fireEvent.click(canvas.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(args.onSent).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(canvas.queryByRole('img', { name: 'offline.png' })).toBeNull());
    const transport = storyTransport(context);
    await expect(transport.attempts.map((attempt) => attempt.outcome)).toEqual(['failed', 'sent']);
    await expect(new Set(transport.attempts.map((attempt) => attempt.id)).size).toBe(1);
    await expect(transport.messages).toHaveLength(1);
  },
};

/** Cancel stops the upload: not an error (no alert, no `onError`), just a note, and Retry to send again. */
export const Canceled: Story = {
  parameters: { imageMessage: { transport: { steps: 10, stalls: [{ afterBytes: 0.3 * FILE_BYTES }] } } },
  play: async ({ canvas, canvasElement, args }) => {
    await dropAndSend(canvasElement, photo('draft.png'));
    const bar = await canvas.findByRole('progressbar');
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '30'));
    await fireEvent.click(canvas.getByRole('button', { name: 'Cancel' }));
    await expect(await canvas.findByText('Upload canceled')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Retry' })).toBeEnabled();
    await expect(canvas.queryByRole('alert')).toBeNull();
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('draft.png upload canceled'));
    await expect(args.onError).not.toHaveBeenCalled();
  },
};

/**
 * Sent: the draft leaves the composer, the live region says so, and the delivered message (status 2,
 * msgID set) reaches `onSent` — shown here in a small conversation above the composer.
 */
export const Sent: Story = {
  render: (args) => <ComposerWithConversation {...args} />,
  parameters: { imageMessage: { transport: { steps: 5, latency: 30 } } },
  play: async (context) => {
    const { canvas, canvasElement, args } = context;
    await dropAndSend(
      canvasElement,
      await paintImageFile({ name: 'team-photo.png', width: 1280, height: 960 }),
    );
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('team-photo.png sent'));
    // The draft list follows the manager on the next animation frame.
    await waitFor(() => expect(canvas.queryByRole('img', { name: 'team-photo.png' })).toBeNull());
    await expect(canvas.queryByRole('list', { name: 'Images to send' })).toBeNull();
    await expect(args.onSent).toHaveBeenCalledWith(expect.objectContaining({ status: 2, userID: 'bob' }));
    const log = canvas.getByRole('log', { name: 'Conversation with bob' });
    const delivered = within(log).getByRole('img');
    await expect(delivered).toHaveAccessibleName(/^memory-\d+: 1280 × 960, sent to bob$/);
    await expect(delivered.getAttribute('src')).toMatch(/^blob:/);
    await expect(storyTransport(context).messages).toHaveLength(1);
  },
};

/**
 * A slow memory transport (40 steps, 150 ms apart: about six seconds per image) to watch progress move.
 * Drop or paste more images and press Send yourself; the play function only starts the first upload.
 */
export const SlowTransport: Story = {
  args: { autoSend: false },
  render: (args) => <ComposerWithConversation {...args} />,
  parameters: { imageMessage: { transport: { steps: 40, latency: 150 } } },
  play: async ({ canvas, canvasElement }) => {
    await dropAndSend(
      canvasElement,
      await paintImageFile({ name: 'mountains.png', width: 1600, height: 900, hue: 120 }),
    );
    const bar = await canvas.findByRole('progressbar', { name: 'Uploading mountains.png' });
    // Moving, and far from done: the story is for watching, so the test does not wait for the end.
    await waitFor(() => expect(Number(bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0));
    await expect(Number(bar.getAttribute('aria-valuenow'))).toBeLessThan(100);
    await expect(canvas.getByRole('button', { name: 'Cancel' })).toBeVisible();
  },
};
