import type { ImageDraft } from '@image-message/core';

/** The id of the element naming a draft, so its buttons ("Remove") can say which image they act on. */
export function draftNameId(draft: ImageDraft): string {
  return `im-draft-${draft.id}-name`;
}
