import { canSend, ImageMessageError, type ImageRejection, type V2TimMessage } from '@image-message/core';
import * as ErrorCode from '@image-message/core/codes';
import { QueryClientContext, type QueryKey } from '@tanstack/react-query';
import { type RefObject, useContext, useId, useMemo, useRef, useState } from 'react';
import { useDropzone } from 'react-dropzone';
import { useImageMessageManager } from '../ImageMessageContext';
import { describeError } from '../i18n/describeError';
import { resolveStrings } from '../i18n/resolveStrings';
import type { ImageMessageLocale, ImageMessageStringsOverride } from '../i18n/types';
import type { SendImageOptions } from '../sendImageTypes';
import { type UseCreateImageMessageOptions, useCreateImageMessage } from '../useCreateImageMessage';
import { useMessageCacheSync } from '../useMessageCacheSync';
import type { UpdateMessages } from '../writeMessages';
import type { ComposerContextValue } from './ComposerContext';
import { filesFromEvent } from './filesFromEvent';
import { useAnnouncer } from './useAnnouncer';
import { useFocusAfterUpdate } from './useFocusAfterUpdate';

/** The accept attribute of the file picker: a hint for the dialog; the bytes still decide. */
export const IMAGE_ACCEPT = 'image/jpeg,image/png,image/gif,image/bmp,image/webp';

export interface ComposerOptions extends Omit<UseCreateImageMessageOptions, 'conversation'> {
  /** One-to-one peer; with `groupID`, the only member who sees the message. */
  receiver?: string;
  groupID?: string;
  /** A message was delivered (status 2). */
  onSent?: (message: V2TimMessage) => void;
  /** A send failed (not called for a cancel). */
  onError?: (error: ImageMessageError) => void;
  /** Files were refused before upload. */
  onReject?: (rejections: ImageRejection[]) => void;
  locale?: ImageMessageLocale | (string & {});
  /**
   * How texts name a user or group ID, e.g. where a failed draft's Retry will send it ("Retry sends it to
   * Bob only"). Default: the ID itself.
   *
   * @example nameOf={(id) => users.get(id)?.nickName ?? id}
   */
  nameOf?: (id: string) => string;
  /** Override any string. */
  messages?: ImageMessageStringsOverride;
  /** Allow several images at once (default true); false means one at a time. */
  multiple?: boolean;
  /** Send as soon as an image is added. */
  autoSend?: boolean;
  disabled?: boolean;
  /** The app's cached message list, kept in step with every send to this conversation (see `useSendMessage`). */
  queryKey?: QueryKey;
  /** Where the messages live when the data at `queryKey` is not a `V2TimMessage[]` (see `UpdateMessages`). */
  updateMessages?: UpdateMessages;
  sendOptions?: SendImageOptions;
}

// Parts say what they are in data attributes; focus is moved by those, never by class names an app restyles.
const ADD_BUTTON = '[data-im-part="add-images"]';
const draftItem = (id: string) => `[data-draft-id="${id}"]`;
const draftControl = (id: string, action: 'cancel' | 'retry' | 'remove') =>
  `${draftItem(id)} [data-im-action="${action}"]`;
const dismissAt = (index: number) =>
  `[data-im-part="rejection"]:nth-child(${index + 1}) [data-im-action="dismiss"]`;

