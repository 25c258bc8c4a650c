import { type ButtonHTMLAttributes, forwardRef, useId } from 'react';
import { useComposer } from '../ComposerContext';
import { cx } from './cx';

export type OriginalSwitchProps = ButtonHTMLAttributes<HTMLButtonElement>;

/**
 * "Original" (原图): send photos at full size instead of downscaled. A `role="switch"` button, off by
 * default, operated by click, Enter or Space, its state announced through `aria-checked` and shown in
 * `data-state` (`on | off`). Switching prepares every draft not sent yet again. Renders nothing when
 * the composer's `prepare` is `false`.
 */
export const OriginalSwitch = forwardRef<HTMLButtonElement, OriginalSwitchProps>(function OriginalSwitch(
  { className, children, onClick, ...props },
  ref,
) {
  const { original, setOriginal, strings, disabled } = useComposer('OriginalSwitch');
  const hintId = useId();
  if (original === undefined) return null;
  return (
    <>
      <button
        type="button"
        role="switch"
        aria-checked={original}
        aria-describedby={hintId}
        disabled={disabled}
        {...props}
        ref={ref}
        className={cx('im-button', 'im-switch', className)}
        data-state={original ? 'on' : 'off'}
        onClick={(event) => {
          onClick?.(event);
          if (!event.defaultPrevented) setOriginal(!original);
        }}
      >
        <span className="im-switch__track" aria-hidden="true" />
        {children ?? strings.original}
      </button>
      <span id={hintId} hidden>
        {strings.originalHint}
      </span>
    </>
  );
});
