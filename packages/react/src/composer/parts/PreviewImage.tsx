import type { ImageDraft } from '@image-message/core';
import { forwardRef, type ImgHTMLAttributes } from 'react';
import { useDraft } from '../ComposerContext';
import { cx } from './cx';

/** A transparent 1×1 GIF: the frame keeps its size and shows no broken-image icon or alt text. */
const EMPTY_IMAGE = 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==';

export interface PreviewImageProps extends ImgHTMLAttributes<HTMLImageElement> {
  draft?: ImageDraft;
}

/**
 * The draft's preview: `<img alt={fileName}>`, sized by CSS (object-fit). A prepared photo is shown from
 * the small copy preparing made off the main thread, so no 48 MP decode happens here; while the photo is
 * prepared the frame is empty (and nameless: there is no image yet).
 */
export const PreviewImage = /* @__PURE__ */ forwardRef<HTMLImageElement, PreviewImageProps>(
  function PreviewImage({ draft: draftProp, className, ...props }, ref) {
    const draft = useDraft('PreviewImage', draftProp);
    const preparing = draft.status === 'preparing';
    return (
      <img
        src={preparing ? EMPTY_IMAGE : draft.previewUrl}
        alt={preparing ? '' : draft.fileName}
        width={draft.width || undefined}
        height={draft.height || undefined}
        decoding="async"
        draggable={false}
        {...props}
        ref={ref}
        className={cx('im-preview__image', className)}
        data-state={preparing ? 'preparing' : undefined}
      />
    );
  },
);
