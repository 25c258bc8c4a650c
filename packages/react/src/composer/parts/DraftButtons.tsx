import type { ImageDraft } from '@image-message/core';
import { type ButtonHTMLAttributes, forwardRef } from 'react';
import { useComposer, useDraft } from '../ComposerContext';
import { cx } from './cx';
import { draftNameId } from './draftNameId';

export interface DraftButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  draft?: ImageDraft;
}

/** Cancels the draft's upload (shown while sending). The draft stays, ready for Retry. */
export const CancelButton = forwardRef<HTMLButtonElement, DraftButtonProps>(function CancelButton(
  { draft: draftProp, className, children, onClick, ...props },
  ref,
) {
  const draft = useDraft('CancelButton', draftProp);
  const { cancel, strings } = useComposer('CancelButton');
  if (draft.status !== 'sending') return null;
  return (
    <button
      type="button"
      aria-describedby={draftNameId(draft)}
      {...props}
      ref={ref}
      className={cx('im-button', 'im-button--cancel', className)}
      onClick={(event) => {
        onClick?.(event);
        if (!event.defaultPrevented) cancel(draft.id);
      }}
    >
      {children ?? strings.cancel}
    </button>
  );
});

/** Sends a failed or canceled draft again, with the same id, so the server keeps one message. */
export const RetryButton = forwardRef<HTMLButtonElement, DraftButtonProps>(function RetryButton(
  { draft: draftProp, className, children, onClick, ...props },
  ref,
) {
  const draft = useDraft('RetryButton', draftProp);
  const { send, strings, disabled } = useComposer('RetryButton');
  if (draft.status !== 'failed' && draft.status !== 'canceled') return null;
  return (
    <button
      type="button"
      aria-describedby={draftNameId(draft)}
      disabled={disabled}
      {...props}
      ref={ref}
      className={cx('im-button', 'im-button--retry', className)}
      onClick={(event) => {
        onClick?.(event);
        if (!event.defaultPrevented) send(draft.id);
      }}
    >
      {children ?? strings.retry}
    </button>
  );
});

/** Removes the draft (stopping its upload, if any) and revokes its preview. */
export const RemoveButton = forwardRef<HTMLButtonElement, DraftButtonProps>(function RemoveButton(
  { draft: draftProp, className, children, onClick, ...props },
  ref,
) {
  const draft = useDraft('RemoveButton', draftProp);
  const { remove, strings } = useComposer('RemoveButton');
  if (draft.status === 'sending') return null;
  return (
    <button
      type="button"
      aria-describedby={draftNameId(draft)}
      {...props}
      ref={ref}
      className={cx('im-button', 'im-button--remove', className)}
      onClick={(event) => {
        onClick?.(event);
        if (!event.defaultPrevented) remove(draft.id);
      }}
    >
      {children ?? strings.remove}
    </button>
  );
});
