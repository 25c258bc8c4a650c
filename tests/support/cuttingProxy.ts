import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { throttle } from './throttle';

export interface CuttingProxyOptions {
  /** The server to pass requests on to; read per request, so a restarted server can move. */
  target: () => string;
  /** Pass request bodies at about 8 MB/s, so an upload lasts long enough to cut it. */
  slow?: boolean;
  /** Answer some requests itself (a test's control routes); return true when it did. */
  answer?: (req: IncomingMessage, res: ServerResponse) => boolean;
}

/**
 * A pass-through proxy in front of the reference server for resumable-upload faults (integration tests,
 * the browser lab, the bench). It counts the upload bytes it gets from the client (PATCH bodies, and
 * POST bodies: tus creation-with-upload), keeps a log of requests, and once `cutAt` of them have passed
 * it cuts that connection, both ways, once — a dropped mobile connection.
 */
export interface CuttingProxy {
  url: string;
  /** Zeroes the counts; the connection carrying upload bytes is cut once `cutAt` of them have passed. */
  reset(cutAt?: number): void;
  /** Upload body bytes (PATCH, POST) that reached the proxy since the last reset. */
  readonly uploadBytes: number;
  /** Whether the planned cut happened. */
  readonly cut: boolean;
  /** Requests since the last reset, as "METHOD /path". */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

export async function startCuttingProxy(options: CuttingProxyOptions): Promise<CuttingProxy> {
  let state = { uploadBytes: 0, cutAt: Number.POSITIVE_INFINITY, cut: false, requests: [] as string[] };
  const proxy = createServer((req, res) => {
    if (options.answer?.(req, res)) return;
    state.requests.push(`${req.method} ${(req.url ?? '/').split('?')[0]}`);
    const upstream = request(`${options.target()}${req.url}`, { method: req.method, headers: req.headers });
    upstream.on('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.on('close', () => {
      if (!req.complete) upstream.destroy();
    });
    const body: Readable = options.slow ? req.pipe(throttle(64 * 1024, 8)) : req;
    body.on('data', (chunk: Buffer) => {
      if (req.method !== 'PATCH' && req.method !== 'POST') return;
      state.uploadBytes += chunk.length;
      if (!state.cut && state.uploadBytes >= state.cutAt) {
        state.cut = true;
        req.socket.destroy();
        upstream.destroy();
      }
    });
    body.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    reset(cutAt = Number.POSITIVE_INFINITY) {
      state = { uploadBytes: 0, cutAt, cut: false, requests: [] };
    },
    get uploadBytes() {
      return state.uploadBytes;
    },
    get cut() {
      return state.cut;
    },
    get requests() {
      return state.requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        proxy.closeAllConnections();
        proxy.close(() => resolve());
      }),
  };
}
