import { forwardRef, type InputHTMLAttributes, useMemo } from 'react';
import { useComposer } from '../ComposerContext';
import { IMAGE_ACCEPT } from '../useComposerState';
import { cx } from './cx';
import { mergeRefs } from './mergeRefs';

export type DropzoneInputProps = InputHTMLAttributes<HTMLInputElement>;

/**
 * The labelled, visually hidden `<input type="file">` the drop zone opens. Render it inside
 * `<ImageMessageComposer.Root>`, beside (not inside) `<Dropzone>`, so no control is nested in a button.
 */
export const DropzoneInput = /* @__PURE__ */ forwardRef<HTMLInputElement, DropzoneInputProps>(
  function DropzoneInput({ className, ...props }, ref) {
    const { dropzone, strings } = useComposer('DropzoneInput');
    const mergedRef = useMemo(() => mergeRefs(dropzone.inputRef, ref), [dropzone.inputRef, ref]);
    return (
      <input
        // Labelled for tests and tools that look for the file input, but hidden from assistive technology:
        // Chromium exposes a file input as a second "Add images" button, and the visible one is the control.
        {...dropzone.getInputProps({
          'aria-label': strings.addImages,
          'aria-hidden': true,
          accept: IMAGE_ACCEPT,
          ...props,
        })}
        // react-dropzone's input is a 0 × 0 block: in the composer's flex column it would still take a gap.
        className={cx('im-dropzone__input', className)}
        // The picker opens through react-dropzone's own ref; keep it alongside a forwarded one.
        ref={mergedRef}
      />
    );
  },
);
