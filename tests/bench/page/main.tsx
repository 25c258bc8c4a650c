import './instrumentation';
import '@image-message/react/styles.css';
import {
  createHttpTransport,
  createMessageManager,
  fileToImageMessageParams,
  type ImageTransport,
  type MessageManager,
  readImageInfo,
  type V2TimImage,
} from '@image-message/core';
import type { BenchApi, ComposerSendResult, PreviewResult, UploadKind, UploadResult } from './benchApi';
import {
  frame,
  longTasksBetween,
  startCountingCommits,
  stopCountingCommits,
  xhrProgressEvents,
} from './instrumentation';
import { drawNaiveThumbnail } from './naiveThumbnail';
import { persistDraft, resetKept, restoreKept } from './persistBench';
import { prepareInWorker, prepareOnMainThread, stripOrDecode } from './prepareBench';
import { dropPreview } from './previewBench';
import { $, arrivalAt, composer, RECEIVER, render, unmount, watchComposerPreview } from './stage';
import { viewBench } from './viewBench';

declare global {
  interface Window {
    bench: BenchApi;
  }
}

const BIG_NAME = 'photo-48mp-28mib.jpg';

const fileOf = (name: 'big' | 'jpeg' | 'png' | 'heic') => {
  const file = $<HTMLInputElement>(`#file-${name}`).files?.[0];
  if (!file) throw new Error(`#file-${name} has no file; setInputFiles first`);
  return file;
};
const messageId = () => `img_${crypto.randomUUID().replaceAll('-', '')}`;
/** THUMB/LARGE links: fetching them makes the bench wait until the server has made them. */
const variantUrls = (list: readonly V2TimImage[] | undefined) =>
  (list ?? []).filter((image) => image.type !== 0 && image.url).map((image) => image.url as string);

let drainUrl = '';
let storeUrl = '';
let token = '';
let toServer: ImageTransport;
let toDrain: ImageTransport;
let toServerPlain: ImageTransport;
let throughProxy: ImageTransport;
let manager: MessageManager;

/** Figure 3 and 5: when the file reached the input, and when its preview was ready. */
let arrived: Promise<number> | undefined;
let previewReady: Promise<number> | undefined;
/** Figure 5: the composer's onSent. */
let deliver: ((images?: V2TimImage[]) => void) | undefined;
/** Figure 4: the 28 MiB file's bytes, read once. */
let uploadBytes: Uint8Array | undefined;

/** A PUT with the transport's headers; resolves with the stored message's images (when there are any). */
function rawXhr(url: string, body: Blob): Promise<V2TimImage[] | undefined> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.setRequestHeader('content-type', 'image/jpeg');
    xhr.setRequestHeader('x-file-name', BIG_NAME);
    // An upload listener, as the transport has: it changes how Chromium reports progress.
    xhr.upload.onprogress = () => {};
    xhr.onload = () => {
      if (xhr.status !== 200) return reject(new Error(`HTTP ${xhr.status}: ${xhr.responseText}`));
      const reply = JSON.parse(xhr.responseText) as { data?: { imageElem?: { imageList?: V2TimImage[] } } };
      resolve(reply.data?.imageElem?.imageList);
    };
    xhr.onerror = () => reject(new Error('network error'));
    xhr.send(body);
  });
}

async function upload(kind: UploadKind): Promise<UploadResult> {
  const bytes = uploadBytes;
  if (!bytes) throw new Error('loadUploadBytes first');
  const id = messageId();
  const drainTarget = `${drainUrl}/api/messages/${id}?receiver=${RECEIVER}`;
  const events = xhrProgressEvents();
  const start = performance.now();
  let images: V2TimImage[] | undefined;
  const storeTarget = `${storeUrl}/api/messages/${id}?receiver=${RECEIVER}`;
  if (kind === 'rawFile') await rawXhr(drainTarget, fileOf('big'));
  else if (kind === 'rawFileStored') await rawXhr(storeTarget, fileOf('big'));
  else if (kind === 'rawBytesBlob') await rawXhr(drainTarget, new Blob([bytes as Uint8Array<ArrayBuffer>]));
  else {
    const transport =
      kind === 'transportToDrain' ? toDrain : kind === 'plainWithFile' ? toServerPlain : toServer;
    const result = await transport.send(
      {
        id,
        // As the manager builds it for a draft from the hook or the composer: the File alone.
        ...(kind === 'transportWithFile' || kind === 'plainWithFile' ? { file: fileOf('big') } : { bytes }),
        fileName: BIG_NAME,
        mimeType: 'image/jpeg',
        width: 8000,
        height: 6000,
        receiver: RECEIVER,
      },
      { signal: new AbortController().signal, onProgress: () => {} },
    );
    images = result.imageList;
  }
  const ms = performance.now() - start;
  return { ms, progressEvents: xhrProgressEvents() - events, variantUrls: variantUrls(images) };
}

