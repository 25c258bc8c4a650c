import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chooseImageVariant, ImageMessageView } from '../src';
import { sentImageMessage, thumbHashOf } from './support/imageMessages';
import { fakeLayout } from './support/resizeObserver';

let undoLayout: (() => void) | undefined;
afterEach(() => {
  undoLayout?.();
  undoLayout = undefined;
});

/** A 4000 × 3000 photo: THUMB 264 × 198, LARGE 960 × 720. */
const photo = sentImageMessage('p', 4000, 3000);
const urlOf = (kind: 'origin' | 'thumb' | 'large', id = 'p') => `https://img.test/${id}/${kind}`;

describe('ImageMessageView: names', () => {
  it('is a button named "Open image" with the file name, or who sent it, in en-US', () => {
    render(
      <>
        <ImageMessageView
          message={{ ...photo, imageElem: { ...photo.imageElem, path: '/photos/beach.jpg' } }}
        />
        <ImageMessageView message={sentImageMessage('q', 800, 600)} />
        <ImageMessageView message={sentImageMessage('r', 800, 600, { isSelf: true })} />
      </>,
    );
    expect(screen.getByRole('button', { name: 'Open image beach.jpg' })).toHaveAttribute(
      'aria-haspopup',
      'dialog',
    );
    expect(screen.getByRole('button', { name: 'Open image from Alice' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Open image sent by you' })).toBeInTheDocument();
  });

  it('names it "查看图片 …" in zh-CN, with the send time formatted for the locale', () => {
    const timestamp = 1_760_000_000;
    const time = new Intl.DateTimeFormat('zh-CN', { hour: '2-digit', minute: '2-digit' }).format(
      timestamp * 1000,
    );
    render(<ImageMessageView locale="zh-CN" message={sentImageMessage('q', 800, 600, { timestamp })} />);
    expect(screen.getByRole('button', { name: `查看图片 Alice 发送，${time}` })).toBeInTheDocument();
  });

  it('takes string overrides', () => {
    render(<ImageMessageView message={photo} messages={{ view: { open: ({ name }) => `Show ${name}` } }} />);
    expect(screen.getByRole('button', { name: 'Show from Alice' })).toBeInTheDocument();
  });
});

describe('ImageMessageView: which image it loads', () => {
  it.each([
    // box, devicePixelRatio → variant
    [{ width: 240, height: 180 }, 1, 'thumb'],
    [{ width: 240, height: 180 }, 2, 'large'],
    [{ width: 280, height: 210 }, 3, 'large'],
    [{ width: 280, height: 210 }, 4, 'origin'],
    [{ width: 96, height: 72 }, 2, 'thumb'],
  ] as const)('a %o box at DPR %d loads the %s', (box, dpr, kind) => {
    expect(chooseImageVariant(photo, box, dpr)?.url).toBe(urlOf(kind));
  });

  it('judges a cover-cropped panorama by the side that fills the box', () => {
    // 8000 × 1000 is drawn into a 4:1 box of 280 × 70: the image is scaled to 560 × 70 and cropped.
    const panorama = sentImageMessage('w', 8000, 1000);
    expect(chooseImageVariant(panorama, { width: 280, height: 70 }, 2)?.url).toBe(urlOf('thumb', 'w'));
    expect(chooseImageVariant(panorama, { width: 280, height: 70 }, 3)?.url).toBe(urlOf('large', 'w'));
  });

  it('requests only what the measured box needs, lazily and decoded off the main thread', async () => {
    undoLayout = fakeLayout({ width: 240, height: 180 }, 2);
    render(<ImageMessageView message={photo} />);
    const image = await screen.findByRole('img');
    expect(image).toHaveAttribute('src', urlOf('large'));
    expect(image).toHaveAttribute('loading', 'lazy');
    expect(image).toHaveAttribute('decoding', 'async');
  });

  it('sizes its box from the ORIGIN before any byte: ratio and width as CSS variables', () => {
    const { container } = render(<ImageMessageView message={sentImageMessage('t', 900, 1600)} />);
    const box = container.firstElementChild as HTMLElement;
    expect(box.style.getPropertyValue('--im-view-ratio')).toBe(String(900 / 1600));
    expect(box.style.getPropertyValue('--im-view-width')).toBe('900px');
    expect(box).toHaveAttribute('data-state', 'loading');
  });
});

describe('ImageMessageView: placeholder and load failures', () => {
  it('paints the ThumbHash until the image has loaded', async () => {
    undoLayout = fakeLayout({ width: 240, height: 180 });
    const message = { ...photo, imageElem: { ...photo.imageElem, placeholder: thumbHashOf() } };
    const { container } = render(<ImageMessageView message={message} />);
    const box = container.firstElementChild as HTMLElement;
    expect(box.style.getPropertyValue('--im-view-placeholder')).toMatch(/^url\("data:image\/png;base64,/);
    expect(box).toHaveAttribute('data-placeholder', 'thumbhash');
    const image = await screen.findByRole('img');
    image.dispatchEvent(new Event('load'));
    await waitFor(() => expect(box).toHaveAttribute('data-state', 'loaded'));
    expect(box).toHaveAttribute('data-loaded');
  });

  it('falls back to a neutral placeholder for a missing or malformed hash', () => {
    const message = { ...photo, imageElem: { ...photo.imageElem, placeholder: '%%%' } };
    const { container } = render(<ImageMessageView message={message} />);
    const box = container.firstElementChild as HTMLElement;
    expect(box).toHaveAttribute('data-placeholder', 'neutral');
    expect(box.style.getPropertyValue('--im-view-placeholder')).toBe('');
  });

  it('says a failed load happened, keeps no broken image, and tries again with a new request', async () => {
    undoLayout = fakeLayout({ width: 240, height: 180 });
    const onLoadError = vi.fn();
    const { container } = render(<ImageMessageView message={photo} onLoadError={onLoadError} />);
    const box = container.firstElementChild as HTMLElement;
    (await screen.findByRole('img')).dispatchEvent(new Event('error'));
    await waitFor(() => expect(box).toHaveAttribute('data-state', 'error'));
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByText("The image couldn't be loaded. Its link may have expired.")).toBeVisible();
    expect(onLoadError).toHaveBeenCalledWith(photo);

    await userEvent.click(screen.getByRole('button', { name: 'Load again' }));
    const retried = await screen.findByRole('img');
    expect(retried).toHaveAttribute('src', `${urlOf('thumb')}?im-retry=1`);
    expect(box).toHaveAttribute('data-state', 'loading');
  });

  it('names the failure in zh-CN', async () => {
    undoLayout = fakeLayout({ width: 240, height: 180 });
    render(<ImageMessageView locale="zh-CN" message={photo} />);
    (await screen.findByRole('img')).dispatchEvent(new Event('error'));
    expect(await screen.findByRole('button', { name: '重新加载' })).toHaveAccessibleDescription(
      '图片加载失败，链接可能已过期。',
    );
  });
});

describe('ImageMessageView outside a provider', () => {
  it('shows a sending message’s progress from the message itself, with nothing it cannot do', () => {
    const sending = { ...sentImageMessage('s', 800, 600), status: 1, progress: 40 };
    render(<ImageMessageView message={sending} />);
    const bar = screen.getByRole('progressbar', { name: 'Uploading image from Alice' });
    expect(bar).toHaveAttribute('aria-valuenow', '40');
    expect(screen.queryByRole('button', { name: 'Cancel upload' })).toBeNull();
  });

  it('shows a failed message as not sent, with Retry when the app handles it', async () => {
    const failed = { ...sentImageMessage('f', 800, 600), status: 3 };
    const onRetry = vi.fn();
    const { rerender } = render(<ImageMessageView message={failed} />);
    expect(screen.getByText('Not sent')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Retry sending' })).toBeNull();
    rerender(<ImageMessageView message={failed} onRetry={onRetry} />);
    await userEvent.click(screen.getByRole('button', { name: 'Retry sending' }));
    expect(onRetry).toHaveBeenCalledWith(failed);
  });
});
