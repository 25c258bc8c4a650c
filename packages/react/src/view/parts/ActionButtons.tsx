import { type ButtonHTMLAttributes, forwardRef, type Ref } from 'react';
import { cx } from '../../composer/parts/cx';
import { type ImageMessageViewContextValue, useImageMessageView } from '../ViewContext';

export type ViewActionButtonProps = ButtonHTMLAttributes<HTMLButtonElement>;

type Action = 'cancel' | 'retry' | 'reload';

/** What each button runs; a button shows only when its action exists (e.g. Retry needs a manager or onRetry). */
const RUN: Record<Action, (view: ImageMessageViewContextValue) => (() => void) | undefined> = {
  cancel: (view) => view.cancel,
  retry: (view) => view.retry,
  reload: (view) => (view.state === 'error' ? view.reload : undefined),
};

function ViewActionButton({
  action,
  partName,
  buttonRef,
  className,
  children,
  onClick,
  ...props
}: ViewActionButtonProps & { action: Action; partName: string; buttonRef: Ref<HTMLButtonElement> }) {
  const view = useImageMessageView(partName);
  const run = RUN[action](view);
  if (!run) return null;
  return (
    <button
      type="button"
      aria-describedby={action === 'cancel' ? undefined : view.ids.status}
      {...props}
      ref={buttonRef}
      className={cx('im-view__action', `im-view__action--${action}`, className)}
      onClick={(event) => {
        onClick?.(event);
        if (!event.defaultPrevented) run();
      }}
    >
      {children ?? view.strings[action]}
    </button>
  );
}

/** Stops one's own image's upload ("Cancel upload"); shown while sending. */
export const CancelButton = /* @__PURE__ */ forwardRef<HTMLButtonElement, ViewActionButtonProps>(
  function CancelButton(props, ref) {
    return <ViewActionButton {...props} action="cancel" partName="CancelButton" buttonRef={ref} />;
  },
);

/** Sends a failed or canceled image again with the same id ("Retry sending"): no duplicate. */
export const RetryButton = /* @__PURE__ */ forwardRef<HTMLButtonElement, ViewActionButtonProps>(
  function RetryButton(props, ref) {
    return <ViewActionButton {...props} action="retry" partName="RetryButton" buttonRef={ref} />;
  },
);

/** After a failed load: a new request for the image (not the cached failure). */
export const ReloadButton = /* @__PURE__ */ forwardRef<HTMLButtonElement, ViewActionButtonProps>(
  function ReloadButton(props, ref) {
    return <ViewActionButton {...props} action="reload" partName="ReloadButton" buttonRef={ref} />;
  },
);
