import { ErrorCode, formatBytes, IMAGE_MAX_BYTES, ImageType } from '@image-message/core';
import { ImageMessageComposer } from '@image-message/react';
import { dropFiles } from '@image-message/react/testing';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { noisePng } from '../../tests/browser/support';
import { composerArgTypes } from '../support/composerArgTypes';
import { fixtureFile } from '../support/fixtureFile';
import { loadImageMessage, storyTransport, withImageMessage } from '../support/ImageMessageStoryProviders';
import { paintImageFile } from '../support/paintImageFile';
import { recordDraftStates } from '../support/recordDraftStates';
import { enUSDark, textsFor, zhCNDark, zhCNLight } from '../support/storyVariants';

const DOCS = `
Each photo is prepared before it becomes a message (\`prepareImageFile\` in a worker): HEIC becomes JPEG,
anything larger than 2560 px is downscaled, EXIF/XMP (GPS above all) is stripped, and a ThumbHash
placeholder is made. A draft shows \`data-state="preparing"\` (an indeterminate progress bar, Send waits)
and then what will be sent: its preview, size and dimensions. The size limit is judged on the prepared
file, so a 48 MB screenshot is accepted once downscaled.

The **Original** switch (原图, \`role="switch"\`) sends photos at full size: switching it prepares every
draft not sent yet again. A file still too large as original is refused with an alert saying to turn
Original off. \`prepare={{ maxDimension, quality, original }}\` sets the defaults; \`prepare={false}\`
sends files as they are (and hides the switch).
`;

/** Preparing a HEIC loads a 3 MB decoder on first use, and a 48 MB screenshot is made in the page: a hang guard, not a timing goal. */
const HANG_GUARD = { timeout: 60_000 };

/** A 5K display's screenshot of noise (so it cannot compress): ~48 MB of PNG, made once per page. */
let screenshot: Promise<File> | undefined;
const fiveKScreenshot = () => (screenshot ??= noisePng(5120, 2880, 'Screenshot 2025-12-03 at 09.41.27.png'));

/** The draft (`<li>`) whose preview is named `fileName`, once it is prepared. */
async function preparedDraft(canvas: ReturnType<typeof within>, fileName: string) {
  const image = await canvas.findByRole('img', { name: fileName }, HANG_GUARD);
  return image.closest('li') as HTMLElement;
}

/**
 * Photos as people have them, prepared before they are sent. Every story runs in Chromium, where the
 * preparation really happens in a worker (HEIC decoded by heic-to, loaded only for the first HEIC).
 */
const meta = {
  title: 'Composer/Photos',
  component: ImageMessageComposer,
  argTypes: composerArgTypes,
  decorators: [withImageMessage],
  loaders: [loadImageMessage],
  args: { receiver: 'bob', onSent: fn(), onReject: fn() },
  parameters: { docs: { description: { component: DOCS } } },
} satisfies Meta<typeof ImageMessageComposer>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Original off (the default): a 12 MP photo is sent as 2560 × 1920. Space on the switch turns it on;
 * every draft is prepared again (`preparing`, then full size), and Space again turns it off. What is
 * sent is what the draft shows.
 */
