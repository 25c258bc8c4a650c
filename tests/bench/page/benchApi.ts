/** What the bench page exposes as `window.bench`; every method returns plain JSON for page.evaluate. */
export interface BenchApi extends ViewBenchApi {
  setup(options: { serverUrl: string; drainUrl: string; storeUrl: string; proxyUrl: string }): Promise<void>;
  /** Figure 1: one read of the 28 MiB file, in ms. */
  readFile(kind: 'params' | 'arrayBuffer'): Promise<number>;
  /** Figure 2: ms per dimension read of a 12 MP image (averaged over a batch when it is sub-ms). */
  readDimensions(
    image: 'jpeg' | 'png',
    kind: 'readImageInfo' | 'headerFromFile' | 'createImageBitmap',
  ): Promise<{ ms: number; width: number; height: number }>;
  /** Figure 3: mounts a fresh composer (memory transport) or the naive main-thread thumbnailer. */
  mountPreview(kind: 'composer' | 'naive'): Promise<void>;
  /** Figure 3: after the file reached the input, waits for its preview and counts long tasks meanwhile. */
  awaitPreview(): Promise<PreviewResult>;
  unmount(): Promise<void>;
  /** Figure 4: reads the 28 MiB file once into memory for the uploads that follow. */
  loadUploadBytes(): Promise<void>;
  dropUploadBytes(): void;
  upload(kind: UploadKind): Promise<UploadResult>;
  /** Figure 5: mounts a fresh composer sending through createHttpTransport to the reference server. */
  mountSendingComposer(): Promise<void>;
  /** Figure 5: with the image already previewed, presses Send and counts commits and XHR progress events. */
  sendFromComposer(): Promise<ComposerSendResult>;
  /** Figure 6: mounts a fresh composer with Original on, sending through createHttpTransport (resumable). */
  mountOriginalComposer(): Promise<void>;
  /** Figure 6.s: File → fileToImageMessageParams → createImageMessage → sendMessage to the reference server. */
  sendThroughManager(): Promise<UploadResult>;
  /** Figure 7: the 12 MP JPEG (or HEIC) prepared by the library in its worker, or by hand on the main thread. */
  prepare(image: 'jpeg' | 'heic', kind: 'worker' | 'mainThread'): Promise<PrepareRun>;
  /** Figure 7: metadata stripped from the 12 MP JPEG's bytes (no re-encoding; in place or into a new array), or the JPEG decoded. */
  stripOrDecode(kind: 'inPlace' | 'newArray' | 'decode'): Promise<{ ms: number }>;
  /** Figure tus: the 28 MiB File sent resumably through the cutting proxy in front of the reference server. */
  uploadThroughProxy(): Promise<UploadResult>;
  /** Figure 9: empties the bench's databases, then keeps `kept` 12 MP drafts in each. */
  resetKept(kept: number): Promise<void>;
  /** Figure 9: the 12 MP JPEG made a draft by a manager with the IndexedDB store (or put in IndexedDB by hand). */
  persistDraft(kind: 'library' | 'raw'): Promise<PersistRun>;
  /** Figure 9: a reload: a new manager restores the `expected` kept drafts. */
  restoreKept(expected: number): Promise<PersistRun>;
  /** Figure 10: the 12 MP JPEG dropped on a fresh composer (or a naive `<img>` preview) until its preview paints. */
  dropPreview(kind: 'composer' | 'naive'): Promise<PaintedPreview>;
}

import type { HeartbeatStalls } from './instrumentation';

export type { PersistRun } from './persistBench';
export type { PrepareRun } from './prepareBench';
export type { PaintedPreview } from './previewBench';

import type { PersistRun } from './persistBench';
import type { PrepareRun } from './prepareBench';
import type { PaintedPreview } from './previewBench';

export type UploadKind =
  /** createHttpTransport → the reference server (the figure). */
  | 'transport'
  /** raw XHR of the disk-backed File → the drain server (the baseline). */
  | 'rawFile'
  /** raw XHR of the File → a minimal server that stores it (the cost of storing 28 MiB at all). */
  | 'rawFileStored'
  /** createHttpTransport → the drain server (isolates the server's share). */
  | 'transportToDrain'
  /** raw XHR of `new Blob([bytes])` → the drain server (isolates the in-memory copy). */
  | 'rawBytesBlob'
  /** createHttpTransport with `request.file` alone → the reference server (what the manager sends for a draft): tus. */
  | 'transportWithFile'
  /** The same with `resumable: false`: one plain PUT. */
  | 'plainWithFile';

export interface PreviewResult extends HeartbeatStalls {
  /** From the file's `change` event to the preview being loaded and decoded. */
  ms: number;
  longTasks: number;
  longestTaskMs: number;
  /** Sum over long tasks of (duration − 50 ms), as Lighthouse's total blocking time. */
  blockingMs: number;
  /** Scripts of long animation frames in the window, longest first: what the long tasks ran. */
  culprits: string[];
}

export interface UploadResult {
  ms: number;
  progressEvents: number;
  /** THUMB/LARGE links of the stored message, fetched afterwards so the server's variant work is done. */
  variantUrls: string[];
  sentBytes?: number;
}

export interface ComposerSendResult extends UploadResult {
  commits: number;
  /** Commits and XHR progress events in order, with what each commit showed. */
  timeline: string[];
}

/** Figure 7: `<ImageMessageView>` over a conversation of 100 image messages from the reference server. */
export interface ViewBenchApi {
  /** Reads the conversation (as bob); returns how many messages and the sum of their ORIGIN sizes. */
  loadConversation(options: {
    serverUrl: string;
    token: string;
    conversationID: string;
  }): Promise<{ count: number; originBytes: number }>;
  /** Mounts the list (the view, or plain THUMB `<img>`s without reserved size) and waits until all loaded. */
  showList(kind: 'view' | 'naive'): Promise<{ cls: number; ms: number }>;
  /** Clicks the open button of view `index`: ms until the viewer's LARGE is loaded and decoded. */
  openViewer(index: number): Promise<number>;
  closeViewer(): Promise<void>;
  /** The baseline of openViewer: ms to load and decode message `index`'s LARGE as a plain `new Image()`. */
  loadLargeDirectly(index: number): Promise<number>;
  /** Presses → `pages` times, `gapMs` apart, in the open viewer (or only waits, `idle`); long tasks meanwhile. */
  pageThroughViewer(options: { pages: number; gapMs: number; idle: boolean }): Promise<{
    longTasks: number;
    longestTaskMs: number;
    blockingMs: number;
    culprits: string[];
  }>;
}
