import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { tooLarge } from '../api/apiError';

/**
 * After a response is sent early (a 401, 403 or 409 decided before the body was read, or a retry of a
 * stored message), Node would read and discard the rest of the body however long it is, to keep the
 * connection usable. Reading it keeps the client's upload from failing with a reset before it sees the
 * answer; this caps how much is read that way, then drops the connection.
 */
export function capUnreadBody(request: IncomingMessage, response: ServerResponse, limit: number) {
  lingerBeforeClosing(request);
  response.once('finish', () => {
    if (request.complete || request.destroyed) return;
    let discarded = 0;
    request.on('data', (chunk: Buffer) => {
      discarded += chunk.length;
      if (discarded > limit) request.socket.destroy();
    });
    request.resume();
  });
}

/** How long a closing connection keeps reading (and dropping) what the client still sends. */
export const LINGER_MS = 5_000;

/**
 * A lingering close (RFC 9112 §9.6). An answer that closes the connection (`Connection: close`, e.g. a
 * 413 sent before the body was read) makes Node destroy the socket as soon as the answer is written.
 * Bytes the client is still sending then arrive at a closed socket and the kernel resets the
 * connection; a client busy writing (Node's http, a browser's upload) meets the reset before it has read
 * the answer waiting in its buffer, and reports "EPIPE"/"connection reset" instead of the 413 — one in
 * twenty refusals under load. So the socket sends its FIN after the answer and keeps reading and
 * dropping the body (capped by `capUnreadBody`) until the client closes its side, or for `LINGER_MS`.
 */
function lingerBeforeClosing(request: IncomingMessage) {
  const socket = request.socket as Socket & { destroySoon?: () => void };
  // Node calls destroySoon() once a `Connection: close` answer is finished (http server, resOnFinish).
  socket.destroySoon = () => {
    if (request.complete || socket.destroyed) return socket.destroy();
    socket.end();
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    timer.unref();
    socket.once('end', () => socket.destroy());
    socket.once('close', () => clearTimeout(timer));
  };
}

/**
 * `Expect: 100-continue` (curl sends it for bodies over 1 MB): refuse an upload whose Content-Length is
 * over the limit before the client sends a byte; everything else gets its `100 Continue` and goes on
 * to the routes as usual.
 */
export function refuseOversizeBeforeContinue(server: Server, limit: number) {
  server.on('checkContinue', (request: IncomingMessage, response: ServerResponse) => {
    const declared = Number(request.headers['content-length']);
    if (request.method === 'PUT' && Number.isFinite(declared) && declared > limit) {
      const error = tooLarge(declared, limit);
      response.writeHead(error.status, {
        'content-type': 'application/json; charset=utf-8',
        connection: 'close',
      });
      response.end(JSON.stringify({ code: error.code, desc: error.desc }));
      return;
    }
    response.writeContinue();
    server.emit('request', request, response);
  });
}
