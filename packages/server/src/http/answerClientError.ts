import type { Socket } from 'node:net';
import { ErrorCode } from '@image-message/core';

/** What Node's HTTP parser reports, as a status and the `{ code, desc }` every answer of this server carries. */
function describe(error: NodeJS.ErrnoException & { reason?: unknown }): {
  status: number;
  label: string;
  code: number;
  desc: string;
} {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return {
      status: 408,
      label: 'Request Timeout',
      code: ErrorCode.REQUEST_TIMEOUT,
      desc: 'The request did not arrive in time, so the connection was closed. Send it again.',
    };
  }
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    return {
      status: 431,
      label: 'Request Header Fields Too Large',
      code: ErrorCode.INVALID_PARAMETERS,
      desc: 'The request headers are too large (16 KB at most). Send fewer or shorter headers.',
    };
  }
  // llhttp's reason ("Content-Length can't be present with Transfer-Encoding", "Invalid method"…) says
  // what was wrong with the bytes; it never echoes them.
  const reason = typeof error.reason === 'string' ? ` (${error.reason})` : '';
  return {
    status: 400,
    label: 'Bad Request',
    code: ErrorCode.INVALID_PARAMETERS,
    desc: `This is not a well-formed HTTP request${reason}, so the connection was closed. Check the request line, the headers and that the body is exactly as long as Content-Length says.`,
  };
}

/**
 * Node's parser refuses a malformed request (Content-Length together with chunked encoding, bytes left
 * over after a body, a header block over 16 KB, a timeout) before fastify sees it; fastify's default
 * answer is `{"error":"Bad Request","statusCode":400}`. This answers with the envelope instead and closes
 * the connection, whose framing can no longer be trusted.
 */
export function answerClientError(error: Error & { reason?: unknown }, socket: Socket) {
  if ((error as NodeJS.ErrnoException).code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const { status, label, code, desc } = describe(error as NodeJS.ErrnoException & { reason?: unknown });
    const body = JSON.stringify({ code, desc });
    socket.write(
      `HTTP/1.1 ${status} ${label}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
