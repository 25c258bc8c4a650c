import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { tooLarge } from '../api/apiError';

/**
 * After a response is sent early (a 401, 403 or 409 decided before the body was read, or a retry of a
 * stored message), Node would read and discard the rest of the body however long it is, to keep the
 * connection usable. Reading it keeps the client's upload from failing with a reset before it sees the
 * answer; this caps how much is read that way, then drops the connection.
 */
export function capUnreadBody(request: IncomingMessage, response: ServerResponse, limit: number) {
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
