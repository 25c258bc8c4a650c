import type { ImageRejection } from '@image-message/core';
import { forwardRef, type HTMLAttributes, type LiHTMLAttributes, type ReactNode } from 'react';
import { useComposer } from '../ComposerContext';
import { cx } from './cx';

export interface RejectionsProps extends Omit<HTMLAttributes<HTMLUListElement>, 'children'> {
  children?: (rejection: ImageRejection) => ReactNode;
}

/** The files that could not be added (`<ul>`), each an alert saying what to do. */
export const Rejections = forwardRef<HTMLUListElement, RejectionsProps>(function Rejections(
  { children, className, ...props },
  ref,
) {
  const { rejections } = useComposer('Rejections');
  if (rejections.length === 0) return null;
  return (
    <ul {...props} ref={ref} className={cx('im-rejections', className)}>
      {rejections.map((rejection) =>
        children ? children(rejection) : <Rejection key={rejection.id} rejection={rejection} />,
      )}
    </ul>
  );
});

export interface RejectionProps extends LiHTMLAttributes<HTMLLIElement> {
  rejection: ImageRejection;
}

/** One rejected file: its reason as `role="alert"` text in the composer's language, and Dismiss. */
export const Rejection = forwardRef<HTMLLIElement, RejectionProps>(function Rejection(
  { rejection, className, children, ...props },
  ref,
) {
  const { describe, dismissRejection, strings } = useComposer('Rejection');
  return (
    <li
      {...props}
      ref={ref}
      className={cx('im-rejection', className)}
      data-im-part="rejection"
      data-code={rejection.code}
    >
      <span role="alert" className="im-rejection__text">
        {describe(rejection.code, {
          fileName: rejection.fileName,
          desc: rejection.desc,
          size: rejection.file.size,
          original: rejection.original,
        })}
      </span>
      {children}
      <button
        type="button"
        className="im-button im-button--dismiss"
        data-im-action="dismiss"
        onClick={() => dismissRejection(rejection.id)}
      >
        {strings.dismiss}
      </button>
    </li>
  );
});
