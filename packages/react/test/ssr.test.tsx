// @vitest-environment node
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

describe('server rendering', () => {
  it('imports and renders the composer to HTML without touching window', async () => {
    expect(typeof window).toBe('undefined');
    const { ImageMessageComposer, ImageMessageProvider } = await import('../src');
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
});
