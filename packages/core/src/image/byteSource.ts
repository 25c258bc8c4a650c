/**
 * Random access to a file's bytes, for reading an image header without holding the whole file: a file on
 * a server's disk, a `Blob` in a browser. `read(start, end)` gives bytes `[start, end)` — fewer only where
 * the file ends — and may answer at once or with a promise. The bytes given must not change afterwards.
 *
 * @example
 * // A browser File, read a slice at a time:
 * const source: ImageByteSource = {
 *   size: file.size,
 *   read: async (start, end) => new Uint8Array(await file.slice(start, end).arrayBuffer()),
 * };
 * const result = await readImageInfoFrom(source);
 */
export interface ImageByteSource {
  readonly size: number;
  read(start: number, end: number): Uint8Array | Promise<Uint8Array>;
}

/**
 * A header reader written once for both kinds of input: it yields the byte range `[start, end)` it needs
 * next and is resumed with the bytes from `start` on — all of them up to `end` (fewer only where the file
 * ends), and perhaps more, which saves it asking again. It never asks for more than `MAX_BYTE_REQUEST`
 * bytes at once, so reading through a window keeps memory bounded.
 */
export type ByteWalk<T> = Generator<readonly [start: number, end: number], T, Uint8Array>;

/** The most one step of a walk asks for: a JPEG segment is at most 65,535 bytes with its length. */
export const MAX_BYTE_REQUEST = 64 * 1024;

/**
 * Bytes read from a source at once. Twice the largest request, so each refill moves the window at least
 * `MAX_BYTE_REQUEST` forward: a walk reads each byte of the file a bounded number of times, whatever the
 * lengths inside it claim.
 */
const WINDOW_BYTES = 2 * MAX_BYTE_REQUEST;

/** Runs a walk over bytes in memory: every request is answered with a view of the rest, nothing is copied. */
export function walkBytes<T>(walk: ByteWalk<T>, bytes: Uint8Array): T {
  let step = walk.next();
  while (!step.done) step = walk.next(bytes.subarray(step.value[0]));
  return step.value;
}

/**
 * Runs a walk over a source through a window of `WINDOW_BYTES`: requests inside the window cost no read
 * and are answered with the window from the request's start; a request past it refills the window from
 * the request's start.
 */
export async function walkByteSource<T>(walk: ByteWalk<T>, source: ImageByteSource): Promise<T> {
  let window: Uint8Array = new Uint8Array(0);
  let windowStart = 0;
  let step = walk.next();
  while (!step.done) {
    const [start, requestedEnd] = step.value;
    const end = Math.min(requestedEnd, source.size);
    if (end - start > MAX_BYTE_REQUEST) {
      throw new RangeError(
        `A header walk asked for ${end - start} bytes at once; the most is ${MAX_BYTE_REQUEST}.`,
      );
    }
    if (start < end && (start < windowStart || end > windowStart + window.length)) {
      windowStart = start;
      window = await source.read(start, Math.min(source.size, start + WINDOW_BYTES));
    }
    step = walk.next(start < end ? window.subarray(start - windowStart) : new Uint8Array(0));
  }
  return step.value;
}
