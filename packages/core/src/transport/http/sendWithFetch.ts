import { createAbortError, isAbortError } from '../../errors';
import { originOf } from './sendWithXhr';
import { bodyLength, HttpNetworkError, type HttpReply, type HttpUpload } from './types';

/** Slices handed to fetch one at a time; progress advances per slice. */
const CHUNK_BYTES = 64 * 1024;

/**
 * Where there is no XMLHttpRequest (Node, workers): fetch with a streamed body, so progress can be
 * reported as each slice is taken by the network stack (`highWaterMark: 0` means a slice is only
 * produced when the previous one has been consumed). Slices of bytes are views, not copies; a Blob is
 * read a slice at a time.
 *
 * Browsers send streamed bodies only over HTTP/2, which is why XHR is preferred there.
 */
export async function sendWithFetch(upload: HttpUpload): Promise<HttpReply> {
  if (upload.signal.aborted) throw createAbortError();
  const { body } = upload;
  const length = bodyLength(body);
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (offset >= length) {
          controller.close();
          return;
        }
        const end = Math.min(offset + CHUNK_BYTES, length);
        controller.enqueue(
          ArrayBuffer.isView(body)
            ? body.subarray(offset, end)
            : new Uint8Array(await body.slice(offset, end).arrayBuffer()),
        );
        offset = end;
        upload.onProgress(offset, length);
      },
    },
    { highWaterMark: 0 },
  );
  const withBody = length > 0 ? { body: stream, duplex: 'half' } : {};
  try {
    const response = await fetch(upload.url, {
      method: upload.method,
      headers: upload.headers,
      // `duplex` is required by the fetch standard for a streamed request body.
      ...withBody,
      signal: upload.signal,
    } as RequestInit);
    upload.onActivity();
    const text = await response.text();
    return { status: response.status, text, header: (name) => response.headers.get(name) };
  } catch (error) {
    if (upload.signal.aborted || isAbortError(error)) throw createAbortError();
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    throw new HttpNetworkError(
      `The connection to ${originOf(upload.url)} failed${cause ? ` (${cause})` : ''}.`,
      { cause: error },
    );
  }
}
