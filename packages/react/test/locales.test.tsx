import {
  createMemoryTransport,
  createMessageManager,
  type ErrorCategory,
  ErrorCode,
  errorCategory,
  IMAGE_MAX_BYTES,
  type MessageStore,
  type V2TimMessage,
} from '@image-message/core';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  IMAGE_MESSAGE_LOCALES,
  ImageMessageComposer,
  type ImageMessageLocale,
  type ImageMessageStrings,
  ImageMessageView,
  loadImageMessageLocale,
  negotiateLocale,
  resolveStrings,
  resolveViewStrings,
} from '../src';
import { describeError } from '../src/i18n/describeError';
import { createImageFile, renderWithImageMessage } from '../src/testing';
import { sentImageMessage } from './support/imageMessages';

/** Every key path of a table (functions and strings are leaves), to compare tables with English. */
function keyPaths(table: object, prefix = ''): string[] {
  return Object.entries(table).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keyPaths(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

const strings = (locale: ImageMessageLocale) => resolveStrings(locale);
const viewStrings = (locale: ImageMessageLocale) => resolveViewStrings(locale);

describe('locale negotiation', () => {
  it.each([
    ['zh-TW', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['zh-MO', 'zh-TW'],
    ['zh-Hant', 'zh-TW'],
    ['zh-Hant-CN', 'zh-TW'],
    ['zh', 'zh-CN'],
    ['zh-CN', 'zh-CN'],
    ['zh-SG', 'zh-CN'],
    ['zh-Hans-TW', 'zh-CN'],
    ['zh_HK', 'zh-TW'],
    ['ja', 'ja-JP'],
    ['ja-JP', 'ja-JP'],
    ['ko', 'ko-KR'],
    ['ko-KR', 'ko-KR'],
    ['ar', 'ar'],
    ['ar-EG', 'ar'],
    ['ar-SA', 'ar'],
    ['en-GB', 'en-US'],
    ['fr-FR', 'en-US'],
    ['he', 'en-US'],
    ['not a tag!', 'en-US'],
    ['', 'en-US'],
  ])('%s → %s', (tag, locale) => {
    expect(negotiateLocale(tag)).toBe(locale);
  });
});

describe('every locale', () => {
  it.each(IMAGE_MESSAGE_LOCALES)('%s has every key English has, composer and view', (locale) => {
    const englishKeys = { strings: keyPaths(strings('en-US')), view: keyPaths(viewStrings('en-US')) };
    expect(keyPaths(strings(locale))).toEqual(englishKeys.strings);
    expect(keyPaths(viewStrings(locale))).toEqual(englishKeys.view);
  });

  const categories: [ErrorCategory | 'tooLargeOriginal', number][] = [
    ['empty', ErrorCode.FILE_SIZE_EMPTY],
    ['tooLarge', ErrorCode.FILE_TOO_LARGE],
    ['tooLargeOriginal', ErrorCode.FILE_TOO_LARGE],
    ['typeLimit', ErrorCode.IMAGE_TYPE_LIMIT],
    ['notImage', ErrorCode.NOT_IMAGE],
    ['invalidPath', ErrorCode.INVALID_IMAGE_PATH],
    ['uploadFailed', ErrorCode.UPLOAD_FAILED],
    ['network', ErrorCode.NETWORK_DISCONNECT],
    ['timeout', ErrorCode.REQUEST_TIMEOUT],
    ['other', 123456],
  ];

  it.each(IMAGE_MESSAGE_LOCALES.filter((locale) => locale !== 'en-US'))(
    '%s words every error category in its own language, naming the file and the limit unbroken',
    (locale) => {
      for (const [category, code] of categories) {
        if (category !== 'tooLargeOriginal') expect(errorCategory(code)).toBe(category);
        const params = {
          fileName: 'beach.jpg',
          desc: 'English description',
          size: IMAGE_MAX_BYTES + 1,
          maxBytes: IMAGE_MAX_BYTES,
          original: category === 'tooLargeOriginal',
        };
        const text = describeError(strings(locale), locale, code, params);
        expect(text).not.toBe(describeError(strings('en-US'), 'en-US', code, params));
        expect(text).not.toContain('English description');
        expect(text).toContain('beach.jpg');
        if (category.startsWith('tooLarge')) expect(text).toMatch(/28\u00a0MB/);
      }
      // Every category the table has is covered above or by its own sentence.
      for (const key of Object.keys(strings(locale).errors)) {
        expect(strings(locale).errors[key as keyof ImageMessageStrings['errors']]).toBeTypeOf('function');
      }
    },
  );

  it('counts in each language: English and Arabic plurals, the locale digits of Intl', () => {
    expect(strings('en-US').announce.added({ count: 1 })).toBe('1 image added');
    expect(strings('en-US').announce.added({ count: 1200 })).toBe('1,200 images added');
    const added = (count: number) => strings('ar').announce.added({ count });
    const digits = (value: number) => new Intl.NumberFormat('ar').format(value);
    expect(added(1)).toBe('تمت إضافة صورة واحدة');
    expect(added(2)).toBe('تمت إضافة صورتين');
    expect(added(3)).toBe(`تمت إضافة ${digits(3)} صور`);
    expect(added(11)).toBe(`تمت إضافة ${digits(11)} صورة`);
    expect(strings('ja-JP').announce.added({ count: 3 })).toBe('3 枚の画像を追加しました');
    expect(strings('en-US').description.tooLong({ max: 1000, length: 1204 })).toContain(
      'up to 1,000 characters',
    );
    expect(strings('en-US').progressValueText({ progress: 42 })).toBe('42% uploaded');
  });

  it('says where Retry sends, in all six', () => {
    for (const locale of IMAGE_MESSAGE_LOCALES) {
      const target = strings(locale).retryTarget;
      const texts = [
        target({ receiver: 'bob', groupID: 'team' }),
        target({ groupID: 'team' }),
        target({ receiver: 'bob' }),
      ];
      expect(new Set(texts).size).toBe(3);
      expect(texts[0]).toContain('bob');
      expect(texts[1]).toContain('team');
    }
    expect(strings('en-US').retryTarget({ receiver: 'bob', groupID: 'team' })).toBe(
      'Retry sends it to bob only',
    );
    expect(strings('zh-CN').retryTarget({ groupID: 'team' })).toBe('重试将发给 team 的所有人');
  });
});

/** The words a user sees on the composer's controls, per locale (as apps in that market word them). */
const CONTROLS: Record<ImageMessageLocale, { add: string; send: string; retry: string; remove: string }> = {
  'en-US': { add: 'Add images', send: 'Send', retry: 'Retry', remove: 'Remove' },
  'zh-CN': { add: '添加图片', send: '发送', retry: '重试', remove: '移除' },
  'zh-TW': { add: '新增圖片', send: '傳送', retry: '重試', remove: '移除' },
  'ja-JP': { add: '画像を追加', send: '送信', retry: '再送信', remove: '削除' },
  'ko-KR': { add: '이미지 추가', send: '전송', retry: '재전송', remove: '삭제' },
  ar: { add: 'إضافة صور', send: 'إرسال', retry: 'إعادة المحاولة', remove: 'إزالة' },
};

describe.each(IMAGE_MESSAGE_LOCALES)('every part in %s', (locale) => {
  const rtl = locale === 'ar';

  it('the composer: input, drop zone, Original, a failed draft with its alert and Retry, a rejection, the storage alert', async () => {
    const table = strings(locale);
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    const store: MessageStore = {
      load: async () => [],
      save: () => Promise.reject(quota),
      update: async () => {},
      remove: async () => {},
    };
    const transport = createMemoryTransport({ failures: [{ code: ErrorCode.NETWORK_DISCONNECT }] });
    const manager = createMessageManager({ transport, store });
    const user = userEvent.setup();
    renderWithImageMessage(<ImageMessageComposer receiver="bob" locale={locale} />, { manager, transport });

    const group = screen.getByRole('group', { name: table.composerLabel });
    expect(group).toHaveAttribute('lang', locale);
    if (rtl) expect(group).toHaveAttribute('dir', 'rtl');
    else expect(group).not.toHaveAttribute('dir');
    const input = screen.getByLabelText<HTMLInputElement>(CONTROLS[locale].add, { selector: 'input' });
    expect(screen.getByRole('switch', { name: new RegExp(table.original) })).toBeInTheDocument();

    await user.upload(input, createImageFile({ name: 'beach.png', width: 4032, height: 3024 }));
    const item = (await screen.findByRole('img', { name: 'beach.png' })).closest('li') as HTMLElement;
    expect(item).toHaveTextContent(table.dimensions({ width: 4032, height: 3024 }));
    expect(await screen.findByRole('status')).toHaveTextContent(table.announce.added({ count: 1 }));
    expect(await screen.findByRole('alert')).toHaveTextContent(table.unsaved({ count: 1 }));

    await user.click(screen.getByRole('button', { name: CONTROLS[locale].send }));
    const retry = await within(item).findByRole('button', { name: CONTROLS[locale].retry });
    expect(retry).toBeInTheDocument();
    expect(within(item).getByRole('button', { name: CONTROLS[locale].remove })).toBeInTheDocument();
    const failure = within(item).getByRole('alert');
    expect(failure.textContent).toBe(table.errors.network({ fileName: 'beach.png' } as never));

    // A file that is not an image: a rejection with its Dismiss button, in the locale.
    await user.upload(input, new File(['%PDF-1.4 not an image'], 'notes.png', { type: 'image/png' }));
    const rejection = await screen.findByText(table.errors.notImage({ fileName: 'notes.png' } as never));
    expect(rejection).toBeInTheDocument();
    expect(screen.getByRole('button', { name: table.dismiss })).toBeInTheDocument();
  });

  it('the view and the viewer: names, original link, counter, toolbar, and ←/→ in the reading direction', async () => {
    const view = viewStrings(locale);
    const conversation: V2TimMessage[] = [
      sentImageMessage('a', 1200, 800, { timestamp: 1_767_000_000 }),
      sentImageMessage('b', 800, 1200, { nickName: 'Bob', sender: 'bob' }),
      sentImageMessage('c', 3000, 1000, { isSelf: true }),
    ];
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(new Uint8Array(10), { headers: { 'content-type': 'image/jpeg' } })),
    );
    render(
      <ul>
        {conversation.map((message) => (
          <li key={message.id}>
            <ImageMessageView message={message} conversation={conversation} locale={locale} />
          </li>
        ))}
      </ul>,
    );
    const opener = screen.getByRole('button', {
      name: view.open({ name: view.imageName({ sender: 'Bob', self: false }) }),
    });
    const root = opener.closest('.im-view') as HTMLElement;
    expect(root).toHaveAttribute('lang', locale);
    if (rtl) expect(root).toHaveAttribute('dir', 'rtl');
    await userEvent.click(opener);
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveAttribute('lang', locale);
    expect(dialog).toHaveAttribute('dir', rtl ? 'rtl' : 'ltr');
    for (const name of [view.zoomIn, view.zoomOut, view.zoomFit, view.close, view.previous, view.next]) {
      expect(within(dialog).getByRole('button', { name })).toBeInTheDocument();
    }
    expect(within(dialog).getByRole('link', { name: view.download })).toBeInTheDocument();
    expect(within(dialog).getByText(view.counterLabel({ index: 2, count: 3 }))).toBeInTheDocument();

    // → goes forward in a left-to-right locale and back in a right-to-left one.
    await userEvent.keyboard('{ArrowRight}');
    expect(within(dialog).getByText(view.counterLabel({ index: rtl ? 1 : 3, count: 3 }))).toBeInTheDocument();
    await userEvent.keyboard('{ArrowLeft}');
    expect(within(dialog).getByText(view.counterLabel({ index: 2, count: 3 }))).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    vi.unstubAllGlobals();
  });
});

describe('right to left from the page', () => {
  it('mirrors the viewer of an English view inside dir="rtl" (an app with its own RTL strings)', async () => {
    const conversation = [sentImageMessage('a', 1200, 800), sentImageMessage('b', 800, 1200)];
    render(
      <div dir="rtl">
        {conversation.map((message) => (
          <ImageMessageView key={message.id} message={message} conversation={conversation} />
        ))}
      </div>,
    );
    await userEvent.click(screen.getAllByRole('button', { name: /^Open image/ })[0] as HTMLElement);
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveAttribute('dir', 'rtl');
    await userEvent.keyboard('{ArrowLeft}');
    expect(within(dialog).getByText('Image 2 of 2')).toBeInTheDocument();
  });
});

describe('loading a locale on first use', () => {
  afterEach(() => {
    vi.doUnmock('../src/i18n/ko-KR');
    vi.resetModules();
  });

  it('suspends until the strings arrive (no flash of English), then renders them; preloading makes it instant', async () => {
    vi.resetModules();
    const fresh = await import('../src');
    const { renderWithImageMessage: renderFresh } = await import('../src/testing');
    renderFresh(
      <Suspense fallback={<p>loading…</p>}>
        <fresh.ImageMessageComposer receiver="bob" locale="ja" />
      </Suspense>,
    );
    expect(screen.getByText('loading…')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send' })).toBeNull();
    expect(await screen.findByRole('button', { name: '送信' })).toBeInTheDocument();

    await fresh.loadImageMessageLocale('zh-HK');
    renderFresh(<fresh.ImageMessageComposer receiver="bob" locale="zh-TW" />);
    expect(screen.getByRole('button', { name: '傳送' })).toBeInTheDocument();
    expect(() => fresh.resolveStrings('ar')).toThrow(/loadImageMessageLocale\('ar'\)/);
  });

  it('shows English, with a warning, when the chunk cannot load; loadImageMessageLocale rejects', async () => {
    vi.resetModules();
    vi.doMock('../src/i18n/ko-KR', () => {
      throw new Error('offline');
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const fresh = await import('../src');
    const { renderWithImageMessage: renderFresh } = await import('../src/testing');
    renderFresh(
      <Suspense fallback={<p>loading…</p>}>
        <fresh.ImageMessageComposer receiver="bob" locale="ko-KR" />
      </Suspense>,
    );
    expect(await screen.findByRole('button', { name: 'Send' })).toBeInTheDocument();
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('ko-KR strings could not be loaded'),
      expect.anything(),
    );
    await expect(fresh.loadImageMessageLocale('ko')).rejects.toThrow();
    warn.mockRestore();
  });
});

it('loads every shipped locale through the public preloader', async () => {
  await act(async () => {
    const tables = await Promise.all(IMAGE_MESSAGE_LOCALES.map(loadImageMessageLocale));
    expect(new Set(tables.map((table) => table.strings.send)).size).toBe(6);
  });
});
