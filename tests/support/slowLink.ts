import { type ClientRequest, createServer, type IncomingMessage, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Transform } from 'node:stream';

/**
 * A proxy in front of the demo's server whose upload and download speeds can change mid-test: network
 * throttling that works the same in every engine (Chromium and Firefox under Playwright, WebKitGTK under
 * WebDriver), where CDP's is Chromium's alone. Every request is logged (method, path, Upload-Offset).
 */
export interface SlowLink {
  url: string;
  /** Bytes per second for request bodies from now on; `undefined`: unthrottled. */
  setUploadSpeed(bytesPerSecond: number | undefined): void;
  /**
   * Bytes per second for response bodies from now on (0 holds them; `undefined`: unthrottled): those of
   * the paths `only` accepts, by default all (pages, the API, images, the event stream).
   */
  setDownloadSpeed(bytesPerSecond: number | undefined, only?: (path: string) => boolean): void;
  requests: { method: string; path: string; offset?: string }[];
  /**
   * Drops every request whose body is still on its way, both ways, as a lost connection would: the server
   * keeps what had crossed the link. A page that goes away mid-upload closes its connection, but what it
   * had already written waits in the kernel's socket buffers (a megabyte or more on loopback, ahead of the
   * throttled proxy) and would still reach the server behind it; cut the link after the page is gone to
   * leave the server with what it had.
   */
  cutUploads(): void;
  close(): Promise<void>;
}

export async function startSlowLink(target: string): Promise<SlowLink> {
  let uploadSpeed: number | undefined;
  let downloadSpeed: number | undefined;
  let slowDownloads: ((path: string) => boolean) | undefined;
  const requests: SlowLink['requests'] = [];
  const inFlight = new Set<{ req: IncomingMessage; upstream: ClientRequest }>();

  /**
   * One direction of the link: every transfer that way shares its bandwidth, as on a real slow link (and
   * as CDP's throttling of a page does). Booking `bytes` at `limit` bytes a second on it says how long
   * until they have passed.
   */
  const lane = () => {
    let busyUntil = 0;
    return (bytes: number, limit: number) => {
      const now = performance.now();
      busyUntil = Math.max(busyUntil, now) + (bytes * 1000) / limit;
      return busyUntil - now;
    };
  };
  const up = lane();
  const down = lane();

  /**
   * Passes a body on in slices of about 10 ms at `speed()` (re-read for every slice; 0 holds it, `undefined`
   * lets it through), booked on `way`. Its buffers are small (one chunk in, one slice out), so `pipe`'s
   * backpressure stops reading the source socket while a chunk trickles out: what the sender has written
   * waits in the kernel, not in the proxy.
   */
  const throttled = (way: ReturnType<typeof lane>, speed: () => number | undefined) =>
    new Transform({
      highWaterMark: 1024,
      transform(chunk: Buffer, _encoding, done) {
        let at = 0;
        const next = () => {
          if (at >= chunk.length) {
            done();
            return;
          }
          const limit = speed();
          if (limit === 0) {
            setTimeout(next, 10);
            return;
          }
          const piece = chunk.subarray(
            at,
            limit === undefined ? chunk.length : at + Math.max(1, Math.round(limit / 100)),
          );
          at += piece.length;
          const pass = () => {
            this.push(piece);
            next();
          };
          const delay = limit === undefined ? 0 : way(piece.length, limit);
          if (delay > 0) setTimeout(pass, delay);
          else pass();
        };
        next();
      },
    });

  const proxy = createServer((req, res) => {
    const offset = req.headers['upload-offset'];
    requests.push({
      method: req.method ?? '',
      path: req.url ?? '',
      ...(offset && { offset: String(offset) }),
    });
    const upstream = request(
      `${target}${req.url}`,
      { method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer
          .pipe(
            throttled(down, () =>
              slowDownloads === undefined || slowDownloads(req.url ?? '') ? downloadSpeed : undefined,
            ),
          )
          .pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    const flight = { req, upstream };
    inFlight.add(flight);
    req.on('end', () => inFlight.delete(flight));
    // A page that closes mid-upload drops its connection: the server gets what had arrived, as it would.
    req.on('close', () => {
      inFlight.delete(flight);
      if (!req.complete) upstream.destroy();
    });
    res.on('close', () => upstream.destroy());
    req.pipe(throttled(up, () => uploadSpeed)).pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    setUploadSpeed(bytesPerSecond) {
      uploadSpeed = bytesPerSecond;
    },
    setDownloadSpeed(bytesPerSecond, only) {
      downloadSpeed = bytesPerSecond;
      slowDownloads = only;
    },
    requests,
    cutUploads() {
      for (const { req, upstream } of inFlight) {
        if (req.complete) continue;
        req.socket.destroy();
        upstream.destroy();
      }
      inFlight.clear();
    },
    close: () =>
      new Promise((resolve) => {
        proxy.closeAllConnections();
        proxy.close(() => resolve());
      }),
  };
}
