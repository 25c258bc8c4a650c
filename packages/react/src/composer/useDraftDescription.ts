import type { ImageDraft } from '@image-message/core';
import { useCallback, useSyncExternalStore } from 'react';
import { useImageMessageManager } from '../ImageMessageContext';

/**
 * A draft's description (as typed) and why it cannot be sent, read from the manager at once — not at the
 * next frame like the rest of the draft: a controlled field must show each keystroke in the render that
 * follows it, or the caret jumps and an IME loses its composition. While the photo is prepared (no
 * message yet) the draft's own copy is shown.
 */
export function useDraftDescription(draft: ImageDraft): Pick<ImageDraft, 'description' | 'descriptionError'> {
  const manager = useImageMessageManager('ImageMessageComposer.DescriptionField');
  const { id } = draft;
  const subscribe = useCallback(
    (onChange: () => void) => manager.subscribe((changed) => changed === id && onChange()),
    [manager, id],
  );
  const state = () => manager.getSendState(id);
  const description = useSyncExternalStore(subscribe, () => state()?.description);
  const descriptionError = useSyncExternalStore(subscribe, () => state()?.descriptionError);
  return draft.status === 'preparing'
    ? { description: draft.description, descriptionError: draft.descriptionError }
    : { description, descriptionError };
}
