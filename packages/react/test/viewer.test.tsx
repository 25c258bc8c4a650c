import type { V2TimMessage } from '@image-message/core';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ImageMessageView } from '../src';
import { sentImageMessage } from './support/imageMessages';

const conversation: V2TimMessage[] = [
  sentImageMessage('a', 1200, 800, { timestamp: undefined }),
  { id: 'text', elemType: 1 },
  sentImageMessage('b', 800, 1200, { nickName: 'Bob', sender: 'bob' }),
  sentImageMessage('c', 3000, 1000, { isSelf: true }),
];

/** The ORIGIN download as a stream of two halves with a Content-Length, as a server sends it. */
function streamingFetch() {
  return vi.fn(async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(500));
        controller.enqueue(new Uint8Array(500));
        controller.close();
      },
    });
    return new Response(body, { headers: { 'content-length': '1000', 'content-type': 'image/jpeg' } });
  });
}

beforeEach(() => {
  vi.stubGlobal('fetch', streamingFetch());
});
afterEach(() => {
  vi.unstubAllGlobals();
});

function renderConversation(locale?: string) {
  return render(
    <ul>
      {conversation
        .filter((message) => message.elemType === 3)
        .map((message) => (
          <li key={message.id}>
            <ImageMessageView message={message} conversation={conversation} locale={locale} />
          </li>
        ))}
    </ul>,
  );
}

describe('the viewer', () => {
  it('opens as a modal dialog with focus inside, pages with ←/→, closes with Esc and returns focus', async () => {
    renderConversation();
    const opener = screen.getByRole('button', { name: 'Open image from Bob' });
    await userEvent.click(opener);

    const dialog = await screen.findByRole('dialog', { name: 'Image from Bob' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    expect(within(dialog).getByText('Image 2 of 3')).toBeInTheDocument();
    expect(within(dialog).getByText('2 / 3')).toBeInTheDocument();

    await userEvent.keyboard('{ArrowRight}');
    expect(within(dialog).getByText('3 / 3')).toBeInTheDocument();
    expect(dialog).toHaveAccessibleName('Image sent by you');
    await userEvent.keyboard('{ArrowRight}');
    expect(within(dialog).getByText('3 / 3')).toBeInTheDocument();
    await userEvent.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(within(dialog).getByText('1 / 3')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Previous image' })).toBeDisabled();

    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(opener).toHaveFocus();
  });

  it('links Download to the ORIGIN and zooms with + − 0, naming every control', async () => {
    renderConversation();
    await userEvent.click(screen.getByRole('button', { name: 'Open image from Alice' }));
    const dialog = await screen.findByRole('dialog');
    const download = within(dialog).getByRole('link', { name: 'Download original' });
    expect(download).toHaveAttribute('href', 'https://img.test/a/origin');
    expect(download).toHaveAttribute('download');

    const zoomIn = within(dialog).getByRole('button', { name: 'Zoom in' });
    const zoomOut = within(dialog).getByRole('button', { name: 'Zoom out' });
    const fit = within(dialog).getByRole('button', { name: 'Fit to screen' });
    const canvas = dialog.querySelector('.im-viewer__canvas') as HTMLElement;
    expect(zoomOut).toBeDisabled();
    await userEvent.keyboard('+');
    expect(canvas.style.transform).toContain('scale(1.5)');
    await userEvent.click(zoomIn);
    expect(canvas.style.transform).toContain('scale(2.25)');
    await userEvent.keyboard('-');
    expect(canvas.style.transform).toContain('scale(1.5)');
    await userEvent.keyboard('0');
    expect(canvas.style.transform).toContain('scale(1)');
    expect(fit).toBeDisabled();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close viewer' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('shows the LARGE at once and the ORIGIN over it behind a progress bar fed by the download stream', async () => {
    renderConversation();
    await userEvent.click(screen.getByRole('button', { name: 'Open image from Alice' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.querySelector('.im-viewer__image--large')).toHaveAttribute(
      'src',
      'https://img.test/a/large',
    );
    // The original starts downloading once the image has been looked at for a moment.
    expect(fetch).not.toHaveBeenCalled();
    await waitFor(() => expect(fetch).toHaveBeenCalledWith('https://img.test/a/origin', expect.anything()));
    const original = await waitFor(() => {
      const image = within(dialog).getByRole('img', { name: 'from Alice' });
      expect(image.getAttribute('src')).toMatch(/^blob:/);
      return image;
    });
    expect(within(dialog).getByRole('progressbar', { name: 'Loading the original' })).toHaveAttribute(
      'aria-valuenow',
      '100',
    );
    original.dispatchEvent(new Event('load'));
    await waitFor(() => expect(within(dialog).queryByRole('progressbar')).toBeNull());
    expect(dialog).toHaveAttribute('data-state', 'loaded');
  });

  it('names every control in zh-CN', async () => {
    renderConversation('zh-CN');
    await userEvent.click(screen.getByRole('button', { name: '查看图片 Bob 发送' }));
    const dialog = await screen.findByRole('dialog', { name: '图片 Bob 发送' });
    for (const name of ['上一张', '下一张', '放大', '缩小', '适应屏幕', '关闭查看器'])
      expect(within(dialog).getByRole('button', { name })).toBeInTheDocument();
    expect(within(dialog).getByRole('link', { name: '下载原图' })).toBeInTheDocument();
    expect(within(dialog).getByText('第 2 张，共 3 张')).toBeInTheDocument();
  });
});