/** All the behaviour of `<ImageMessageComposer.Root>`; the parts only render it. */
export function useComposerState(
  options: ComposerOptions,
  root: RefObject<HTMLElement | null>,
): ComposerContextValue {
  const { receiver, groupID, locale, messages, multiple = true, autoSend, disabled = false } = options;
  const maxFiles = multiple ? options.maxFiles : 1;
  const manager = useImageMessageManager('ImageMessageComposer');
  const strings = useMemo(() => resolveStrings(locale, messages), [locale, messages]);
  const maxBytes = Math.min(manager.maxBytes, options.maxBytes ?? Infinity);
  const [announcement, announce] = useAnnouncer();
  const focusSoon = useFocusAfterUpdate(root);
  const hintId = useId();
  const conversation = useMemo(
    () => ({ receiver: receiver?.trim() || undefined, groupID: groupID?.trim() || undefined }),
    [receiver, groupID],
  );
  // The Original switch: starts from `prepare.original`, then the user's choice.
  const [original, setOriginal] = useState(options.prepare !== false && Boolean(options.prepare?.original));
  const prepare = useMemo(
    () => (options.prepare === false ? false : { ...options.prepare, original }),
    [options.prepare, original],
  );
  const drafts = useCreateImageMessage({
    prepare,
    conversation,
    maxFiles,
    maxBytes: options.maxBytes,
    validator: options.validator,
    concurrency: options.concurrency,
  });
  // A send settles after the render that started it; its callbacks read the options of now.
  const latest = useRef(options);
  latest.current = options;
  const belongs = (message: V2TimMessage) =>
    (message.groupID ?? '') === (groupID?.trim() ?? '') &&
    (message.userID ?? '') === (receiver?.trim() ?? '');

  const queryClient = useContext(QueryClientContext);
  if (options.queryKey && !queryClient) {
    throw new Error(
      "<ImageMessageComposer queryKey> keeps the app's react-query cache in step, so it needs the app's client: wrap your chat UI in <QueryClientProvider client={queryClient}> (from @tanstack/react-query).",
    );
  }
  const follow = useMessageCacheSync(manager, queryClient, {
    queryKey: options.queryKey,
    updateMessages: options.updateMessages,
    belongs,
  });
  const canReach = Boolean(receiver?.trim() || groupID?.trim()) && !disabled;

  // The manager owns the send; the composer starts it, keeps the cache following it, and says how it ended.
  const send = (id: string) => {
    // The manager's state, not this render's snapshot: a double click in one frame sends once.
    const state = manager.getSendState(id);
    if (disabled || !state || !canSend(state)) return;
    // A draft sent before (failed, canceled, or interrupted by a reload) goes where it went then, whatever
    // the selector shows now: a photo sent to one member of a group must never reach the whole group.
    const target = state.address ?? conversation;
    if (!target.receiver && !target.groupID) return;
    const { fileName } = state;
    const stopFollowing = follow(id);
    void manager
      .sendMessage({
        ...options.sendOptions,
        id,
        ...(target.receiver && { receiver: target.receiver }),
        ...(target.groupID && { groupID: target.groupID }),
      })
      .then(({ code, desc, data }) => {
        stopFollowing();
        if (code === ErrorCode.SUCC && data) {
          announce(strings.announce.sent({ fileName }));
          latest.current.onSent?.(data);
        } else if (code === ErrorCode.CANCELED) {
          // A cancel is the user's own doing: announced, but not an error.
          announce(strings.announce.canceled({ fileName }));
        } else {
          announce(strings.announce.failed({ fileName }));
          latest.current.onError?.(new ImageMessageError(code, desc, { messageInfo: data }));
        }
      });
  };
  // A draft whose description is too long waits (its field says why) until it is shortened.
  const sendable = drafts.drafts.filter((draft) => draft.status === 'created' && !draft.descriptionError);

  const addFiles = (files: Iterable<File> | ArrayLike<File>) => {
    if (disabled) return;
    void drafts.addFiles(files).then(({ added, rejected }) => {
      if (added.length > 0) announce(strings.announce.added({ count: added.length }));
      if (rejected.length > 0) {
        announce(strings.announce.rejected({ count: rejected.length }));
        latest.current.onReject?.(rejected);
      }
      if (autoSend) for (const draft of added) send(draft.id);
    });
  };

  const dropzone = useDropzone({
    onDrop: (accepted, refused) => addFiles([...accepted, ...refused.map((rejection) => rejection.file)]),
    // Only to show accept/reject while dragging; every dropped file still goes through the byte checks.
    accept: { 'image/*': [] },
    multiple,
    disabled,
    noPaste: true, // paste is handled once, for the whole composer
    // The zone is not a control; the "Add images" button inside it is, and its clicks bubble to the zone.
    noKeyboard: true,
    getFilesFromEvent: filesFromEvent,
  });

  return {
    strings,
    maxBytes,
    maxFiles,
    disabled,
    drafts: drafts.drafts,
    rejections: drafts.rejections,
    isProcessing: drafts.isProcessing,
    // A photo still being prepared is not sent half-ready: Send waits until every draft is ready.
    target: conversation,
    nameOf: options.nameOf ?? String,
    canSend: canReach && sendable.length > 0 && !drafts.drafts.some((draft) => draft.status === 'preparing'),
    original: prepare === false ? undefined : original,
    setOriginal,
    addFiles,
    sendAll: () => {
      for (const draft of sendable) send(draft.id);
      // Send is disabled once nothing is left to send; keep keyboard users at the start of the composer.
      focusSoon(ADD_BUTTON);
    },
    send: (id) => {
      send(id);
      // A fast send may finish before Cancel ever shows; then the draft is gone and Add images takes focus.
      focusSoon(draftControl(id, 'cancel'), draftItem(id), ADD_BUTTON);
    },
    setDescription: (id, description) => {
      manager.setDescription(id, description);
    },
    cancel: (id) => {
      manager.cancel(id);
      focusSoon(draftControl(id, 'retry'), draftItem(id), ADD_BUTTON);
    },
    remove: (id) => {
      const index = drafts.drafts.findIndex((draft) => draft.id === id);
      const neighbour = drafts.drafts[index + 1] ?? drafts.drafts[index - 1];
      announce(strings.announce.removed({ fileName: manager.getSendState(id)?.fileName ?? '' }));
      drafts.remove(id);
      focusSoon(neighbour ? draftControl(neighbour.id, 'remove') : ADD_BUTTON);
    },
    dismissRejection: (id) => {
      const index = drafts.rejections.findIndex((rejection) => rejection.id === id);
      const left = id === undefined ? 0 : drafts.rejections.length - 1;
      drafts.dismissRejection(id);
      // The next rejection moves into this one's place; after the last, go back one; with none, Add images.
      focusSoon(left === 0 ? ADD_BUTTON : dismissAt(Math.min(index, left - 1)));
    },
    dropzone,
    ids: { hint: hintId },
    announcement,
    describe: (code, details) => describeError(strings, code, { ...details, maxBytes, maxFiles }),
  };
}
