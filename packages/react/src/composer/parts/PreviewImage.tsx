import type { ImageDraft } from '@image-message/core';
import { forwardRef, type ImgHTMLAttributes } from 'react';
import { useDraft } from '../ComposerContext';
import { cx } from './cx';

export interface PreviewImageProps extends ImgHTMLAttributes<HTMLImageElement> {
  draft?: ImageDraft;
}

/** The draft's preview: `<img alt={fileName}>`, sized by CSS (object-fit), decoded off the main thread. */
export const PreviewImage = forwardRef<HTMLImageElement, PreviewImageProps>(function PreviewImage(
  { draft: draftProp, className, ...props },
  ref,
) {
  const draft = useDraft('PreviewImage', draftProp);
  return (
    <img
      src={draft.previewUrl}
      alt={draft.fileName}
      width={draft.width}
      height={draft.height}
      decoding="async"
      draggable={false}
      {...props}
      ref={ref}
      className={cx('im-preview__image', className)}
    />
  );
});
