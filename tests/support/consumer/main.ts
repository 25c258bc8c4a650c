// A consumer page bundled by esbuild against packages/core/dist, the way an app installs the package:
// no worker plugin, no asset handling, no configuration. The test page drives it through postMessage.
import { prepareImageFile } from '@image-message/core';

/** Workers this page started, by URL scheme: the library's worker must start here with no app config. */
const started: string[] = [];
const NativeWorker = window.Worker;
window.Worker = class extends NativeWorker {
  constructor(url: string | URL, options?: WorkerOptions) {
    super(url, options);
    started.push(new URL(String(url), location.href).protocol);
  }
};

window.addEventListener('message', async (event: MessageEvent<{ file: File; options?: object }>) => {
  const result = await prepareImageFile(event.data.file, event.data.options);
  (event.source as Window).postMessage({ result, workers: [...started] }, { targetOrigin: '*' });
});
parent.postMessage('consumer ready', '*');
