import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage } from 'node:http';

/**
 * A tus request's body as Node delivers it. srvx hands `@tus/server` the body as a web stream
 * (`Readable.toWeb(req)`), which tus turns back into a Node stream and passes through three more
 * transforms of 16 KiB buffers before the store sees a byte: each 64 KiB socket read crossed five
 * buffers and the socket paused between them (curl → loopback, a 28 MiB creation-with-upload POST took
 * 150–230 ms against 57–93 ms for the plain PUT, whose body goes straight from the socket to the file).
 * So the route gives tus a placeholder body that carries nothing, and the store's `write`, running in
 * this request's async context, takes the bytes from the Node request itself (`claim`).
 */
export class RawBody {
  #claimed = false;
  #controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  /** What tus reads instead of the body: nothing, until `release` ends it. */
  readonly placeholder = new ReadableStream<Uint8Array>({
    start: (controller) => {
      this.#controller = controller;
    },
  });

  constructor(readonly request: IncomingMessage) {}

  /** The Node request, to the first store `write` of this tus request only. */
  claim(): IncomingMessage | undefined {
    if (this.#claimed) return undefined;
    this.#claimed = true;
    return this.request;
  }

  /** Ends the placeholder, so tus's own (empty) pipeline finishes once the store is done. */
  release() {
    try {
      this.#controller?.close();
    } catch {
      // Already closed, or canceled by tus (an abort): nothing left to end.
    }
  }
}

const current = new AsyncLocalStorage<RawBody>();

/** Runs `handle` (tus answering one request) with `body` as the body its store write takes. */
export function withRawBody<T>(body: RawBody, handle: () => Promise<T>): Promise<T> {
  return current.run(body, handle);
}

/** The raw body of the tus request being handled here, if the route gave one. */
export function rawBodyHere(): RawBody | undefined {
  return current.getStore();
}
