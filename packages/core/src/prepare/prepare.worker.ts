// The preparation worker: decoding, downscaling, encoding and ThumbHash off the main thread. It is built
// into a self-contained module (the library build inlines it), so it imports nothing at run time.
import * as ErrorCode from '../errorCodes';
import { createCanvasCodec } from './createCanvasCodec';
import type { PrepareOutcome } from './outcome';
import { prepareWithCodec } from './prepareWithCodec';
import type { PrepareReply, PrepareRequest } from './workerProtocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<PrepareRequest>) => void) | null;
  postMessage(message: PrepareReply): void;
}
const scope = self as unknown as WorkerScope;

// A worker without OffscreenCanvas (Safari before 16.4) still strips metadata off the main thread.
const canDecode = typeof OffscreenCanvas === 'function' && typeof createImageBitmap === 'function';

// One photo at a time: a 48 MP decode holds ~190 MB, and several at once would only compete for the cores.
let queue: Promise<unknown> = Promise.resolve();

scope.onmessage = ({ data: request }) => {
  queue = queue.then(async () => {
    let outcome: PrepareOutcome;
    try {
      const codec = canDecode ? createCanvasCodec(request.heicDecoderUrl) : undefined;
      outcome = await prepareWithCodec(request.file, request.options, codec, request.heicBitmap);
    } catch (error) {
      outcome = {
        code: ErrorCode.NOT_IMAGE,
        desc: `This file could not be read (${error instanceof Error ? error.message : String(error)}). Choose it again.`,
      };
    }
    scope.postMessage({ id: request.id, outcome });
  });
};
