import { type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { Transform } from 'node:stream';

/**
 * Forwards one request to `target` (same method, path and headers) with its body passed through
 * `body` when given (a throttle), and the answer back as it comes. A client that goes away mid-body
 * drops the upstream request too, so the server gets what had arrived, as it would. Returns the
 * upstream request, for a caller that also ties it to the response.
 */
export function forward(target: string, req: IncomingMessage, res: ServerResponse, body?: Transform) {
  const upstream = request(`${target}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => res.destroy());
  req.on('close', () => {
    if (!req.complete) upstream.destroy();
  });
  (body ? req.pipe(body) : req).pipe(upstream);
  return upstream;
}
