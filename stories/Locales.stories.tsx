import { ErrorCode, type MessageStore, type V2TimMessage } from '@image-message/core';
import {
  IMAGE_MESSAGE_LOCALES,
  ImageMessageComposer,
  type ImageMessageLocale,
  ImageMessageView,
  resolveStrings,
  resolveViewStrings,
} from '@image-message/react';
import { createImageFile, dropFiles } from '@image-message/react/testing';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, userEvent, waitFor, within } from 'storybook/test';
import { loadImageMessage, withImageMessage } from './support/ImageMessageStoryProviders';
import { paintedConversation } from './support/paintedMessages';

interface LocaleStoryArgs {
  locale: ImageMessageLocale;
  className?: string;
}

/** A store whose every save fails as a full quota does: the storage alert shows. */
const fullStore = (): MessageStore => {
  const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
  return {
    load: async () => [],
    save: () => Promise.reject(quota),
    update: async () => {},
    remove: async () => {},
  };
};

/** The composer with a failed draft, a rejection and the storage alert: every part it has, in `locale`. */
function ComposerEverywhere({ locale, className }: LocaleStoryArgs) {
  return <ImageMessageComposer receiver="bob" locale={locale} className={className} />;
}

/** A conversation of image messages; the play function opens the viewer on the second. */
function ViewEverywhere({ locale, className, messages }: LocaleStoryArgs & { messages: V2TimMessage[] }) {
  return (
    <ul className={`story-view-list ${className ?? ''}`.trim()}>
      {messages.slice(0, 3).map((message) => (
        <li key={message.id}>
          <ImageMessageView message={message} conversation={messages.slice(0, 3)} locale={locale} />
        </li>
      ))}
    </ul>
  );
}

/**
 * Every part in each of the six locales, as apps in each market word it (傳送/原圖 in Taiwan, 送信/オリジナル in
 * Japan, 전송/원본 in Korea); `ar` right to left, mirrored. Each story is also a test (its play function
 * and axe). The toolbar's Language menu puts any other story in any locale.
 */
const meta = {
  title: 'Locales',
  decorators: [withImageMessage],
  loaders: [loadImageMessage, async () => ({ conversation: await paintedConversation() })],
  parameters: {
    imageMessage: { transport: { failures: [{ code: ErrorCode.NETWORK_DISCONNECT }] }, store: fullStore },
  },
  args: { locale: 'en-US' },
  argTypes: { locale: { control: 'inline-radio', options: IMAGE_MESSAGE_LOCALES } },
  render: (args) => <ComposerEverywhere {...args} />,
} satisfies Meta<LocaleStoryArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Adds a photo (it fails to send: Retry and an alert), a file that is no image, and shows the storage alert. */
const composerPlay: Story['play'] = async ({ canvasElement, args }) => {
  const strings = resolveStrings(args.locale);
  const canvas = within(canvasElement);
  const group = canvas.getByRole('group', { name: strings.composerLabel });
  if (args.locale === 'ar') await expect(group).toHaveAttribute('dir', 'rtl');
  else await expect(group).not.toHaveAttribute('dir');
  await dropFiles(canvas.getByRole('button', { name: strings.addImages }), [
    createImageFile({ name: 'beach.png', width: 1280, height: 960 }),
  ]);
  await canvas.findByRole('img', { name: 'beach.png' });
  await fireEvent.click(canvas.getByRole('button', { name: strings.send }));
  await canvas.findByRole('button', { name: strings.retry });
  await dropFiles(canvas.getByRole('button', { name: strings.addImages }), [
    new File(['%PDF-1.4 not an image'], 'notes.png', { type: 'image/png' }),
  ]);
  await canvas.findByRole('button', { name: strings.dismiss });
  await waitFor(() => expect(canvas.getByText(strings.unsaved({ count: 1 }))).toBeVisible());
};

/** Opens the viewer on the second image: its toolbar on one line, ←/→ in the reading direction. */
const viewPlay: Story['play'] = async ({ canvasElement, args }) => {
  const strings = resolveViewStrings(args.locale);
  const canvas = within(canvasElement);
  // "Open image …" as the locale words it, whatever names the image.
  const [before, after] = strings.open({ name: '\u0000' }).split('\u0000') as [string, string];
  const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const openers = await canvas.findAllByRole('button', {
    name: new RegExp(`^${escapeRegExp(before)}.+${escapeRegExp(after)}$`),
  });
  await waitFor(() =>
    expect(canvasElement.querySelectorAll('.im-view[data-state="loaded"]')).toHaveLength(3),
  );
  await userEvent.click(openers[1] as HTMLElement);
  const dialog = await within(document.body).findByRole('dialog');
  await expect(dialog).toHaveAttribute('dir', args.locale === 'ar' ? 'rtl' : 'ltr');
  const tools = [...dialog.querySelectorAll<HTMLElement>('.im-viewer__tools > *')];
  const tops = new Set(tools.map((tool) => Math.round(tool.getBoundingClientRect().top)));
  await expect(tops.size).toBe(1);
  await userEvent.keyboard('{ArrowRight}');
  await within(dialog).findByText(strings.counterLabel({ index: args.locale === 'ar' ? 1 : 3, count: 3 }));
};

const composer = (locale: ImageMessageLocale, dark = false): Story => ({
  name: `Composer (${locale}${dark ? ', dark' : ''})`,
  args: { locale },
  ...(dark && { globals: { theme: 'dark' } }),
  play: composerPlay,
});
const view = (locale: ImageMessageLocale, dark = false): Story => ({
  name: `View and viewer (${locale}${dark ? ', dark' : ''})`,
  args: { locale },
  ...(dark && { globals: { theme: 'dark' } }),
  render: (args, { loaded }) => <ViewEverywhere {...args} messages={loaded.conversation as V2TimMessage[]} />,
  play: viewPlay,
});

export const ComposerEnUS = composer('en-US');
export const ComposerZhCN = composer('zh-CN');
export const ComposerZhTW = composer('zh-TW');
export const ComposerJaJP = composer('ja-JP');
export const ComposerKoKR = composer('ko-KR');
export const ComposerAr = composer('ar');
export const ComposerArDark = composer('ar', true);
export const ViewEnUS = view('en-US');
export const ViewZhCN = view('zh-CN');
export const ViewZhTW = view('zh-TW');
export const ViewJaJP = view('ja-JP');
export const ViewKoKR = view('ko-KR');
export const ViewAr = view('ar');
export const ViewArDark = view('ar', true);
