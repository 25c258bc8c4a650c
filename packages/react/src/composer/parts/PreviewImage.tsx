import type { ImageDraft } from '@image-message/core';
import { forwardRef, type ImgHTMLAttributes } from 'react';
import { useDraft } from '../ComposerContext';
import { cx } from './cx';
import { EMPTY_IMAGE, useDownscaledPreview } from './useDownscaledPreview';

export interface PreviewImageProps extends ImgHTMLAttributes<HTMLImageElement> {
  draft?: ImageDraft;
}

/**
 * The draft's preview: `<img alt={fileName}>`, sized by CSS (object-fit); a large image is shown from a
 * small copy made off the main thread (see `useDownscaledPreview`).
 */
export const PreviewImage = forwardRef<HTMLImageElement, PreviewImageProps>(function PreviewImage(
  { draft: draftProp, className, ...props },
  ref,
) {
  const draft = useDraft('PreviewImage', draftProp);
  const src = useDownscaledPreview(draft);
  // While its photo is prepared there is nothing to show yet: an empty frame, not an image to name.
  if (draft.status === 'preparing') {
    return (
      <img
        src={EMPTY_IMAGE}
        alt=""
        {...props}
        ref={ref}
        className={cx('im-preview__image', className)}
        data-state="preparing"
      />
    );
  }
  return (
    <img
      src={src}
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
