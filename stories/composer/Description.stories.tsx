import type { V2TimMessage } from '@image-message/core';
import { ImageMessageComposer, type ImageMessageComposerProps, ImageMessageView } from '@image-message/react';
import { dropFiles } from '@image-message/react/testing';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { composerArgTypes } from '../support/composerArgTypes';
import { loadImageMessage, storyTransport, withImageMessage } from '../support/ImageMessageStoryProviders';
import { paintImageFile } from '../support/paintImageFile';

const DESCRIPTION = 'A harbour at dusk, fishing boats moored along the pier';

/**
 * The composer above the images it sent, each shown with `<ImageMessageView>`: what was typed in a draft's
 * description field arrives as `imageElem.description`, and the view names the image by it.
 */
function ComposerAndSent(props: ImageMessageComposerProps) {
  const [sent, setSent] = useState<V2TimMessage[]>([]);
  return (
    <div className="story-chat">
      <ul className="story-view-list" aria-label="Sent images">
        {sent.map((message) => (
          <li key={message.msgID} className="story-view-list__mine">
            <ImageMessageView message={message} locale={props.locale} />
          </li>
        ))}
      </ul>
      <ImageMessageComposer
        {...props}
        onSent={(message) => {
          setSent((list) => [...list, message]);
          props.onSent?.(message);
        }}
      />
    </div>
  );
}

/**
 * Each draft has an optional description field ("Describe this image" / "描述这张图片") for people who cannot
 * see the photo. Its text lives in the manager with the draft (`manager.setDescription`), so it survives a
 * remount and, with a store, a reload; it is sent cleaned (controls and bidi overrides removed, trimmed) as
 * `imageElem.description`, and `<ImageMessageView>` and the viewer use it as the image's `alt` and in the
 * open button's name. Over 1,000 characters, the draft waits with an alert until it is shortened.
 */
const meta = {
  title: 'Composer/Description',
  component: ImageMessageComposer,
  argTypes: composerArgTypes,
  decorators: [withImageMessage],
  loaders: [loadImageMessage],
  args: { receiver: 'bob', onSent: fn() },
  render: (args) => <ComposerAndSent {...args} />,
} satisfies Meta<typeof ImageMessageComposer>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The description field of the draft once its photo is prepared (read-only until then). */
async function describedField(canvas: ReturnType<typeof within>, label: string) {
  const field = await canvas.findByRole('textbox', { name: label }, HANG_GUARD);
  await waitFor(() => expect(field).toBeEnabled(), HANG_GUARD);
  return field;
}

/** Preparing the first photo loads the worker: a hang guard, not a timing goal. */
const HANG_GUARD = { timeout: 30_000 };

const harbour = () =>
  paintImageFile({ name: 'harbour.jpg', width: 1200, height: 800, hue: 25, type: 'image/jpeg' });

/** A photo described, then sent: the view's open button reads "Open image: A harbour at dusk, …". */
export const DescribedImage: Story = {
  play: async (context) => {
    const { canvas } = context;
    await dropFiles(canvas.getByRole('button', { name: 'Add images' }), [await harbour()]);
    const field = await describedField(canvas, 'Describe this image');
    await userEvent.type(field, DESCRIPTION);
    await userEvent.click(canvas.getByRole('button', { name: 'Send' }));
    const opener = await canvas.findByRole('button', { name: `Open image: ${DESCRIPTION}` });
    await waitFor(() =>
      expect(within(opener).getByRole('img', { hidden: true })).toHaveAttribute('alt', DESCRIPTION),
    );
    await expect(storyTransport(context).messages[0]?.message.imageElem?.description).toBe(DESCRIPTION);
  },
};

/** The same in Simplified Chinese. */
export const DescribedImageZhCN: Story = {
  name: 'Described image (zh-CN)',
  args: { locale: 'zh-CN' },
  play: async ({ canvas }) => {
    await dropFiles(canvas.getByRole('button', { name: '添加图片' }), [await harbour()]);
    const field = await describedField(canvas, '描述这张图片');
    await userEvent.type(field, '黄昏的港口，渔船停靠在码头边');
    await userEvent.click(canvas.getByRole('button', { name: '发送' }));
    await canvas.findByRole('button', { name: '查看图片：黄昏的港口，渔船停靠在码头边' });
  },
};

/** 1,001 characters pasted: an alert says how long and what to do; that draft waits, its photo kept. */
export const TooLong: Story = {
  play: async (context) => {
    const { canvas } = context;
    await dropFiles(canvas.getByRole('button', { name: 'Add images' }), [await harbour()]);
    const field = await describedField(canvas, 'Describe this image');
    await userEvent.click(field);
    await userEvent.paste('a'.repeat(1001));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'Descriptions can be up to 1000 characters; this one has 1001. Shorten it to send.',
    );
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Send' })).toBeDisabled());
    await expect(canvas.getByRole('img', { name: 'harbour.jpg' })).toBeVisible();
    await expect(storyTransport(context).attempts).toHaveLength(0);
  },
};
