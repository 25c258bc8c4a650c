import type { DraftStatus, ImageDraft } from '@image-message/core';
import { type ButtonHTMLAttributes, forwardRef, type Ref } from 'react';
import { useComposer, useDraft } from '../ComposerContext';
import { cx } from './cx';
import { draftAddressId, retriesElsewhere } from './DraftAddress';
import { draftNameId } from './draftNameId';

export interface DraftButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  draft?: ImageDraft;
}

type DraftAction = 'cancel' | 'retry' | 'remove';

/** When each button shows, and what it calls. */
const ACTIONS: Record<
  DraftAction,
  { shows: (status: DraftStatus) => boolean; run: 'cancel' | 'send' | 'remove' }
> = {
  cancel: { shows: (status) => status === 'sending', run: 'cancel' },
  retry: { shows: (status) => status === 'failed' || status === 'canceled', run: 'send' },
  remove: { shows: (status) => status !== 'sending', run: 'remove' },
};

/** The one button behind Cancel, Retry and Remove: shown only when it applies, named by its draft. */
function DraftActionButton({
  action,
  partName,
  buttonRef,
  draft: draftProp,
  className,
  children,
  onClick,
  ...props
}: DraftButtonProps & { action: DraftAction; partName: string; buttonRef: Ref<HTMLButtonElement> }) {
  const draft = useDraft(partName, draftProp);
  const composer = useComposer(partName);
  const { shows, run } = ACTIONS[action];
  if (!shows(draft.status)) return null;
  return (
    <button
      type="button"
      // Retry also says where it sends, when that is not where the composer points now.
      aria-describedby={
        action === 'retry' && retriesElsewhere(draft, composer.target)
          ? `${draftNameId(draft)} ${draftAddressId(draft)}`
          : draftNameId(draft)
      }
      // Retry starts an upload, which a disabled composer must not do; Cancel and Remove stay usable.
      disabled={action === 'retry' ? composer.disabled : undefined}
      {...props}
      ref={buttonRef}
      className={cx('im-button', `im-button--${action}`, className)}
      data-im-action={action}
      onClick={(event) => {
        onClick?.(event);
        if (!event.defaultPrevented) composer[run](draft.id);
      }}
    >
      {children ?? composer.strings[action]}
    </button>
  );
}

/** Cancels the draft's upload (shown while sending). The draft stays, ready for Retry. */
export const CancelButton = /* @__PURE__ */ forwardRef<HTMLButtonElement, DraftButtonProps>(
  function CancelButton(props, ref) {
    return <DraftActionButton {...props} action="cancel" partName="CancelButton" buttonRef={ref} />;
  },
);

/** Sends a failed or canceled draft again, with the same id, so the server keeps one message. */
export const RetryButton = /* @__PURE__ */ forwardRef<HTMLButtonElement, DraftButtonProps>(
  function RetryButton(props, ref) {
    return <DraftActionButton {...props} action="retry" partName="RetryButton" buttonRef={ref} />;
  },
);

/** Removes the draft (stopping its upload, if any) and revokes its preview. */
export const RemoveButton = /* @__PURE__ */ forwardRef<HTMLButtonElement, DraftButtonProps>(
  function RemoveButton(props, ref) {
    return <DraftActionButton {...props} action="remove" partName="RemoveButton" buttonRef={ref} />;
  },
);
