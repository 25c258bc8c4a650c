import { stat } from 'node:fs/promises';
import sharp from 'sharp';
import type { MessageStore } from '../db/messageStore';
import type { ImageStore } from '../storage/imageStore';
import { readHead } from '../storage/uploadHead';
import { createVariantRenderer } from './renderVariants';
import { sniffImage } from './sniffImage';

/**
 * Makes THUMB and LARGE in the background, one message at a time, so a send is acknowledged as soon as
 * its original is stored (resizing a 12 MP photo takes hundreds of milliseconds), and in a worker thread
 * (renderVariants.ts), so no request waits for it. Pending work lives in the database, so variants
 * interrupted by a restart are made after it. A download of a variant not made yet asks for it with
 * `whenReady`, which moves that message to the front of the queue.
 */
export interface VariantWorker {
  enqueue(messageId: string): void;
  /** Resolves once the message has no pending variant (made, or replaced by the original on failure). */
  whenReady(messageId: string): Promise<void>;
  /** Lets the running job finish and drops the rest (they stay pending in the database). */
  close(): Promise<void>;
}

interface Deferred {
  promise: Promise<void>;
  resolve(): void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

export function createVariantWorker(deps: {
  store: MessageStore;
  images: ImageStore;
  onError?: (messageId: string, error: unknown) => void;
  /** Decoded bytes one image may take (see `createVariantRenderer`). */
  memoryBytes: number;
}): VariantWorker {
  const { store, images } = deps;
  const renderer = createVariantRenderer({ memoryBytes: deps.memoryBytes });
  const queue: string[] = [];
  const waiting = new Map<string, Deferred>();
  let running: Promise<void> | undefined;
  let closed = false;

  function pump() {
    if (running || closed) return;
    const next = queue.shift();
    if (next === undefined) return;
    running = process(next).finally(() => {
      running = undefined;
      waiting.get(next)?.resolve();
      waiting.delete(next);
      pump();
    });
  }

  async function process(messageId: string) {
    const record = store.findById(messageId);
    const origin = record?.images.find((image) => image.type === 0);
    const pending = record?.images.filter((image) => image.state === 'pending') ?? [];
    if (!record || !origin || pending.length === 0) return;
    const originPath = images.pathOf(origin.file);
    try {
      const size = origin.size ?? (await stat(originPath)).size;
      const sniff = await sniffImage(originPath, await readHead(originPath), size);
      if (!sniff.ok) throw new Error(sniff.desc);
      // Frames of an animated GIF/WebP. libvips refusing the file here (a decompression bomb, damaged
      // pixels) lands in the catch below: the variants become the original.
      const pages = sniff.facts.format === 'bmp' ? 1 : ((await sharp(originPath).metadata()).pages ?? 1);
      const outputs = [...pending]
        .sort((a, b) => b.width * b.height - a.width * a.height)
        .map((image) => ({ image, path: images.pathOf(image.file), tempPath: images.tempPath() }));
      const sizes = await renderer.render({
        originPath,
        format: sniff.facts.format,
        ...(sniff.facts.orientation !== undefined && { orientation: sniff.facts.orientation }),
        width: sniff.facts.width,
        height: sniff.facts.height,
        pages,
        outputs: outputs.map(({ image, path, tempPath }) => ({
          path,
          tempPath,
          width: image.width,
          height: image.height,
        })),
      });
      outputs.forEach(({ image }, i) => {
        store.markVariantReady(messageId, { ...image, size: sizes[i] as number });
      });
    } catch (error) {
      // A variant that cannot be made is served as the original, and says so with the original's numbers.
      deps.onError?.(messageId, error);
      for (const image of pending) {
        store.markVariantReady(messageId, {
          type: image.type,
          file: origin.file,
          mimeType: origin.mimeType,
          width: origin.width,
          height: origin.height,
          ...(origin.size !== undefined && { size: origin.size }),
        });
      }
    }
  }

  return {
    enqueue(messageId) {
      if (closed || queue.includes(messageId)) return;
      queue.push(messageId);
      pump();
    },
    whenReady(messageId) {
      if (closed) return Promise.resolve();
      const record = store.findById(messageId);
      if (!record?.images.some((image) => image.state === 'pending')) return Promise.resolve();
      let wait = waiting.get(messageId);
      if (!wait) {
        wait = deferred();
        waiting.set(messageId, wait);
      }
      const index = queue.indexOf(messageId);
      if (index > 0) queue.splice(index, 1);
      if (index !== 0) queue.unshift(messageId);
      // While running, the job is not in the queue; re-queueing it is harmless (it finds nothing pending).
      pump();
      return wait.promise;
    },
    async close() {
      closed = true;
      queue.length = 0;
      await running;
      await renderer.close();
      for (const wait of waiting.values()) wait.resolve();
      waiting.clear();
    },
  };
}