export const OriginalOnOff: Story = {
  name: 'Original on and off',
  play: async (context) => {
    const { canvas, canvasElement, args } = context;
    const text = textsFor(args.locale);
    await dropFiles(canvas.getByRole('button', { name: text.addImages }), [
      await paintImageFile({ name: 'harbour.jpg', width: 4000, height: 3000, type: 'image/jpeg', hue: 200 }),
      await paintImageFile({ name: 'sticker.png', width: 512, height: 512, hue: 40 }),
    ]);
    const harbour = () => preparedDraft(canvas, 'harbour.jpg');
    await expect(within(await harbour()).getByText(/2560 × 1920/)).toBeVisible();
    await expect(within(await preparedDraft(canvas, 'sticker.png')).getByText(/512 × 512/)).toBeVisible();

    const toggle = canvas.getByRole('switch', { name: text.original });
    await expect(toggle).toHaveAttribute('aria-checked', 'false');
    await expect(toggle).toHaveAccessibleDescription(text.originalHint);

    const states = recordDraftStates(canvasElement);
    toggle.focus();
    await userEvent.keyboard(' ');
    await expect(toggle).toHaveAttribute('aria-checked', 'true');
    await waitFor(() => expect(canvas.getByText(/4000 × 3000/)).toBeVisible(), HANG_GUARD);
    await waitFor(() => expect(states.of('sticker.png').at(-1)).toBe('created'), HANG_GUARD);
    // Both drafts went through preparation again, one at a time or together, and came back ready.
    await expect(states.of('harbour.jpg')).toEqual(['created', 'preparing', 'created']);
    await expect(states.of('sticker.png')).toEqual(['created', 'preparing', 'created']);

    await userEvent.keyboard(' ');
    await expect(toggle).toHaveAttribute('aria-checked', 'false');
    await expect(toggle).toHaveFocus();
    await waitFor(() => expect(canvas.getByText(/2560 × 1920/)).toBeVisible(), HANG_GUARD);
    await waitFor(() => expect(canvas.getByRole('button', { name: text.send })).toBeEnabled(), HANG_GUARD);
    states.stop();

    await userEvent.click(canvas.getByRole('button', { name: text.send }));
    await waitFor(() => expect(args.onSent).toHaveBeenCalledTimes(2));
    const origins = storyTransport(context).messages.map(({ message }) =>
      message.imageElem?.imageList?.find((image) => image.type === ImageType.ORIGIN),
    );
    await expect(origins).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ width: 2560, height: 1920 }),
        expect.objectContaining({ width: 512, height: 512 }),
      ]),
    );
  },
};

export const OriginalOnOffDark: Story = { ...OriginalOnOff, ...enUSDark, name: 'Original on and off (dark)' };
export const OriginalOnOffZhCN: Story = { ...OriginalOnOff, ...zhCNLight, name: '原图 (zh-CN)' };
export const OriginalOnOffZhCNDark: Story = { ...OriginalOnOff, ...zhCNDark, name: '原图 (zh-CN, dark)' };

/**
 * An iPhone photo (a real HEVC HEIC): it shows as preparing — a busy bar named "Preparing IMG_0042.heic",
 * no image yet, Send waiting — while the decoder (heic-to, a lazily loaded chunk) converts it, then as
 * the JPEG that will be sent, named `.jpg`.
 */
export const HeicConverted: Story = {
  name: 'HEIC converted to JPEG',
  play: async (context) => {
    const { canvas, args } = context;
    const text = textsFor(args.locale);
    await dropFiles(canvas.getByRole('button', { name: text.addImages }), [
      await fixtureFile('heic', 'IMG_0042.HEIC', 'image/heic'),
    ]);
    // The name is the sanitized one (its extension lower-cased) until the JPEG takes its place.
    const busy = await canvas.findByRole('progressbar', { name: text.preparing('IMG_0042.heic') });
    await expect(busy).not.toHaveAttribute('aria-valuenow');
    const preparing = busy.closest('li') as HTMLElement;
    await expect(preparing).toHaveAttribute('data-state', 'preparing');
    await expect(preparing).toHaveAttribute('aria-busy', 'true');
    await expect(canvas.getByRole('button', { name: text.send })).toBeDisabled();

    const draft = await preparedDraft(canvas, 'IMG_0042.jpg');
    await expect(draft).toHaveAttribute('data-state', 'created');
    await expect(within(draft).getByText(/480 × 360/)).toBeVisible();
    await expect(canvas.queryByRole('progressbar')).toBeNull();

    await userEvent.click(canvas.getByRole('button', { name: text.send }));
    await waitFor(() => expect(args.onSent).toHaveBeenCalledTimes(1));
    const [sent] = storyTransport(context).messages;
    // JPEG bytes (FF D8 FF), named .jpg, as the server receives them.
    await expect(Array.from(sent?.bytes.subarray(0, 3) ?? [])).toEqual([0xff, 0xd8, 0xff]);
    await expect(storyTransport(context).attempts[0]).toMatchObject({
      fileName: 'IMG_0042.jpg',
      mimeType: 'image/jpeg',
    });
  },
};

