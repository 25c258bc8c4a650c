import { readdir } from 'node:fs/promises';
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { throttle } from '../support/throttle';

/** What the browser tests ask the lab about, at `<labUrl>/__lab/…` (answered by the proxy itself). */
export interface LabStats {
  /** PATCH body bytes that reached the proxy since the last reset. */
  patchBytes: number;
  /** Whether the planned cut happened. */
  cut: boolean;
  /** Files in DATA_DIR/uploads now. */
  uploads: string[];
  /** Requests since the last reset, as "METHOD /path". */
  requests: string[];
}

/**
 * A proxy in front of the real server for resumable-upload faults from chromium. It passes requests on
 * at about 8 MB/s (so an upload lasts long enough to cut it) and counts PATCH body bytes. The page drives
 * it over plain HTTP (CORS open for its own `/__lab/` routes):
 * - `POST /__lab/reset?cutAt=<bytes>`: zero the counters; cut the connection carrying PATCH bytes once
 *   `cutAt` of them have passed (a dropped network);
 * - `POST /__lab/restart`: stop the server and start it again on the same DATA_DIR (a deploy, a crash
 *   recovered), while uploads are under way;
 * - `GET /__lab/stats`: `LabStats`.
 */
export async function startTusLab(server: { url(): string; dataDir: string; restart(): Promise<void> }) {
  let state = { patchBytes: 0, cutAt: Number.POSITIVE_INFINITY, cut: false, requests: [] as string[] };

  const lab = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    const url = new URL(req.url ?? '/', 'http://lab');
    res.setHeader('access-control-allow-origin', '*');
    if (path === '/__lab/reset') {
      state = {
        patchBytes: 0,
        cutAt: Number(url.searchParams.get('cutAt') ?? Infinity),
        cut: false,
        requests: [],
      };
    } else if (path === '/__lab/restart') {
      await server.restart();
    }
    const stats: LabStats = {
      patchBytes: state.patchBytes,
      cut: state.cut,
      uploads: await readdir(join(server.dataDir, 'uploads')).catch(() => []),
      requests: state.requests,
    };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(stats));
  };

  const proxy = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] as string;
    if (path.startsWith('/__lab/')) {
      void lab(req, res, path);
      return;
    }
    state.requests.push(`${req.method} ${path}`);
    const upstream = request(`${server.url()}${req.url}`, { method: req.method, headers: req.headers });
    upstream.on('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.on('close', () => {
      if (!req.complete) upstream.destroy();
    });
    const passed = throttle(64 * 1024, 8);
    passed.on('data', (chunk: Buffer) => {
      if (req.method !== 'PATCH') return;
      state.patchBytes += chunk.length;
      if (!state.cut && state.patchBytes >= state.cutAt) {
        state.cut = true;
        req.socket.destroy();
        upstream.destroy();
      }
    });
    req.pipe(passed).pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        proxy.closeAllConnections();
        proxy.close(() => resolve());
      }),
  };
}
