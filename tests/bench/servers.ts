import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServerMain, spawnServer } from '../../packages/server/test/support/serverProcess';

export interface Listening {
  url: string;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<Listening> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** The built bench page, on an origin of its own (so both upload targets are cross-origin alike). */
export function startStaticServer(dir: string): Promise<Listening> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = join(dir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(path === '/favicon.ico' ? 204 : 404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  return listen(server);
}

/**
 * The reference server as it is deployed: `node main.js` in a process of its own (bundled from its sources
 * as the server's process tests do), fresh data dir, CORS for the page. Not in this process: here its
 * garbage collector would mark the harness's heap too (Playwright, the page's build) — measured, Node's
 * GC threads then spent 50–75 ms of CPU per 28 MiB upload, on two cores shared with chromium.
 */
export async function startReferenceServer(dataDir: string, pageOrigin: string): Promise<Listening> {
  const server = await spawnServer(await buildServerMain('bench'), {
    DATA_DIR: dataDir,
    CORS_ORIGINS: pageOrigin,
    LOG_LEVEL: 'silent',
  });
  return { url: server.url, close: () => server.kill() };
}

/** The CORS answers the reference server gives the page, copied so the drain server gives the same. */
export interface CorsHeaders {
  preflight: Record<string, string>;
  response: Record<string, string>;
}

const UPLOAD_HEADERS = 'authorization,content-type,x-file-name';

function corsOnly(headers: Headers): Record<string, string> {
  const picked: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (name.startsWith('access-control-') || name === 'vary') picked[name] = value;
  });
  return picked;
}

export async function readCorsHeaders(serverUrl: string, pageOrigin: string): Promise<CorsHeaders> {
  const preflight = await fetch(`${serverUrl}/api/messages/img_probe?receiver=bob`, {
    method: 'OPTIONS',
    headers: {
      origin: pageOrigin,
      'access-control-request-method': 'PUT',
      'access-control-request-headers': UPLOAD_HEADERS,
    },
  });
  const simple = await fetch(`${serverUrl}/api/health`, { headers: { origin: pageOrigin } });
  await Promise.all([preflight.arrayBuffer(), simple.arrayBuffer()]);
  return { preflight: corsOnly(preflight.headers), response: corsOnly(simple.headers) };
}

/**
 * The baseline of figure 4 (drainServer.mjs), in a process of its own as the reference server is: reads
 * every body byte and throws it away, with the reference server's CORS answers. With `storeDir`, it
 * stores each body instead as the least a server must do (a new file in `storeDir`, written as it arrives).
 */
export async function startDrainServer(cors: CorsHeaders, storeDir?: string): Promise<Listening> {
  const server = await spawnServer(fileURLToPath(new URL('./drainServer.mjs', import.meta.url)), {
    CORS_HEADERS: JSON.stringify(cors),
    ...(storeDir && { STORE_DIR: storeDir }),
  });
  return { url: server.url, close: () => server.kill() };
}

/** Lets the server finish the THUMB/LARGE variants it makes after answering, so runs do not overlap it. */
export async function waitForVariants(urls: readonly string[]): Promise<void> {
  await Promise.all(urls.map(async (url) => (await fetch(url)).arrayBuffer()));
}
