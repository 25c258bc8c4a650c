import { type ButtonHTMLAttributes, forwardRef } from 'react';
import { useComposer } from '../ComposerContext';
import { cx } from './cx';

export type DropzoneButtonProps = ButtonHTMLAttributes<HTMLButtonElement>;

/**
 * "Add images": the keyboard and screen-reader way to pick files. It needs no handler of its own — its
 * click (also from Enter or Space) bubbles to the enclosing `<Dropzone>`, which opens the picker, so a
 * click is never handled twice.
 */
export const DropzoneButton = /* @__PURE__ */ forwardRef<HTMLButtonElement, DropzoneButtonProps>(
  function DropzoneButton({ className, children, ...props }, ref) {
    const { strings, disabled, ids } = useComposer('DropzoneButton');
    return (
      <button
        type="button"
        aria-describedby={ids.hint}
        disabled={disabled}
        {...props}
        ref={ref}
        className={cx('im-button', 'im-dropzone__button', className)}
        data-im-part="add-images"
      >
        {children ?? strings.addImages}
      </button>
    );
  },
);