export const HeicConvertedZhCNDark: Story = {
  ...HeicConverted,
  ...zhCNDark,
  name: 'HEIC converted to JPEG (zh-CN, dark)',
};

/**
 * A 48 MB screenshot of a 5K display — over the 28 MB limit as it is — is accepted: downscaled to
 * 2560 × 1440, it fits. The draft shows the size and dimensions that are sent.
 */
export const ScreenshotDownscaled: Story = {
  name: '48 MB screenshot, accepted downscaled',
  play: async (context) => {
    const { canvas, args } = context;
    const text = textsFor(args.locale);
    const file = await fiveKScreenshot();
    await expect(file.size).toBeGreaterThan(IMAGE_MAX_BYTES);
    await dropFiles(canvas.getByRole('button', { name: text.addImages }), [file]);
    await canvas.findByRole('progressbar', { name: text.preparing(file.name) }, HANG_GUARD);

    const draft = await preparedDraft(canvas, file.name);
    await expect(within(draft).getByText(/2560 × 1440/)).toBeVisible();
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(args.onReject).not.toHaveBeenCalled();

    await userEvent.click(canvas.getByRole('button', { name: text.send }));
    await waitFor(() => expect(args.onSent).toHaveBeenCalledTimes(1), HANG_GUARD);
    const [attempt] = storyTransport(context).attempts;
    await expect(attempt?.size).toBeLessThan(IMAGE_MAX_BYTES);
    await expect(attempt?.mimeType).toBe('image/png');
    // The size the draft showed is the size that was uploaded.
    await expect(draft).toHaveTextContent(`${formatBytes(attempt?.size ?? 0)} · 2560 × 1440`);
  },
};

export const ScreenshotDownscaledZhCNDark: Story = {
  ...ScreenshotDownscaled,
  ...zhCNDark,
  name: '48 MB screenshot, accepted downscaled (zh-CN, dark)',
};

/**
 * The same screenshot with Original on (`prepare={{ original: true }}`): at full size it is over the
 * limit, so it is refused (7005) with an alert that says to turn Original off. Nothing is uploaded.
 */
export const ScreenshotRefusedAsOriginal: Story = {
  name: '48 MB screenshot, refused as original',
  args: { prepare: { original: true } },
  play: async (context) => {
    const { canvas, args } = context;
    const text = textsFor(args.locale);
    const file = await fiveKScreenshot();
    await expect(canvas.getByRole('switch', { name: text.original })).toHaveAttribute('aria-checked', 'true');
    await dropFiles(canvas.getByRole('button', { name: text.addImages }), [file]);
    const alert = await canvas.findByRole('alert', {}, HANG_GUARD);
    await expect(alert).toHaveTextContent(text.tooLargeOriginal(file.name, formatBytes(file.size, 'up')));
    await expect(args.onReject).toHaveBeenCalledWith([
      expect.objectContaining({ code: ErrorCode.FILE_TOO_LARGE, original: true }),
    ]);
    await expect(canvas.queryByRole('img')).toBeNull();
    await expect(storyTransport(context).attempts).toHaveLength(0);
  },
};

export const ScreenshotRefusedAsOriginalZhCNDark: Story = {
  ...ScreenshotRefusedAsOriginal,
  ...zhCNDark,
  args: { ...ScreenshotRefusedAsOriginal.args, ...zhCNDark.args },
  name: '48 MB screenshot, refused as original (zh-CN, dark)',
};
