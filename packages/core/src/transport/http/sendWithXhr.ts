import { createAbortError } from '../../errors';
import { HttpNetworkError, type HttpReply, type HttpUpload } from './types';

/**
 * Browsers: XMLHttpRequest, the only browser API that reports upload progress over HTTP/1.1
 * (`xhr.upload.onprogress`). The Uint8Array is passed to `send` directly, so the bytes are not copied.
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
      upload.onProgress(event.loaded, event.lengthComputable ? event.total : upload.body.byteLength);
    };
    xhr.onprogress = () => upload.onActivity();
    xhr.onload = () => settle(() => resolve({ status: xhr.status, text: xhr.responseText }));
    xhr.onerror = () =>
      settle(() => reject(new HttpNetworkError(`The connection to ${originOf(upload.url)} failed.`)));
    xhr.onabort = () => settle(() => reject(createAbortError()));
    upload.signal.addEventListener('abort', onAbort, { once: true });
    xhr.send(upload.body as Uint8Array<ArrayBuffer>);
  });
}

export function originOf(url: string): string {
  try {
    return new URL(url, globalThis.location?.href).origin;
  } catch {
    return 'the server';
  }
}
