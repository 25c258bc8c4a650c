import { ErrorCode, IMAGE_MAX_BYTES } from '@image-message/core';
import { ImageMessageComposer } from '@image-message/react';
import { createImageFile, dropFiles } from '@image-message/react/testing';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor } from 'storybook/test';
import { composerArgTypes } from '../support/composerArgTypes';
import { fixtureFile } from '../support/fixtureFile';
import { loadImageMessage, storyTransport, withImageMessage } from '../support/ImageMessageStoryProviders';

const MiB = 1024 * 1024;

/**
 * Files that never become drafts, one story per `ErrorCode`. The bytes decide, never the name or the
 * claimed type; each rejection is an alert that says what to do, and nothing reaches the transport.
 */
const meta = {
  title: 'Composer/Rejections',
  component: ImageMessageComposer,
  argTypes: composerArgTypes,
  decorators: [withImageMessage],
  loaders: [loadImageMessage],
  args: { receiver: 'bob', onReject: fn() },
} satisfies Meta<typeof ImageMessageComposer>;

export default meta;
type Story = StoryObj<typeof meta>;
type Context = Parameters<NonNullable<Story['play']>>[0];

/** Drops `files` and checks the one alert, the rejection's code, the announcement and that nothing uploaded. */
async function expectRejected(context: Context, files: File[], code: number, text: string | RegExp) {
  const { canvas, args } = context;
  await dropFiles(canvas.getByRole('button', { name: 'Add images' }), files);
  await expect(await canvas.findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent(text);
  await waitFor(() => expect(args.onReject).toHaveBeenCalledTimes(1));
  await expect(args.onReject).toHaveBeenCalledWith([expect.objectContaining({ code })]);
  await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(/couldn't be added/));
  await expect(canvas.getByRole('button', { name: 'Dismiss' })).toBeVisible();
  await expect(storyTransport(context).attempts).toHaveLength(0);
}

/** Zero bytes (7006). */
export const Empty: Story = {
  name: 'Empty file (7006)',
  play: (context) =>
    expectRejected(
      context,
      [new File([], 'empty.png', { type: 'image/png' })],
      ErrorCode.FILE_SIZE_EMPTY,
      'empty.png is empty. Choose another image.',
    ),
};

/** One byte over 28 MiB (7005): the text names the size and the limit. */
export const TooLarge: Story = {
  name: 'Too large, 28 MB (7005)',
  play: (context) =>
    expectRejected(
      context,
      [createImageFile({ name: 'raw-export.png', size: IMAGE_MAX_BYTES + 1 })],
      ErrorCode.FILE_TOO_LARGE,
      'raw-export.png is 28.1 MB; images must be smaller than 28 MB. Choose a smaller image or compress it.',
    ),
};

/**
 * The transport's own lower limit (a service capped at 20 MB) is the one named (7005). A 21 MB PNG within
 * 2560 px is not re-encoded, so preparing it leaves it as large as it was.
 */
export const OverTransportLimit: Story = {
  name: "Over the transport's 20 MB limit (7005)",
  parameters: { imageMessage: { transport: { maxBytes: 20 * MiB } } },
  play: (context) =>
    expectRejected(
      context,
      [createImageFile({ name: 'poster.png', size: 21 * MiB })],
      ErrorCode.FILE_TOO_LARGE,
      'poster.png is 21 MB; images must be smaller than 20 MB.',
    ),
};

/**
 * A real image in a format the SDK does not send: a TIFF scan (2252). (An iPhone HEIC is converted to
 * JPEG instead: see *Composer / Photos*.)
 */
export const UnsupportedType: Story = {
  name: 'Unsupported type, TIFF (2252)',
  play: async (context) =>
    expectRejected(
      context,
      [await fixtureFile('tiff', 'scan-0042.tiff', 'image/tiff')],
      ErrorCode.IMAGE_TYPE_LIMIT,
      "scan-0042.tiff is in a format that can't be sent. Convert it to JPEG, PNG, GIF, BMP or WebP.",
    ),
};

/** A PDF renamed to .png and claiming `image/png` (6031). */
export const NotAnImage: Story = {
  name: 'Not an image, PDF named .png (6031)',
  play: async (context) =>
    expectRejected(
      context,
      [await fixtureFile('pdf', 'report.png', 'image/png')],
      ErrorCode.NOT_IMAGE,
      "report.png isn't an image. Choose a JPEG, PNG, GIF, BMP or WebP file.",
    ),
};

/** `maxFiles={2}` and three images dropped: two drafts, one alert naming the limit. */
export const TooManyFiles: Story = {
  name: 'Too many files',
  args: { maxFiles: 2 },
  play: async (context) => {
    await expectRejected(
      context,
      ['one', 'two', 'three'].map((name, index) =>
        createImageFile({ name: `${name}.png`, width: 200 + index * 100, height: 200 }),
      ),
      ErrorCode.TOO_MANY_FILES,
      'You can add up to 2 images at a time. Send or remove some first.',
    );
    await waitFor(() => expect(context.canvas.getAllByRole('img')).toHaveLength(2));
  },
};
