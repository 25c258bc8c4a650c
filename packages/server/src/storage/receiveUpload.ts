import { createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { keepHead } from './uploadHead';

export interface ReceivedUpload {
  tempPath: string;
  size: number;
  /** The first `SNIFF_HEAD_BYTES` (fewer when the body is shorter), for sniffing. */
  head: Uint8Array;
}

/** The body passed `limit`; nothing was kept. */
export class UploadTooLargeError extends Error {
  override readonly name = 'UploadTooLargeError';
}

/** The client went away (or the connection broke) before the body ended; nothing was kept. */
export class UploadAbortedError extends Error {
  override readonly name = 'UploadAbortedError';
}

/** No byte of the body arrived for `idleTimeoutMs`; nothing was kept. */
export class UploadStalledError extends Error {
  override readonly name = 'UploadStalledError';
}

/**
 * Streams a request body into `tempPath`, counting bytes as they arrive: the moment the count passes
 * `limit` the write stops and the file is deleted, whatever Content-Length said. Memory use is bounded
 * by the stream buffers (about 64 KiB each way), not by the body. On any failure the temp file is gone
 * before this rejects. The request itself is never destroyed here, so the caller can still answer.
 *
 * A body that sends nothing for `idleTimeoutMs` (a stalled client, or a proxy that stopped forwarding
 * and never closes) is given up with `UploadStalledError`: neither the connection nor the partial file
 * may outlive it (Node's own request timeout is off under fastify).
 */
export function receiveUpload(
  request: IncomingMessage,
  tempPath: string,
  limit: number,
  options: { sync?: boolean; idleTimeoutMs?: number } = {},
): Promise<ReceivedUpload> {
  return new Promise((resolve, reject) => {
    // `flush` fsyncs before close when durability across power loss is asked for.
    // 1 MiB of buffer: with the default 16 KiB every 64 KiB socket chunk would pause the upload (measured:
    // a 28 MiB PUT on loopback ~130 ms → ~80 ms).
    const file = createWriteStream(tempPath, {
      flags: 'wx',
      flush: options.sync === true,
      highWaterMark: 1 << 20,
    });
    const head = keepHead();
    let size = 0;
    let settled = false;
    let idle: NodeJS.Timeout | undefined;
    const watchIdle = () => {
      if (options.idleTimeoutMs === undefined) return;
      clearTimeout(idle);
      idle = setTimeout(
        () => fail(new UploadStalledError(`No byte arrived for ${options.idleTimeoutMs} ms.`)),
        options.idleTimeoutMs,
      );
    };

    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(idle);
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('close', onClose);
      request.off('error', onError);
      // Stop reading; the caller decides whether to answer or to drop the connection.
      request.pause();
      // Wait for the descriptor to close before unlinking, so no pending write lands after it.
      const removeTemp = () => {
        unlink(tempPath).then(
          () => reject(error),
          () => reject(error),
        );
      };
      if (file.closed) removeTemp();
      else {
        file.once('close', removeTemp);
        file.destroy();
      }
    };

    function onData(chunk: Buffer) {
      watchIdle();
      size += chunk.length;
      if (size > limit) return fail(new UploadTooLargeError(`The body passed ${limit} bytes.`));
      head.add(chunk);
      // Backpressure: stop reading the socket until the disk has caught up.
      // Waiting on the disk is not the client stalling: the idle clock stops until reading resumes.
      if (!file.write(chunk)) {
        request.pause();
        clearTimeout(idle);
        file.once('drain', () => {
          if (settled) return;
          watchIdle();
          request.resume();
        });
      }
    }
    function onEnd() {
      if (settled) return;
      clearTimeout(idle);
      request.off('close', onClose);
      file.end();
      file.once('finish', () => {
        if (settled) return;
        settled = true;
        resolve({ tempPath, size, head: head.bytes() });
      });
    }
    function onClose() {
      if (!request.complete) fail(new UploadAbortedError('The client closed the connection mid-upload.'));
    }
    function onError(error: Error) {
      fail(new UploadAbortedError(`The upload broke off: ${error.message}`));
    }

    file.on('error', (error) => fail(error));
    watchIdle();
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('close', onClose);
    request.on('error', onError);
  });
}
