import { type ButtonHTMLAttributes, forwardRef } from 'react';
import { useComposer } from '../ComposerContext';
import { cx } from './cx';

export type SendButtonProps = ButtonHTMLAttributes<HTMLButtonElement>;

/** Sends every draft not sent yet. Disabled when there is nothing to send or nobody to send it to. */
export const SendButton = /* @__PURE__ */ forwardRef<HTMLButtonElement, SendButtonProps>(function SendButton(
  { className, children, onClick, disabled, ...props },
  ref,
) {
  const { sendAll, canSend, strings } = useComposer('SendButton');
  return (
    <button
      type="button"
      {...props}
      ref={ref}
      disabled={disabled || !canSend}
      className={cx('im-button', 'im-button--send', className)}
      onClick={(event) => {
        onClick?.(event);
        if (!event.defaultPrevented) sendAll();
      }}
    >
      {children ?? strings.send}
    </button>
  );
});
