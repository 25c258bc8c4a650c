import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Transform } from 'node:stream';
import { forward } from '../support/forward';

/**
 * A proxy in front of the demo's server whose upload speed can change mid-test: what CDP's network
 * throttling does for Chromium, for an engine without CDP (WebKitGTK under WebDriver). Responses (pages,
 * images, the event stream) pass at full speed; every request is logged (method and path).
 */
export interface SlowLink {
  url: string;
  /** Bytes per second for request bodies from now on; `undefined`: unthrottled. */
  setUploadSpeed(bytesPerSecond: number | undefined): void;
  requests: { method: string; path: string; offset?: string }[];
  close(): Promise<void>;
}

export async function startSlowLink(target: string): Promise<SlowLink> {
  let speed: number | undefined;
  const requests: SlowLink['requests'] = [];

  /** Passes at most `speed` bytes a second, re-reading `speed` for every 10 ms slice. */
  const throttled = () =>
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        let at = 0;
        const next = () => {
          if (at >= chunk.length) return done();
          const slice = speed === undefined ? chunk.length - at : Math.max(1, Math.round(speed / 100));
          this.push(chunk.subarray(at, at + slice));
          at += slice;
          if (speed === undefined) next();
          else setTimeout(next, 10);
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
    const upstream = forward(target, req, res, throttled());
    res.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    setUploadSpeed(bytesPerSecond) {
      speed = bytesPerSecond;
    },
    requests,
    close: () =>
      new Promise((resolve) => {
        proxy.closeAllConnections();
        proxy.close(() => resolve());
      }),
  };
}
