import { forwardRef, type HTMLAttributes } from 'react';
import { useComposer } from '../ComposerContext';
import { cx } from './cx';

export type StorageAlertProps = HTMLAttributes<HTMLParagraphElement>;

/**
 * With drafts kept across reloads (`persist`), says when some cannot be — the browser's storage is full
 * or a cap is reached — so the user keeps the page open until they are sent. `role="alert"`; renders
 * nothing while every draft is kept.
 */
export const StorageAlert = /* @__PURE__ */ forwardRef<HTMLParagraphElement, StorageAlertProps>(
  function StorageAlert({ className, ...props }, ref) {
    const { drafts, strings } = useComposer('StorageAlert');
    const count = drafts.filter((draft) => draft.unsaved).length;
    if (count === 0) return null;
    return (
      <p role="alert" {...props} ref={ref} className={cx('im-storage-alert', className)}>
        {strings.unsaved({ count })}
      </p>
    );
  },
);
