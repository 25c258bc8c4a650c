import { request } from 'node:http';
import { connect } from 'node:net';

export interface RawReply {
  status?: number;
  headers?: Record<string, string | string[] | undefined>;
  body: string;
  /** Body bytes the client managed to hand to its socket before the exchange ended. */
  written: number;
  error?: string;
}

/**
 * A PUT whose body is `total` bytes produced from `chunk` (repeated, then cut to size), written with
 * backpressure, so the client never holds more than one chunk however large the body is. Resolves
 * with the response (if one came) once the exchange ends either way.
 */
export function streamingPut(
  url: string,
  options: {
    headers: Record<string, string | number>;
    total: number;
    first?: Uint8Array;
    chunkBytes?: number;
    /** Send headers only and wait for an answer without writing any body. */
    headersOnly?: boolean;
    /** Called after each write with the bytes written so far. */
    onWrite?: (written: number) => void;
  },
): Promise<RawReply> {
  return new Promise((resolve) => {
    const chunk = Buffer.alloc(options.chunkBytes ?? 64 * 1024, 0x20);
    const req = request(url, { method: 'PUT', headers: options.headers });
    const reply: RawReply = { body: '', written: 0 };
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve(reply);
    };
    req.on('response', (res) => {
      reply.status = res.statusCode;
      reply.headers = res.headers;
      res.setEncoding('utf8');
      res.on('data', (text: string) => {
        reply.body += text;
      });
      res.on('end', finish);
      res.on('error', finish);
    });
    req.on('error', (error) => {
      reply.error = error.message;
      // A reset can come after the response started; let its body finish first.
      setTimeout(finish, 100);
    });
    if (options.headersOnly) {
      req.flushHeaders();
      return;
    }
    let first = options.first ? Buffer.from(options.first) : undefined;
    const pump = () => {
      while (reply.written < options.total && !req.destroyed) {
        let piece = first ?? chunk;
        first = undefined;
        piece = piece.subarray(0, Math.min(piece.length, options.total - reply.written));
        reply.written += piece.length;
        const accepted = req.write(piece);
        options.onWrite?.(reply.written);
        if (!accepted) {
          req.once('drain', pump);
          return;
        }
      }
      if (!req.destroyed) req.end();
    };
    pump();
  });
}

/**
 * Writes raw bytes to the server's socket. With `afterFirstAnswer`, waits for the first complete answer before
 * writing those too. Resolves with each answer's text once the server closes the connection.
 */
export function rawExchange(
  url: string,
  bytes: Uint8Array[],
  options: { endAfterWrite?: boolean; afterFirstAnswer?: Uint8Array[] } = {},
) {
  return new Promise<string[]>((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const socket = connect({ host: hostname, port: Number(port) });
    const answers: string[] = [''];
    let waitingForFirst = options.afterFirstAnswer !== undefined;
    const write = async (pieces: Uint8Array[]) => {
      for (const piece of pieces) {
        if (!socket.write(piece)) await new Promise((done) => socket.once('drain', done));
      }
    };
    socket.setEncoding('latin1');
    socket.on('data', (text: string) => {
      answers[answers.length - 1] += text;
      const current = answers[answers.length - 1] as string;
      const headerEnd = current.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(current)?.[1];
      const complete =
        headerEnd >= 0 && length !== undefined && current.length >= headerEnd + 4 + Number(length);
      if (waitingForFirst && complete) {
        waitingForFirst = false;
        answers.push('');
        void write(options.afterFirstAnswer ?? []);
      }
    });
    socket.on('close', () => resolve(answers.filter((answer) => answer !== '')));
    socket.on('error', (error) => (answers[0] ? resolve(answers) : reject(error)));
    socket.on('connect', async () => {
      await write(bytes);
      if (options.endAfterWrite) socket.end();
    });
  });
}
