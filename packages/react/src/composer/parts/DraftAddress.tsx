import { type ConversationTarget, type ImageDraft, sameAddress } from '@image-message/core';
import { forwardRef, type HTMLAttributes } from 'react';
import { useComposer, useDraft } from '../ComposerContext';
import { cx } from './cx';

export interface DraftAddressProps extends HTMLAttributes<HTMLParagraphElement> {
  draft?: ImageDraft;
}

/** The id of a draft's address note, so its Retry button is described by where it sends. */
export function draftAddressId(draft: ImageDraft): string {
  return `im-draft-${draft.id}-address`;
}

/**
 * True when Retry would send the draft somewhere the composer does not show: it was sent before (the
 * address is kept, across reloads too) and the composer's target has changed since.
 */
export function retriesElsewhere(draft: ImageDraft, target: ConversationTarget): boolean {
  const { address } = draft;
  if (!address || (draft.status !== 'failed' && draft.status !== 'canceled')) return false;
  return !sameAddress(address, target);
}

/**
 * Where Retry sends a failed or canceled draft ("Retry sends it to Bob only"), shown when that is not the
 * composer's current target (after a reload, or after the user changed who to send to). Renders nothing
 * otherwise.
 */
export const DraftAddress = /* @__PURE__ */ forwardRef<HTMLParagraphElement, DraftAddressProps>(
  function DraftAddress({ draft: draftProp, className, ...props }, ref) {
    const draft = useDraft('DraftAddress', draftProp);
    const { strings, target, nameOf } = useComposer('DraftAddress');
    if (!draft.address || !retriesElsewhere(draft, target)) return null;
    const { receiver, groupID } = draft.address;
    return (
      <p
        id={draftAddressId(draft)}
        {...props}
        ref={ref}
        className={cx('im-preview__note', 'im-preview__address', className)}
        data-im-part="draft-address"
      >
        {strings.retryTarget({
          receiver: receiver === undefined ? undefined : nameOf(receiver),
          groupID: groupID === undefined ? undefined : nameOf(groupID),
        })}
      </p>
    );
  },
);
