import type { ImageDraft } from '@image-message/core';
import { forwardRef, type HTMLAttributes, type ReactNode } from 'react';
import { useComposer } from '../ComposerContext';
import { Preview } from '../draftParts';
import { cx } from './cx';

export interface PreviewsProps extends Omit<HTMLAttributes<HTMLUListElement>, 'children'> {
  /** Renders each draft; defaults to `<Preview draft={draft} />`. */
  children?: (draft: ImageDraft) => ReactNode;
}

/** The list of drafts (`<ul>`); renders nothing while there are none. */
export const Previews = /* @__PURE__ */ forwardRef<HTMLUListElement, PreviewsProps>(function Previews(
  { children, className, ...props },
  ref,
) {
  const { drafts, strings } = useComposer('Previews');
  if (drafts.length === 0) return null;
  return (
    <ul aria-label={strings.previewsLabel} {...props} ref={ref} className={cx('im-previews', className)}>
      {drafts.map((draft) => (children ? children(draft) : <Preview key={draft.id} draft={draft} />))}
    </ul>
  );
});
