import { forwardRef, type InputHTMLAttributes } from 'react';
import { useComposer } from '../ComposerContext';
import { IMAGE_ACCEPT } from '../useComposerState';

export type DropzoneInputProps = InputHTMLAttributes<HTMLInputElement>;

/** The labelled, visually hidden `<input type="file">` behind the drop zone. Put it inside `<Dropzone>`. */
export const DropzoneInput = forwardRef<HTMLInputElement, DropzoneInputProps>(
  function DropzoneInput(props, ref) {
    const { dropzone, strings } = useComposer('DropzoneInput');
    return (
      <input
        {...dropzone.getInputProps({ 'aria-label': strings.addImages, accept: IMAGE_ACCEPT, ...props, ref })}
      />
    );
  },
);