window.bench = {
  ...viewBench,
  async setup(options) {
    drainUrl = options.drainUrl;
    storeUrl = options.storeUrl;
    const response = await fetch(`${options.serverUrl}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userID: 'alice' }),
    });
    token = ((await response.json()) as { data: { token: string } }).data.token;
    // No retries: a failed upload must show up, not hide in a slower figure.
    toServer = createHttpTransport({ baseUrl: options.serverUrl, token, retries: 0 });
    toDrain = createHttpTransport({ baseUrl: drainUrl, token, retries: 0 });
    toServerPlain = createHttpTransport({ baseUrl: options.serverUrl, token, retries: 0, resumable: false });
    // Resumes after the proxy's cut: a few quick retries; PATCHes of 8 MiB, the bound R1 is held to.
    throughProxy = createHttpTransport({
      baseUrl: options.proxyUrl,
      token,
      retries: 3,
      retryDelayMs: 100,
      chunkBytes: 8 * 1024 * 1024,
    });
    manager = createMessageManager({ transport: toServer });
  },

  async readFile(kind) {
    const file = fileOf('big');
    const start = performance.now();
    if (kind === 'arrayBuffer') {
      const buffer = await file.arrayBuffer();
      const ms = performance.now() - start;
      if (buffer.byteLength !== file.size) throw new Error('short read');
      return ms;
    }
    const params = await fileToImageMessageParams(file);
    const ms = performance.now() - start;
    URL.revokeObjectURL(params.imagePath);
    if (params.fileContent.byteLength !== file.size) throw new Error('short read');
    return ms;
  },

  async readDimensions(image, kind) {
    const file = fileOf(image);
    if (kind === 'createImageBitmap') {
      const start = performance.now();
      const bitmap = await createImageBitmap(file);
      const ms = performance.now() - start;
      const { width, height } = bitmap;
      bitmap.close();
      return { ms, width, height };
    }
    if (kind === 'headerFromFile') {
      const start = performance.now();
      const result = readImageInfo(new Uint8Array(await file.slice(0, 64 * 1024).arrayBuffer()));
      const ms = performance.now() - start;
      if (!result.ok) throw new Error(result.desc);
      return { ms, width: result.info.width, height: result.info.height };
    }
    // The library's own step: the bytes are in memory already (read once, for the upload). It takes
    // microseconds, so it is timed over a batch (timers are coarsened to 0.1 ms here).
    const bytes = new Uint8Array(await file.arrayBuffer());
    const batch = 200;
    const start = performance.now();
    let result = readImageInfo(bytes);
    for (let i = 1; i < batch; i++) result = readImageInfo(bytes);
    const ms = (performance.now() - start) / batch;
    if (!result.ok) throw new Error(result.desc);
    return { ms, width: result.info.width, height: result.info.height };
  },

  async mountPreview(kind) {
    if (kind === 'composer') {
      await render(composer('memory'));
      arrived = arrivalAt($('#stage input[type=file]'));
      previewReady = watchComposerPreview();
      return;
    }
    await unmount();
    const input = $<HTMLInputElement>('#naive-input');
    input.value = '';
    arrived = arrivalAt(input);
    previewReady = new Promise((resolve, reject) => {
      const onChange = () => {
        const file = input.files?.[0];
        if (!file) return reject(new Error('no file'));
        drawNaiveThumbnail(file, $('#stage')).then(() => resolve(performance.now()), reject);
      };
      input.addEventListener('change', onChange, { once: true });
    });
  },

  async awaitPreview(): Promise<PreviewResult> {
    if (!arrived || !previewReady) throw new Error('mountPreview first');
    const [arrival, loaded] = await Promise.all([arrived, previewReady]);
    return { ms: loaded - arrival, ...(await longTasksBetween(arrival, loaded)) };
  },

  unmount,

  async uploadThroughProxy() {
    const bytes = uploadBytes;
    if (!bytes) throw new Error('loadUploadBytes first');
    const start = performance.now();
    const result = await throughProxy.send(
      {
        id: messageId(),
        bytes,
        file: fileOf('big'),
        fileName: BIG_NAME,
        mimeType: 'image/jpeg',
        width: 8000,
        height: 6000,
        receiver: RECEIVER,
      },
      { signal: new AbortController().signal, onProgress: () => {} },
    );
    return { ms: performance.now() - start, progressEvents: 0, variantUrls: variantUrls(result.imageList) };
  },

  async loadUploadBytes() {
    const params = await fileToImageMessageParams(fileOf('big'));
    URL.revokeObjectURL(params.imagePath);
    uploadBytes = params.fileContent;
  },

  dropUploadBytes() {
    uploadBytes = undefined;
  },

  upload,

  async mountSendingComposer() {
    // Preparation off: the 28 MiB file is uploaded as it is, as the figure says (a downscaled copy would
    // be ~1 MB, and even as original, stripping drops the padding after its end-of-image marker).
    await render(composer(toServer, (images) => deliver?.(images), false));
    previewReady = watchComposerPreview();
  },

  async mountOriginalComposer() {
    // Preparing on with Original: the photo is stripped (a File of its slices), never downscaled.
    await render(composer(toServer, (images) => deliver?.(images), { original: true }));
    previewReady = watchComposerPreview();
  },

  async sendFromComposer(): Promise<ComposerSendResult> {
    if (!previewReady) throw new Error('mountSendingComposer first');
    await previewReady;
    await frame();
    const delivered = new Promise<V2TimImage[] | undefined>((resolve) => {
      deliver = resolve;
    });
    const events = xhrProgressEvents();
    startCountingCommits();
    const start = performance.now();
    $<HTMLButtonElement>('#stage .im-button--send').click();
    const images = await delivered;
    const ms = performance.now() - start;
    // The sent draft leaves the list in a later frame; those commits count too.
    while ($('#stage .im-preview')) await frame();
    await frame();
    await frame();
    const { commits, timeline } = stopCountingCommits();
    return {
      ms,
      commits,
      timeline,
      progressEvents: xhrProgressEvents() - events,
      variantUrls: variantUrls(images),
    };
  },

  async sendThroughManager() {
    const events = xhrProgressEvents();
    const start = performance.now();
    const created = await manager.createImageMessage(await fileToImageMessageParams(fileOf('big')));
    if (created.code !== 0 || !created.data) throw new Error(created.desc);
    const { id } = created.data;
    const result = await manager.sendMessage({ id, receiver: RECEIVER });
    const ms = performance.now() - start;
    manager.discardMessage(id);
    if (result.code !== 0) throw new Error(`${result.code} ${result.desc}`);
    return {
      ms,
      progressEvents: xhrProgressEvents() - events,
      variantUrls: variantUrls(result.data?.imageElem?.imageList),
    };
  },

  prepare(image, kind) {
    const file = fileOf(image);
    return kind === 'worker'
      ? prepareInWorker(file)
      : prepareOnMainThread(file, { width: 4000, height: 3000 });
  },

  stripOrDecode: (kind) => stripOrDecode(fileOf('jpeg'), kind),

  resetKept: (kept) => resetKept(fileOf('jpeg'), kept),
  persistDraft: (kind) => persistDraft(fileOf('jpeg'), kind),
  restoreKept,

  dropPreview: (kind) => dropPreview(fileOf('jpeg'), kind),
};
