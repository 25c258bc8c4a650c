import { ErrorCode } from '@image-message/core';
import { tooLarge } from '../api/apiError';

interface Envelope {
  code: number;
  desc: string;
}

/** What a tus hook throws to refuse a request: `@tus/server` answers with this status and body. */
export function tusRefusal(status: number, code: number, desc: string) {
  return { status_code: status, body: JSON.stringify({ code, desc } satisfies Envelope) };
}

function parse(text: string): Envelope | undefined {
  try {
    const value = JSON.parse(text) as Partial<Envelope>;
    return typeof value.code === 'number' && typeof value.desc === 'string'
      ? { code: value.code, desc: value.desc }
      : undefined;
  } catch {
    return undefined;
  }
}

/** `@tus/server`'s own texts (its `ERRORS`), and what to tell the client instead. */
const DESCRIPTIONS: [pattern: RegExp, code: number, desc: string][] = [
  [
    /Upload-Offset conflict/,
    ErrorCode.INVALID_PARAMETERS,
    'Upload-Offset does not match what the server has. Ask with HEAD and continue from its Upload-Offset.',
  ],
  [/Upload-Offset header required/, ErrorCode.INVALID_PARAMETERS, 'Send Upload-Offset with every PATCH.'],
  [
    /Content-Type header required|Invalid content-type/i,
    ErrorCode.INVALID_PARAMETERS,
    'A PATCH body must be sent as Content-Type: application/offset+octet-stream.',
  ],
  [
    /Tus-Resumable Required/,
    ErrorCode.INVALID_PARAMETERS,
    'Send Tus-Resumable: 1.0.0 with every tus request.',
  ],
  [
    /Upload-Length or Upload-Defer-Length/,
    ErrorCode.INVALID_PARAMETERS,
    'Send Upload-Length: the size of the image in bytes.',
  ],
  [
    /Upload-Metadata is invalid/,
    ErrorCode.INVALID_PARAMETERS,
    'Upload-Metadata must be comma-separated "key base64value" pairs.',
  ],
  [
    /^Invalid /,
    ErrorCode.INVALID_PARAMETERS,
    'A tus header has an invalid value (Upload-Length and Upload-Offset are whole numbers of bytes, Tus-Resumable is 1.0.0).',
  ],
  [
    /upload's size exceeded/,
    ErrorCode.FILE_TOO_LARGE,
    'This body goes past the Upload-Length given at creation; nothing past it was kept.',
  ],
  [
    /Request aborted due to lock acquired/,
    ErrorCode.INVALID_PARAMETERS,
    'Another request for this upload took over. Ask with HEAD and continue from its Upload-Offset.',
  ],
];

/**
 * Turns any error answer of `@tus/server` into the `{ code, desc }` envelope every answer of this server
 * carries (its own are plain text). Answers a hook already wrote as an envelope are kept as they are.
 */
export function tusEnvelope(status: number, text: string, limit: number): Envelope {
  const own = parse(text);
  if (own) return own;
  for (const [pattern, code, desc] of DESCRIPTIONS) {
    if (pattern.test(text)) return { code, desc };
  }
  if (status === 413) {
    const { code, desc } = tooLarge(undefined, limit);
    return { code, desc };
  }
  if (status === 404 || status === 410) {
    return {
      code: ErrorCode.FILE_NOT_FOUND,
      desc: 'There is no such upload (it finished, expired or was canceled). Start a new one.',
    };
  }
  if (status >= 500) {
    return {
      code: ErrorCode.UPLOAD_FAILED,
      desc: 'The server failed while storing the upload. Ask with HEAD and continue; what arrived is kept.',
    };
  }
  return { code: ErrorCode.INVALID_PARAMETERS, desc: `The upload request was refused (HTTP ${status}).` };
}
