import { readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { BrowserCommand } from 'vitest/node';
import { buildCoreDist, bundleConsumer, type ConsumerChunk } from '../support/consumerBundle.ts';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };

let served: { server: Server; dir: string } | undefined;

/**
 * Browser commands (they run in Node, called from a test in the browser): build packages/core/dist, bundle a
 * consumer page against it with esbuild, and serve that page from its own origin.
 */
export const consumerCommands: {
  serveConsumerBundle: BrowserCommand<[], { url: string; chunks: ConsumerChunk[] }>;
  closeConsumerBundle: BrowserCommand<[], void>;
} = {
  async serveConsumerBundle() {
    buildCoreDist();
    const { dir, chunks } = await bundleConsumer();
    const server = createServer(async (request, response) => {
      const path = normalize(new URL(request.url ?? '/', 'http://x').pathname).replace(/^(\.\.[/\\])+/, '');
      const file = join(dir, path === '/' ? 'index.html' : path);
      try {
        const body = await readFile(file);
        response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        response.end(body);
      } catch {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    served = { server, dir };
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, chunks };
  },
  async closeConsumerBundle() {
    if (!served) return;
    const { server, dir } = served;
    served = undefined;
    // The page's keep-alive connections would hold close() open.
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  },
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    serveConsumerBundle: () => Promise<{ url: string; chunks: ConsumerChunk[] }>;
    closeConsumerBundle: () => Promise<void>;
  }
}
