import { createWriteStream } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { keepHead } from './uploadHead';

export interface Appended {
  /** Bytes that reached the file. */
  written: number;
  /** With `keepingHead`, the first `SNIFF_HEAD_BYTES` written (fewer when fewer were). */
  head?: Buffer;
  /** Why the body stopped before its end: the client went away, or the body passed `limit`. */
  cut?: 'broken' | 'tooLarge';
}

/**
 * Writes a request body into `path` from `offset` as it arrives, straight from the socket, with a 1 MiB
 * file buffer (as a streamed PUT is written: with 16 KiB every 64 KiB socket read would pause the upload).
 * Whatever stops it — the body's end, the client going away, the body passing `limit`, or `stop` —
 * what arrived before is written and flushed, so a resume goes on from it; a chunk that would pass
 * `limit` is not written at all. With `keepingHead` (a body from the upload's first byte), its head is also
 * kept in memory, for sniffing without reading it back. Rejects only when the file cannot be written.
 */
export function appendArriving(
  request: IncomingMessage,
  path: string,
  offset: number,
  limit: number,
  stop: AbortSignal,
  keepingHead = false,
): Promise<Appended> {
  return new Promise((resolve, reject) => {
    const file = createWriteStream(path, { flags: 'r+', start: offset, highWaterMark: 1 << 20 });
    let written = 0;
    const head = keepingHead ? keepHead() : undefined;
    let cut: Appended['cut'];
    let ended = false;

    const end = (why?: Appended['cut']) => {
      if (ended) return;
      ended = true;
      cut = why;
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('close', onClose);
      request.off('error', onError);
      stop.removeEventListener('abort', onStop);
      request.pause();
      file.end();
    };
    function onData(chunk: Buffer) {
      if (written + chunk.length > limit) return end('tooLarge');
      head?.add(chunk);
      written += chunk.length;
      // Backpressure: stop reading the socket until the disk has caught up.
      if (!file.write(chunk)) {
        request.pause();
        file.once('drain', () => {
          if (!ended) request.resume();
        });
      }
    }
    const onEnd = () => end();
    const onClose = () => {
      if (!request.complete) end('broken');
    };
    const onError = () => end('broken');
    const onStop = () => end();

    file.once('finish', () => resolve({ written, ...(head && { head: head.bytes() }), ...(cut && { cut }) }));
    file.once('error', (error) => {
      ended = true;
      request.off('data', onData);
      request.pause();
      reject(error);
    });
    if (stop.aborted) return end();
    stop.addEventListener('abort', onStop, { once: true });
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('close', onClose);
    request.on('error', onError);
  });
}
