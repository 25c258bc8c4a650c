import { formatBytes, type ImageDraft } from '@image-message/core';
import { forwardRef, type HTMLAttributes } from 'react';
import { useComposer, useDraft } from '../ComposerContext';
import { cx } from './cx';
import { draftNameId } from './draftNameId';

export interface PreviewInfoProps extends HTMLAttributes<HTMLSpanElement> {
  draft?: ImageDraft;
}

/** The draft's size and dimensions, e.g. "2.4 MB · 4032 × 3024". */
export const PreviewInfo = /* @__PURE__ */ forwardRef<HTMLSpanElement, PreviewInfoProps>(function PreviewInfo(
  { draft: draftProp, className, ...props },
  ref,
) {
  const draft = useDraft('PreviewInfo', draftProp);
  const { strings, locale } = useComposer('PreviewInfo');
  return (
    <span {...props} ref={ref} className={cx('im-preview__info', className)}>
      <span className="im-preview__name" id={draftNameId(draft)}>
        {draft.fileName}
      </span>
      <span className="im-preview__meta">
        {/* Isolated: "25 KB" keeps its order inside right-to-left text. */}
        <bdi>{formatBytes(draft.size, 'down', locale)}</bdi> ·{' '}
        {draft.status === 'preparing'
          ? strings.preparing
          : strings.dimensions({ width: draft.width, height: draft.height })}
      </span>
    </span>
  );
});
