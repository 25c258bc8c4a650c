// @vitest-environment node
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

describe('server rendering', () => {
  it('imports and renders the composer to HTML without touching window', async () => {
    expect(typeof window).toBe('undefined');
    const { ImageMessageComposer, ImageMessageProvider, loadImageMessageLocale } = await import('../src');
    // A server render cannot wait for a chunk: the locale is loaded first, as an app's server does.
    await loadImageMessageLocale('zh-CN');
    const { createMemoryTransport } = await import('@image-message/core');
    const html = renderToString(
      <QueryClientProvider client={new QueryClient()}>
        <ImageMessageProvider transport={createMemoryTransport()}>
          <ImageMessageComposer receiver="bob" locale="zh-CN" />
        </ImageMessageProvider>
      </QueryClientProvider>,
    );
    expect(html).toContain('role="group"');
    expect(html).toContain('aria-label="添加图片"');
    expect(html).toContain('type="file"');
    expect(html).toContain('>发送</button>');
  });

  it('renders an image message’s box, in its shape, without a provider and without touching window', async () => {
    const { ImageMessageView } = await import('../src');
    const html = renderToString(
      <ImageMessageView
        locale="zh-CN"
        message={{
          id: 'm1',
          elemType: 3,
          status: 2,
          sender: 'alice',
          nickName: 'Alice',
          imageElem: { imageList: [{ type: 0, width: 1200, height: 800, url: 'https://img.test/o' }] },
        }}
      />,
    );
    expect(html).toContain('aria-label="查看图片 Alice 发送"');
    expect(html).toContain('--im-view-ratio:1.5');
    expect(html).toContain('data-state="loading"');
  });
});
