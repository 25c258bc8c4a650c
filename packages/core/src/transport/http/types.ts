/** One HTTP request (an upload, or a tus request with no body), as the XHR and fetch senders take it. */
export interface HttpUpload {
  method: 'PUT' | 'POST' | 'PATCH' | 'HEAD' | 'DELETE' | 'OPTIONS';
  url: string;
  headers: Record<string, string>;
  /**
   * What to send (empty: no body): a Blob (the user's File or a slice of it), which the browser streams
   * from disk, or bytes.
   */
  body: Uint8Array | Blob;
  /** Aborting rejects the upload with an `AbortError`. */
  signal: AbortSignal;
  /** Bytes handed to the network so far. */
  onProgress(loaded: number, total: number): void;
  /** Any sign of life that is not upload progress (response bytes arriving), for the stall watchdog. */
  onActivity(): void;
}

/** The length of a request body. */
export const bodyLength = (body: Uint8Array | Blob): number =>
  ArrayBuffer.isView(body) ? body.byteLength : body.size;

/** A response, whatever its status. */
export interface HttpReply {
  status: number;
  text: string;
  /** A response header (case-insensitive), or `null`; tus answers in headers (Location, Upload-Offset). */
  header?(name: string): string | null;
}

/** Sends one upload; rejects with `HttpNetworkError` when no response arrives, or an `AbortError`. */
export type HttpSender = (upload: HttpUpload) => Promise<HttpReply>;

/** The request never got a response: refused, reset, DNS, CORS, offline. Worth retrying. */
export class HttpNetworkError extends Error {
  override readonly name = 'HttpNetworkError';
}
