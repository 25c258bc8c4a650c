import type { ConversationTarget, ImageDraft, ImageRejection } from '@image-message/core';
import { useContext } from 'react';
import type { DropzoneState } from 'react-dropzone';
import { createNamedContext } from '../createNamedContext';
import type { ImageMessageStrings } from '../i18n/types';

/** What every composer part reads: the drafts, the actions and the strings of one composer. */
export interface ComposerContextValue {
  strings: ImageMessageStrings;
  /** The effective byte limit (the lowest of 28 MiB, the transport's and the `maxBytes` prop). */
  maxBytes: number;
  maxFiles?: number;
  disabled: boolean;
  drafts: readonly ImageDraft[];
  rejections: readonly ImageRejection[];
  isProcessing: boolean;
  /** Where the composer sends a draft never sent (its `receiver` / `groupID` now). */
  target: ConversationTarget;
  /** How texts name a user or group (the composer's `nameOf`, else the ID). */
  nameOf: (id: string) => string;
  /** True when there is a draft to send and somewhere to send it. */
  canSend: boolean;
  addFiles: (files: Iterable<File> | ArrayLike<File>) => void;
  /** Sends every draft not sent yet. */
  sendAll: () => void;
  /** Sends (or re-sends) one draft with the same id: a retry never duplicates. */
  send: (id: string) => void;
  cancel: (id: string) => void;
  remove: (id: string) => void;
  /** Sets a draft's description (alt text) in the manager, as typed (see `manager.setDescription`). */
  setDescription: (id: string, description: string) => void;
  dismissRejection: (id?: string) => void;
  dropzone: DropzoneState;
  /** Element ids shared between parts (the drop hint describes the Add images button). */
  ids: { hint: string };
  announcement: string;
  /** Localized text for a rejection or failure. */
  describe: (
    code: number,
    details: { fileName: string; desc: string; size?: number; original?: boolean },
  ) => string;
  /** Whether photos go at full size (the Original switch); undefined when preparing is off. */
  original?: boolean;
  setOriginal: (original: boolean) => void;
}

export const ComposerContext = /* @__PURE__ */ createNamedContext<ComposerContextValue | null>(
  'ImageMessageComposerContext',
  null,
);

export const DraftContext = /* @__PURE__ */ createNamedContext<ImageDraft | null>(
  'ImageMessageDraftContext',
  null,
);

/**
 * The state and actions of the enclosing `<ImageMessageComposer.Root>`, for parts of your own.
 * `partName` names the caller in the error thrown outside a Root.
 *
 * @example
 * function DraftCount() {
 *   const { drafts, sendAll, canSend } = useComposer('DraftCount');
 *   return <button disabled={!canSend} onClick={sendAll}>Send {drafts.length}</button>;
 * }
 */
export function useComposer(partName: string): ComposerContextValue {
  const value = useContext(ComposerContext);
  if (!value)
    throw new Error(`<ImageMessageComposer.${partName}> must be inside <ImageMessageComposer.Root>.`);
  return value;
}

/** The draft of the enclosing `<Preview>`, or the one passed as a prop. */
export function useDraft(partName: string, draft?: ImageDraft): ImageDraft {
  const fromContext = useContext(DraftContext);
  const value = draft ?? fromContext;
  if (!value)
    throw new Error(
      `<ImageMessageComposer.${partName}> must be inside <ImageMessageComposer.Preview> or get a draft prop.`,
    );
  return value;
}
