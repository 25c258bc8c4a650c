import type { ImageDraft } from '@image-message/core';
import { forwardRef, type HTMLAttributes } from 'react';
import { useComposer, useDraft } from '../ComposerContext';
import { cx } from './cx';

export interface DraftErrorProps extends HTMLAttributes<HTMLParagraphElement> {
  draft?: ImageDraft;
}

/**
 * Why the draft's send failed, as `role="alert"` in the composer's language. A cancel is not an error:
 * it shows a quiet note instead. Renders nothing otherwise.
 */
export const DraftError = /* @__PURE__ */ forwardRef<HTMLParagraphElement, DraftErrorProps>(
  function DraftError({ draft: draftProp, className, ...props }, ref) {
    const draft = useDraft('DraftError', draftProp);
    const { describe, strings } = useComposer('DraftError');
    if (draft.status === 'canceled') {
      return (
        <p {...props} ref={ref} className={cx('im-preview__note', className)}>
          {strings.canceled}
        </p>
      );
    }
    if (draft.status !== 'failed' || !draft.error) return null;
    return (
      <p role="alert" {...props} ref={ref} className={cx('im-preview__error', className)}>
        {describe(draft.error.code, { fileName: draft.fileName, desc: draft.error.desc, size: draft.size })}
      </p>
    );
  },
);
