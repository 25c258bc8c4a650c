import { forwardRef, type HTMLAttributes } from 'react';
import { cx } from '../../composer/parts/cx';
import { useImageMessageView } from '../ViewContext';

export type OverlayProps = HTMLAttributes<HTMLDivElement>;

/**
 * The layer over the image for progress, status and actions. Rendered only while sending, after a
 * failed send and after a failed load; `data-state` repeats the view's.
 */
export const Overlay = /* @__PURE__ */ forwardRef<HTMLDivElement, OverlayProps>(function Overlay(
  { className, ...props },
  ref,
) {
  const { state } = useImageMessageView('Overlay');
  if (state === 'loading' || state === 'loaded') return null;
  return <div {...props} ref={ref} className={cx('im-view__overlay', className)} data-state={state} />;
});
