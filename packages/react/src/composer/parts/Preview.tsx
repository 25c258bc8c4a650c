import type { ImageDraft } from '@image-message/core';
import { forwardRef, type LiHTMLAttributes } from 'react';
import { DraftContext } from '../ComposerContext';
import { cx } from './cx';
import { DescriptionField } from './DescriptionField';
import { DraftAddress } from './DraftAddress';
import { CancelButton, RemoveButton, RetryButton } from './DraftButtons';
import { DraftError } from './DraftError';
import { PreviewImage } from './PreviewImage';
import { PreviewInfo } from './PreviewInfo';
import { Progress } from './Progress';

export interface PreviewProps extends LiHTMLAttributes<HTMLLIElement> {
  draft: ImageDraft;
}

/**
 * One draft (`<li>`), with `data-state` = preparing | created | sending | failed | canceled. Its default content is
 * the thumbnail, size and dimensions, progress while sending, the failure, the description field and the
 * buttons; pass children
 * to lay the parts out yourself.
 */
export const Preview = /* @__PURE__ */ forwardRef<HTMLLIElement, PreviewProps>(function Preview(
  { draft, className, children, ...props },
  ref,
) {
  return (
    <DraftContext.Provider value={draft}>
      <li
        {...props}
        ref={ref}
        className={cx('im-preview', className)}
        data-state={draft.status}
        aria-busy={draft.status === 'preparing' || undefined}
        data-draft-id={draft.id}
      >
        {children ?? (
          <>
            <PreviewImage />
            <PreviewInfo />
            <Progress />
            <DraftError />
            <DraftAddress />
            <DescriptionField />
            <span className="im-preview__actions">
              <CancelButton />
              <RetryButton />
              <RemoveButton />
            </span>
          </>
        )}
      </li>
    </DraftContext.Provider>
  );
});
