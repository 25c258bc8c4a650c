import { forwardRef, type HTMLAttributes } from 'react';
import { useComposer } from '../ComposerContext';
import { cx } from './cx';

export type StatusProps = HTMLAttributes<HTMLDivElement>;

/** The polite live region announcing added, rejected, sent and failed images. Visually hidden. */
export const Status = /* @__PURE__ */ forwardRef<HTMLDivElement, StatusProps>(function Status(
  { className, ...props },
  ref,
) {
  const { announcement } = useComposer('Status');
  return (
    <div
      role="status"
      aria-live="polite"
      aria-atomic="true"
      {...props}
      ref={ref}
      className={cx('im-visually-hidden', className)}
    >
      {announcement}
    </div>
  );
});
