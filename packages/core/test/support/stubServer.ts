import {
  createAbortError,
  HttpNetworkError,
  type HttpReply,
  type HttpSender,
  type HttpUpload,
} from '../../src';

/** One request the stub got. */
export interface StubRequest {
  method: HttpUpload['method'];
  url: string;
  headers: Record<string, string>;
  /** Body bytes the stub took in (all of them unless the connection was dropped). */
  received: number;
}

export interface StubOptions {
  /** Offer tus on OPTIONS /api/uploads (default true). */
  tus?: boolean;
  /**
   * Name an upload with the id its POST proposes (`key` in Upload-Metadata), as the reference server
   * does (default false: the stub names uploads u1, u2, … like any tus server).
   */
  takesProposedIds?: boolean;
  /**
   * Decides each request before the stub handles it: `drop` takes `afterBytes` of the body (what reached
   * the server before the cut) then fails like a dropped connection; `hang` never answers (until
   * aborted); `reply` answers as given.
   */
  fault?: (
    request: StubRequest,
    n: number,
  ) =>
    | { kind: 'drop'; afterBytes: number }
    | { kind: 'hang' }
    | { kind: 'reply'; status: number; body?: unknown }
    | undefined;
}

interface StubUpload {
  length: number;
  bytes: Uint8Array;
  offset: number;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): HttpReply => ({
  status,
  text: body === undefined ? '' : JSON.stringify(body),
  header: (name) => headers[name.toLowerCase()] ?? null,
});

/**
 * An in-memory stand-in for the reference server as an `HttpSender`: plain `PUT /api/messages/:id` and
 * tus (`OPTIONS`, `POST`, `HEAD`, `PATCH`, `DELETE /api/uploads`), with faults on demand. It answers
 * like the real one does (`{ code, desc, data }`), so the transport's rules are tested without a server.
 */
export function createStubServer(options: StubOptions = {}) {
  const requests: StubRequest[] = [];
  const uploads = new Map<string, StubUpload>();
  const messages = new Map<string, { bytes: Uint8Array; msgID: string }>();
  let nextUpload = 0;

  const sender: HttpSender = async (upload) => {
    const request: StubRequest = {
      method: upload.method,
      url: upload.url,
      headers: upload.headers,
      received: 0,
    };
    requests.push(request);
    await Promise.resolve();
    if (upload.signal.aborted) throw createAbortError();
    const fault = options.fault?.(request, requests.length);
    if (fault?.kind === 'hang') {
      return new Promise<HttpReply>((_resolve, reject) => {
        upload.signal.addEventListener('abort', () => reject(createAbortError()), { once: true });
      });
    }
    if (fault?.kind === 'reply') return json(fault.status, fault.body);
    const whole = ArrayBuffer.isView(upload.body)
      ? upload.body
      : new Uint8Array(await upload.body.arrayBuffer());
    const body = fault?.kind === 'drop' ? whole.subarray(0, Math.min(fault.afterBytes, whole.length)) : whole;
    request.received = body.length;
    if (body.length > 0) upload.onProgress(body.length, whole.length);
    const path = new URL(upload.url).pathname;
    const reply = handle(upload, path, body);
    if (fault?.kind === 'drop')
      throw new HttpNetworkError(`The connection to ${new URL(upload.url).origin} failed.`);
    return reply;
  };

  function handle(upload: HttpUpload, path: string, body: Uint8Array): HttpReply {
    const uploadId = /^\/api\/uploads\/(\w+)$/.exec(path)?.[1];
    if (path === '/api/uploads' && upload.method === 'OPTIONS') {
      if (options.tus === false) return json(404, { code: 7004, desc: 'There is no OPTIONS /api/uploads.' });
      return json(204, undefined, {
        'tus-version': '1.0.0',
        'tus-extension': 'creation,creation-with-upload,termination,expiration',
        'tus-max-size': String(28 * 1024 * 1024),
      });
    }
    if (path === '/api/uploads' && upload.method === 'POST') {
      const length = Number(upload.headers['upload-length']);
      // The id the client proposes (`key`, as the reference server takes it), else one of its own.
      const key = /(?:^|,)key ([\w+/=]+)/.exec(upload.headers['upload-metadata'] ?? '')?.[1];
      const proposed = key === undefined ? undefined : atob(key);
      const id =
        options.takesProposedIds && proposed && /^\w+$/.test(proposed) && !uploads.has(proposed)
          ? proposed
          : `u${++nextUpload}`;
      const stored = { length, bytes: new Uint8Array(length), offset: 0 };
      uploads.set(id, stored);
      // creation-with-upload: what arrived with the POST is kept, as a PATCH's.
      if (upload.headers['content-type'] === 'application/offset+octet-stream') {
        stored.bytes.set(body.subarray(0, length), 0);
        stored.offset = Math.min(body.length, length);
        return json(201, undefined, {
          location: `/api/uploads/${id}`,
          'upload-offset': String(stored.offset),
        });
      }
      return json(201, undefined, { location: `/api/uploads/${id}` });
    }
    if (uploadId !== undefined) {
      const stored = uploads.get(uploadId);
      if (!stored) return json(404, { code: 7004, desc: 'There is no such upload.' });
      if (upload.method === 'HEAD') {
        return json(200, undefined, {
          'upload-offset': String(stored.offset),
          'upload-length': String(stored.length),
        });
      }
      if (upload.method === 'DELETE') {
        uploads.delete(uploadId);
        return json(204, undefined);
      }
      if (upload.method === 'PATCH') {
        if (Number(upload.headers['upload-offset']) !== stored.offset) {
          return json(409, { code: 6017, desc: 'Upload-Offset does not match.' });
        }
        stored.bytes.set(body.subarray(0, stored.length - stored.offset), stored.offset);
        stored.offset += Math.min(body.length, stored.length - stored.offset);
        return json(204, undefined, { 'upload-offset': String(stored.offset) });
      }
    }
    const messageId = /^\/api\/messages\/(\w+)$/.exec(path)?.[1];
    if (messageId !== undefined && upload.method === 'PUT') {
      const existing = messages.get(messageId);
      let bytes = body;
      const url = upload.headers['x-upload-url'];
      if (!existing && url !== undefined) {
        const id = /\/api\/uploads\/(\w+)$/.exec(url)?.[1] ?? '';
        const stored = uploads.get(id);
        if (!stored) return json(404, { code: 7004, desc: 'There is no such upload.' });
        if (stored.offset !== stored.length)
          return json(400, { code: 6017, desc: 'This upload is not finished.' });
        uploads.delete(id);
        bytes = stored.bytes;
      }
      const message = existing ?? { bytes, msgID: `msg_${messages.size + 1}` };
      messages.set(messageId, message);
      return json(200, {
        code: 0,
        desc: '',
        data: {
          id: messageId,
          msgID: message.msgID,
          timestamp: 1_767_225_600,
          sender: 'alice',
          imageElem: {
            imageList: [{ type: 0, size: message.bytes.length, url: `https://stub/${messageId}` }],
          },
        },
      });
    }
    return json(404, { code: 7004, desc: `There is no ${upload.method} ${path}.` });
  }

  return {
    sender,
    requests,
    uploads,
    messages,
    /** The requests with this method (and, optionally, path). */
    made: (method: HttpUpload['method'], path?: string) =>
      requests.filter((r) => r.method === method && (path === undefined || new URL(r.url).pathname === path)),
    /** PATCH (or plain PUT) body bytes the stub took in, in all. */
    bodyBytes: () => requests.reduce((sum, r) => sum + r.received, 0),
  };
}
