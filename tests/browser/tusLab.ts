import { readdir } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { startCuttingProxy } from '../support/cuttingProxy';

/** What the browser tests ask the lab about, at `<labUrl>/__lab/…` (answered by the proxy itself). */
export interface LabStats {
  /** upload body bytes (PATCH, POST) that reached the proxy since the last reset. */
  uploadBytes: number;
  /** Whether the planned cut happened. */
  cut: boolean;
  /** Files in DATA_DIR/uploads now. */
  uploads: string[];
  /** Requests since the last reset, as "METHOD /path". */
  requests: string[];
}

/**
 * A proxy in front of the real server for resumable-upload faults from the browser. It passes requests on
 * at about 8 MB/s (so an upload lasts long enough to cut it) and counts upload body bytes (PATCH, POST). The page drives
 * it over plain HTTP (CORS open for its own `/__lab/` routes):
 * - `POST /__lab/reset?cutAt=<bytes>`: zero the counters; cut the connection carrying upload bytes once
 *   `cutAt` of them have passed (a dropped network);
 * - `POST /__lab/restart`: stop the server and start it again on the same DATA_DIR (a deploy, a crash
 *   recovered), while uploads are under way;
 * - `GET /__lab/stats`: `LabStats`.
 */
export async function startTusLab(server: { url(): string; dataDir: string; restart(): Promise<void> }) {
  const lab = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    const url = new URL(req.url ?? '/', 'http://lab');
    res.setHeader('access-control-allow-origin', '*');
    if (path === '/__lab/reset') {
      proxy.reset(Number(url.searchParams.get('cutAt') ?? Infinity));
    } else if (path === '/__lab/restart') {
      await server.restart();
    }
    const stats: LabStats = {
      uploadBytes: proxy.uploadBytes,
      cut: proxy.cut,
      uploads: await readdir(join(server.dataDir, 'uploads')).catch(() => []),
      requests: [...proxy.requests],
    };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(stats));
  };

  const proxy = await startCuttingProxy({
    target: () => server.url(),
    slow: true,
    answer: (req, res) => {
      const path = (req.url ?? '/').split('?')[0] as string;
      if (!path.startsWith('/__lab/')) return false;
      void lab(req, res, path);
      return true;
    },
  });
  return { url: proxy.url, close: proxy.close };
}
