import {
  type AddFilesResult,
  createDraftList,
  type DraftList,
  type DraftListOptions,
  type ImageDraft,
  type ImageRejection,
  type MessageManager,
} from '@image-message/core';
import { useEffect, useState } from 'react';
import { useImageMessageManager } from './ImageMessageContext';
import { useFrameThrottled } from './useFrameThrottled';

export type UseCreateImageMessageOptions = DraftListOptions;

export interface UseCreateImageMessageResult {
  /** Created messages waiting to be sent (or sending, or failed), in the order the files came. */
  drafts: readonly ImageDraft[];
  /** Files refused before anything was uploaded, each with an `ErrorCode` and a `desc`. */
  rejections: readonly ImageRejection[];
  /** True while files are being read and validated. */
  isProcessing: boolean;
  /** Takes `File`s as react-dropzone, an `<input type=file>` or a paste hands them. */
  addFiles: (files: Iterable<File> | ArrayLike<File>) => Promise<AddFilesResult>;
  /** Removes a draft (aborting its send) and revokes its preview URL. */
  remove: (id: string) => void;
  /** Removes every draft and rejection. */
  clear: () => void;
  /** Dismisses one rejection by its id, or all of them. */
  dismissRejection: (id?: string) => void;
}

interface Held {
  manager: MessageManager;
  list: DraftList;
  /** Mounted effects holding the list; StrictMode's double mount briefly holds it twice. */
  holders: number;
}

/**
 * Turns files into created image messages ("drafts") with previews, and keeps typed rejections. A thin
 * observer over core's `createDraftList`: every object URL it makes is revoked on remove, clear, send and
 * unmount, and StrictMode's double mount neither leaks nor revokes a URL still on screen.
 *
 * @example
 * const { drafts, rejections, addFiles, remove } = useCreateImageMessage({ maxFiles: 9 });
 * const { getRootProps, getInputProps } = useDropzone({ onDrop: addFiles });
 */
export function useCreateImageMessage(
  options: UseCreateImageMessageOptions = {},
): UseCreateImageMessageResult {
  const manager = useImageMessageManager('useCreateImageMessage');
  const hold = (): Held => ({ manager, list: createDraftList(manager, options), holders: 0 });
  const [held, setHeld] = useState(hold);
  if (held.manager !== manager) setHeld(hold());
  const { list } = held;

  useEffect(() => {
    list.setOptions(options);
  });

  useEffect(() => {
    held.holders++;
    return () => {
      held.holders--;
      // StrictMode unmounts and remounts synchronously, so the remount holds the list again before this
      // microtask runs; only a real unmount gets here with nobody holding the list.
      queueMicrotask(() => {
        if (held.holders === 0) held.list.dispose();
      });
    };
  }, [held]);

  // Progress changes the snapshot on every transport event; re-render at most once per frame.
  const snapshot = useFrameThrottled(list, list.subscribe, list.getSnapshot);
  return {
    drafts: snapshot.drafts,
    rejections: snapshot.rejections,
    isProcessing: snapshot.pending > 0,
    addFiles: list.addFiles,
    remove: list.remove,
    clear: list.clear,
    dismissRejection: list.dismissRejection,
  };
}
