import { type CSSProperties, forwardRef, type HTMLAttributes } from 'react';
import { cx } from '../../composer/parts/cx';
import { formatPercent } from '../../i18n/format';
import { useImageMessageView } from '../ViewContext';

export type ViewProgressProps = HTMLAttributes<HTMLDivElement>;

/** The upload progress of one's own image while it sends (`role="progressbar"`); nothing otherwise. */
export const Progress = /* @__PURE__ */ forwardRef<HTMLDivElement, ViewProgressProps>(function Progress(
  { className, style, ...props },
  ref,
) {
  const { state, progress, strings, name, localeTag } = useImageMessageView('Progress');
  if (state !== 'sending') return null;
  return (
    <div
      role="progressbar"
      aria-label={strings.uploading({ name })}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={progress}
      aria-valuetext={formatPercent(localeTag, progress)}
      {...props}
      ref={ref}
      className={cx('im-view__progress', className)}
      style={{ '--im-progress': `${progress}%`, ...style } as CSSProperties}
    />
  );
});
