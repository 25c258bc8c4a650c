import { forwardRef, type HTMLAttributes } from 'react';
import { cx } from '../../composer/parts/cx';
import { useImageMessageView } from '../ViewContext';

export type ViewStatusProps = HTMLAttributes<HTMLParagraphElement>;

/** What went wrong, in words: "Not sent", "Upload canceled", or that the image could not be loaded. */
export const Status = /* @__PURE__ */ forwardRef<HTMLParagraphElement, ViewStatusProps>(function Status(
  { className, ...props },
  ref,
) {
  const { state, canceled, strings, ids } = useImageMessageView('Status');
  const text =
    state === 'failed'
      ? canceled
        ? strings.canceled
        : strings.failed
      : state === 'error'
        ? strings.loadFailed
        : undefined;
  if (!text) return null;
  return (
    <p id={ids.status} {...props} ref={ref} className={cx('im-view__status', className)}>
      {text}
    </p>
  );
});
