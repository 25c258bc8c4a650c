import type { ImageDraft } from '@image-message/core';
import { type CSSProperties, forwardRef, type HTMLAttributes } from 'react';
import { useComposer, useDraft } from '../ComposerContext';
import { cx } from './cx';

export interface ProgressProps extends HTMLAttributes<HTMLDivElement> {
  draft?: ImageDraft;
}

/**
 * The upload progress of a sending draft: `role="progressbar"` with `aria-valuenow` and a readable
 * `aria-valuetext`. The fill is drawn by CSS from `--im-progress`. While the photo is prepared it is a
 * busy bar without a value (`data-state="indeterminate"`). Renders nothing otherwise.
 */
export const Progress = forwardRef<HTMLDivElement, ProgressProps>(function Progress(
  { draft: draftProp, className, style, ...props },
  ref,
) {
  const draft = useDraft('Progress', draftProp);
  const { strings } = useComposer('Progress');
  if (draft.status === 'preparing') {
    return (
      <div
        role="progressbar"
        aria-label={strings.preparingLabel({ fileName: draft.fileName })}
        {...props}
        ref={ref}
        className={cx('im-progress', className)}
        data-state="indeterminate"
        style={style}
      />
    );
  }
  if (draft.status !== 'sending') return null;
  return (
    <div
      role="progressbar"
      aria-label={strings.progressLabel({ fileName: draft.fileName })}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={draft.progress}
      aria-valuetext={strings.progressValueText({ progress: draft.progress })}
      {...props}
      ref={ref}
      className={cx('im-progress', className)}
      data-state={draft.progress >= 100 ? 'complete' : 'loading'}
      style={{ '--im-progress': `${draft.progress}%`, ...style } as CSSProperties}
    />
  );
});
