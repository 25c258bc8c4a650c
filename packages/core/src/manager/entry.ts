import type { MessageElemType } from '../constants';
import type { ImageInfo } from '../image/readImageInfo';
import type { ImageTransport } from '../transport/transport';
import type { V2TimValueCallback } from '../types';
import type { KeptMessages } from './keepMessages';
import type { SendState } from './sendState';

/** The image of a message: a Blob (the user's file, or what preparing made of it), its bytes, or both. */
export interface ImageData {
  /** Created from `fileContent` (the SDK's shape). */
  bytes?: Uint8Array;
  /** The image itself (created from `file` alone), or the file `fileContent` was read from. */
  file?: Blob;
  size: number;
}

export interface Entry extends ImageData {
  state: SendState;
  imagePath: string;
  info: ImageInfo;
  /** Aborts the attempt in flight. */
  controller?: AbortController;
  /** The unfinished resumable upload of this message, when the transport made one. */
  uploadUrl?: string;
}

// A literal checked against the SDK enum (`satisfies`), so the enum object is not bundled for one number.
export const IMAGE_ELEM = 3 satisfies typeof MessageElemType.IMAGE;

export function result<T>(code: number, desc: string, data?: T): V2TimValueCallback<T> {
  return { code, desc, data };
}

export const DISPOSED_DESC =
  'This message manager was disposed (the user signed out). Create a new one for the next session.';

/**
 * What the manager shares with the code that makes its messages (`holdImage.ts`, loaded with the first
 * image): the messages it holds and how a change is kept and announced.
 */
export interface ManagerInternals {
  readonly transport: ImageTransport;
  readonly maxBytes: number;
  readonly createId: () => string;
  readonly entries: Map<string, Entry>;
  isDisposed(): boolean;
  keep(write: (kept: KeptMessages) => void): void;
  notify(id: string): void;
}
