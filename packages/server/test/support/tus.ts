import { request } from 'node:http';

/** One tus request over fetch, with `Tus-Resumable: 1.0.0` and the bearer token. */
export async function tus(
  url: string,
  method: 'OPTIONS' | 'POST' | 'HEAD' | 'PATCH' | 'DELETE',
  options: { token?: string; headers?: Record<string, string>; body?: Uint8Array } = {},
) {
  const response = await fetch(url, {
    method,
    headers: {
      'tus-resumable': '1.0.0',
      ...(options.token && { authorization: `Bearer ${options.token}` }),
      ...(options.body && { 'content-type': 'application/offset+octet-stream' }),
      ...options.headers,
    },
    ...(options.body && { body: options.body as Uint8Array<ArrayBuffer> }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? undefined : (JSON.parse(text) as { code: number; desc: string }),
  };
}

/** `POST /api/uploads`: creates an upload of `length` bytes and returns its URL. */
export async function createUpload(serverUrl: string, token: string, length: number): Promise<string> {
  const created = await tus(`${serverUrl}/api/uploads`, 'POST', {
    token,
    headers: { 'upload-length': String(length), 'upload-metadata': `filename ${btoa('photo.jpg')}` },
  });
  if (created.status !== 201) throw new Error(`creation failed: ${created.status} ${created.body?.desc}`);
  return created.headers.get('location') as string;
}

/** PATCH `bytes` at `offset`. */
export function patch(url: string, token: string, offset: number, bytes: Uint8Array) {
  return tus(url, 'PATCH', { token, headers: { 'upload-offset': String(offset) }, body: bytes });
}

/**
 * The headers of a raw PATCH (node:http `request`, for bodies a test sends by hand): from `offset`,
 * declaring `length` bytes, or streamed chunked without a length.
 */
export function rawPatchHeaders(token: string, offset: number, length: number | 'chunked') {
  return {
    'tus-resumable': '1.0.0',
    authorization: `Bearer ${token}`,
    'content-type': 'application/offset+octet-stream',
    'upload-offset': String(offset),
    ...(length === 'chunked' ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(length) }),
  };
}

/**
 * A PATCH that declares `bytes.length` but sends only the first `sent` bytes, then cuts the connection
 * (a dropped network). Resolves once the socket is closed.
 */
export function cutPatch(url: string, token: string, offset: number, bytes: Uint8Array, sent: number) {
  return new Promise<void>((resolve) => {
    const req = request(url, { method: 'PATCH', headers: rawPatchHeaders(token, offset, bytes.length) });
    req.on('error', () => resolve());
    req.on('close', () => resolve());
    req.write(bytes.subarray(0, sent), () => setTimeout(() => req.destroy(), 100));
  });
}

/** `PUT /api/messages/:id` that sends a finished upload. */
export async function sendUpload(
  serverUrl: string,
  token: string,
  id: string,
  uploadUrl: string,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${serverUrl}/api/messages/${id}?receiver=bob`, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${token}`,
      'x-upload-url': uploadUrl,
      'x-file-name': 'photo.jpg',
      ...headers,
    },
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      code: number;
      desc: string;
      data?: {
        msgID: string;
        imageElem: {
          imageList: { url: string; size: number }[];
          placeholder?: string;
          description?: string;
        };
      };
    },
  };
}
