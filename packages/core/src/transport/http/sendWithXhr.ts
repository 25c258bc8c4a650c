import { createAbortError } from '../../errors';
import { bodyLength, HttpNetworkError, type HttpReply, type HttpUpload } from './types';

/**
 * Browsers: XMLHttpRequest, the only browser API that reports upload progress over HTTP/1.1
 * (`xhr.upload.onprogress`).
 *
 * The body is a `Blob`, never the Uint8Array itself: Chromium copies an ArrayBuffer(View) body into the
 * request synchronously, blocking the main thread for 0.2–0.6 s for 28 MiB (and with DevTools' network
 * domain on, it also inlines the whole body into a protocol event: seconds, and no progress meanwhile).
 * A Blob body (the user's File, or a slice of it) is sent as it is: the browser streams it from disk.
 * Bytes are copied into a new Blob (~30 ms for 28 MiB, into the browser's blob storage, outside the JS
 * heap) and the upload streams from there.
 */
export function sendWithXhr(upload: HttpUpload): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    if (upload.signal.aborted) return reject(createAbortError());
    const xhr = new XMLHttpRequest();
    const onAbort = () => xhr.abort();
    const settle = (finish: () => void) => {
      upload.signal.removeEventListener('abort', onAbort);
      finish();
    };
    xhr.open(upload.method, upload.url);
    for (const [name, value] of Object.entries(upload.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      upload.onProgress(event.loaded, event.lengthComputable ? event.total : bodyLength(upload.body));
    };
    xhr.onprogress = () => upload.onActivity();
    xhr.onload = () =>
      settle(() =>
        resolve({
          status: xhr.status,
          text: xhr.responseText,
          header: (name) => xhr.getResponseHeader(name),
        }),
      );
    xhr.onerror = () =>
      settle(() => reject(new HttpNetworkError(`The connection to ${originOf(upload.url)} failed.`)));
    xhr.onabort = () => settle(() => reject(createAbortError()));
    upload.signal.addEventListener('abort', onAbort, { once: true });
    const { body } = upload;
    if (bodyLength(body) === 0) xhr.send();
    else xhr.send(ArrayBuffer.isView(body) ? new Blob([body as Uint8Array<ArrayBuffer>]) : body);
  });
}

export function originOf(url: string): string {
  try {
    return new URL(url, globalThis.location?.href).origin;
  } catch {
    return 'the server';
  }
}
